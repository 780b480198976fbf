"""The user guide: the help window, its pages, and the links from refusals to rules."""
