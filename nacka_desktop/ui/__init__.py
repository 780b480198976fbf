"""The Qt front end: the only package that imports PySide6 widgets."""

from nacka_desktop.ui.shell.none_guard import make_none_immortal

# Before any widget exists: see none_guard.py (PySide6 loses references to None on 3.11).
make_none_immortal()
