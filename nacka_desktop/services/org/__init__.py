"""Use cases of the organisation: units, persons and appointments, the consequences of a
change, processes, and the queries the tree and forms read."""
