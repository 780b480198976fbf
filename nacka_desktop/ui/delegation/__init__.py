"""Delegation: the Delegation window and its tabs (the order, who may decide, delegated
decisions, matters with fullmäktige) and their dialogs."""
