"""What every measurement shares: a record per figure, timing loops, memory readings, and the
protocol between the parent (`python -m bench`) and the child process a measurement runs in.

A child appends one JSON line per record to the file named by BENCH_RECORDS as soon as the
figure is known, so a child that is killed at its timeout still reports what it finished."""

from __future__ import annotations

import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from nacka_desktop.domain.dates import today

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
CACHE_DIR = BENCH_DIR / ".cache"
FONT_DIR = ROOT / "resources" / "fonts"
MIB = 1024 * 1024


@dataclass
class Record:
    """One line of RESULTS.md. Times are in seconds, memory in bytes."""

    name: str
    scale: str
    median: float | None = None
    p95: float | None = None
    baseline: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    unit: str = "time"  # "time" or "memory"
    runs: int = 0
    note: str = ""
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(**data)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    """The nearest-rank 95th percentile (with 20 samples: the 19th smallest)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(0.95 * len(ordered)))
    return ordered[rank - 1]


def repeat(
    action: Callable[[], Any], times: int, budget: float, setup: Callable[[], Any] | None = None
) -> list[float]:
    """Time `action` up to `times` times, stopping early (after at least one run) once the
    runs together took `budget` seconds: a slow figure is still reported, with fewer runs."""
    samples: list[float] = []
    spent = 0.0
    for _ in range(times):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        elapsed = time.perf_counter() - start
        samples.append(elapsed)
        spent += elapsed
        if spent > budget:
            break
    return samples


@contextmanager
def timer() -> Iterator[list[float]]:
    box: list[float] = []
    start = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - start)


# --- memory (Linux) -----------------------------------------------------------------------


def _status_kib(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def rss_bytes() -> int:
    return _status_kib("VmRSS") * 1024


def peak_rss_bytes() -> int:
    return _status_kib("VmHWM") * 1024


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux ≥ 4.0); False where that is not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# --- child side ---------------------------------------------------------------------------


@dataclass
class ChildArgs:
    scale: str
    database: Path
    repeat: int
    samples: int
    budget: float
    today: date
    work_dir: Path


def child_args() -> ChildArgs:
    env = os.environ
    return ChildArgs(
        scale=env["BENCH_SCALE"],
        database=Path(env["BENCH_DB"]),
        repeat=int(env.get("BENCH_REPEAT", "5")),
        samples=int(env.get("BENCH_SAMPLES", "20")),
        budget=float(env.get("BENCH_BUDGET", "60")),
        today=date.fromisoformat(env.get("BENCH_TODAY", today().isoformat())),
        work_dir=Path(env["BENCH_WORK"]),
    )


def emit(record: Record) -> None:
    """Hand a finished figure to the parent (and show progress on stderr)."""
    path = os.environ.get("BENCH_RECORDS")
    line = json.dumps(asdict(record), ensure_ascii=False)
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    print(f"  · {describe(record)}", file=sys.stderr, flush=True)


def failed(name: str, scale: str, target: str, error: BaseException | str) -> Record:
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return Record(name, scale, target=target, error=text.splitlines()[0][:200] if text else "")


@contextmanager
def measuring(name: str, scale: str, target: str) -> Iterator[None]:
    """Report a measurement that raised as a failed row; the next measurement still runs."""
    try:
        yield
    except Exception as error:  # a benchmark reports every failure instead of stopping
        import traceback

        traceback.print_exc()
        emit(failed(name, scale, target, error))


# --- formatting -----------------------------------------------------------------------------


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "memory":
        return f"{value / MIB:.0f} MiB"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def describe(record: Record) -> str:
    if record.error:
        return f"{record.name}: {record.error}"
    parts = [f"{record.name}: median {fmt(record.median, record.unit)}"]
    if record.p95 is not None:
        parts.append(f"p95 {fmt(record.p95, record.unit)}")
    if record.baseline is not None:
        parts.append(f"baseline {fmt(record.baseline, record.unit)}")
    if record.ratio is not None:
        parts.append(f"ratio {record.ratio:.2f}×")
    if record.target:
        verdict = {True: "met", False: "NOT met", None: ""}[record.met]
        parts.append(f"target {record.target} {verdict}".rstrip())
    return ", ".join(parts)


def num(value: int) -> str:
    """A count with a space between thousands, as Swedish text writes it."""
    return f"{value:,}".replace(",", " ")


def ratio(value: float, baseline: float) -> float | None:
    return value / baseline if baseline > 0 else None
