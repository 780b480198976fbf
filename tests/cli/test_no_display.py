"""Without a display, opening the window explains how to use xvfb-run instead of crashing."""

from __future__ import annotations

import sys

import pytest

from nacka_desktop.app import main


def test_gui_without_display_says_how_to_use_xvfb(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "ingen skärm" in err
    assert "make run-xvfb" in err


def test_the_virtual_display_command_installs_xvfb_before_using_it() -> None:
    """Issue 14: the README's `xvfb-run -a make run` failed on a fresh machine, where only
    `make run` itself installs Xvfb. `make run-xvfb` installs the window's packages (Xvfb
    among them) first, then runs the app under xvfb-run."""
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    make = shutil.which("make")
    assert make is not None
    steps = subprocess.run(
        [make, "-n", "-B", "run-xvfb"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    install = steps.index("system-deps.sh window")
    assert "xvfb" in (root / "installer" / "system-deps.sh").read_text(encoding="utf-8")
    assert steps.index("xvfb-run -a") > install
    assert "make run-xvfb" in (root / "README.md").read_text(encoding="utf-8")
