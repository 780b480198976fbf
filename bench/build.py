"""Each scale's database, built once with `nacka-desktop demo` into bench/.cache and reused
while the package's source (and the day) stay the same; the build is the `demo` figure."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .common import CACHE_DIR, ROOT, Record

DEMO_TARGETS = {"stockholm": 60.0}


@dataclass
class Built:
    path: Path | None
    record: Record


def source_hash() -> str:
    digest = hashlib.sha256()
    package = ROOT / "nacka_desktop"
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def demo_command(scale: str, path: Path) -> list[str]:
    command = [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(path), "--force"]
    if scale != "sample":
        command[3:3] = ["--scale", scale]
    return command


def scales_supported() -> bool:
    """True once `demo --scale` exists (it is being added alongside this benchmark)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    return "--scale" in done.stdout


def build(scale: str, timeout: float, today: date, force: bool = False) -> Built:
    """The cached database for the scale, building it if missing or stale."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / f"{scale}.db"
    meta_path = CACHE_DIR / f"{scale}.json"
    key = {"scale": scale, "source": source_hash(), "today": today.isoformat()}
    name = "demo" if scale == "sample" else f"demo --scale {scale}"
    limit = DEMO_TARGETS.get(scale)
    target = f"≤ {limit:g} s" if limit else ""
    if not force and path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("key") == key:
            seconds = float(meta["seconds"])
            return Built(
                path,
                Record(
                    name,
                    scale,
                    median=seconds,
                    target=target,
                    met=None if limit is None else seconds <= limit,
                    runs=1,
                    note=f"one build, cached from {meta['built_at']} (same source; "
                    "BENCH_REBUILD=1 builds again)",
                ),
            )
    if scale != "sample" and not scales_supported():
        return Built(None, Record(name, scale, target=target, error="`demo --scale` not there"))
    partial = CACHE_DIR / f"{scale}.building.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    print(f"[{scale}] building the database ({name}) …", file=sys.stderr, flush=True)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            demo_command(scale, partial),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    except subprocess.TimeoutExpired:
        return Built(
            None, Record(name, scale, target=target, error=f"timed out after {timeout:g} s")
        )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        message = (done.stderr.strip() or done.stdout.strip()).splitlines()
        return Built(
            None,
            Record(name, scale, target=target, error=f"exit {done.returncode}: {message[-1:]}"),
        )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    built_at = datetime.now(UTC).astimezone().isoformat(timespec="seconds")
    meta_path.write_text(json.dumps({"key": key, "seconds": seconds, "built_at": built_at}))
    return Built(
        path,
        Record(
            name,
            scale,
            median=seconds,
            target=target,
            met=None if limit is None else seconds <= limit,
            runs=1,
            note="one build in this run",
        ),
    )
