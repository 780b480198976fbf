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
    assert "xvfb-run" in err
