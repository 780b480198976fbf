"""When to kill a process in the kill -9 tests (issue 11)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

KILLS = 20  # per kind of interrupted work


def kill_moments(span: float, seed: int, kills: int = KILLS) -> list[float]:
    """Moments to kill at, spread evenly over 0 … 1.3 × `span` (the whole run, start-up
    included, so the last ones come after the work is done) and shuffled by the seed: some
    kills land before the commit and some after, whatever the machine's speed."""
    moments = [
        span * 1.3 * (index + random.Random(seed + index).random()) / kills
        for index in range(kills)
    ]
    random.Random(seed).shuffle(moments)
    return moments


def run_and_kill(script: str, args: list[str], delay: float) -> bool:
    """Run `script` (Python source that prints "ready" once its imports are done) in a child
    process and kill -9 it `delay` seconds after "ready" unless it finished first; True if
    it finished and exited 0."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    try:
        child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
    return child.returncode == 0
