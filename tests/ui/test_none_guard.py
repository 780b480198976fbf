"""Long sessions survive PySide6's lost references to None (none_guard.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# More model resets than None has references at start-up (about 40,000 with the app loaded):
# without the guard, Python 3.11 aborts with "Fatal Python error: none_dealloc".
_SESSION = textwrap.dedent(
    """
    import nacka_desktop.ui.shell.main_window
    from PySide6.QtWidgets import QApplication, QTableView
    from nacka_desktop.ui.delegation.models import RowsModel

    app = QApplication([])
    model = RowsModel(["a"])
    view = QTableView()
    view.setModel(model)
    rows, columns = [(1,), (2,)], [lambda row: row[0]]
    for _ in range(60_000):
        model.set_rows(rows, columns)
    print("survived")
    """
)


def test_a_long_session_of_model_resets_does_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _SESSION], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout
