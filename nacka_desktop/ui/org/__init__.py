"""The organisation: the tree, the unit, person and appointment forms, and the dialogs and
actions that change them (new unit, move, close, appoint, consequences, processes)."""
