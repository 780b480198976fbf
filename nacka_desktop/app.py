"""Entry point: the command line decides whether to run a command or open the window."""

from __future__ import annotations

import sys


def _launch_gui(database: str | None) -> int:
    from nacka_desktop.ui.shell.application import run  # Qt is loaded only when a window is wanted

    return run(database)


def main(argv: list[str] | None = None) -> int:
    from nacka_desktop import cli

    return cli.main(sys.argv[1:] if argv is None else argv, launch_gui=_launch_gui)


if __name__ == "__main__":
    sys.exit(main())
