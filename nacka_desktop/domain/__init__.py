"""Pure-Python domain: value types, enums, the rule catalogue and the rule checks."""
