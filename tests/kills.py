"""When to kill a process in the kill -9 tests (issue 11)."""

from __future__ import annotations

import random

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
