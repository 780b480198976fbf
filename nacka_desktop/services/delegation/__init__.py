"""Use cases of delegation: orders and the decisions taken under them, matters with
fullmäktige, and the queries the Delegation window reads."""
