"""Delegation orders (DOMAIN.md §4): orders and items, who holds a right, the Excel
format of items, comparing versions, the laws cited, matters with fullmäktige."""
