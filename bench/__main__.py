"""`make bench`: build each scale's database, run every measurement in its own process (with a
timeout, so the run always finishes), print the figures and write bench/RESULTS.md.

Environment: BENCH_SCALES (default "sample nacka stockholm"; a number is a unit count for
`demo --scale N`), BENCH_REPEAT (runs per median, default 5), BENCH_SAMPLES (edits and
clicks per p95, default 20), BENCH_TIMEOUT (seconds per measurement process, default 420),
BENCH_BUDGET (seconds one figure may spend repeating, default 45), BENCH_REBUILD=1 (build the
databases again even if cached), BENCH_ONLY (e.g. "check gui": run only these modules),
BENCH_GUI_STEPS (e.g. "sign letter,select": only these steps of the GUI module)."""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path

from nacka_desktop.domain.dates import today as local_today

from .build import build
from .common import BENCH_DIR, ROOT, Record, describe, fmt, num

# Each measurement module and the figures it reports (to name those a timeout cut off).
MODULES: dict[str, list[str]] = {
    "check": ["check (in process)", "check (CLI)"],
    "gui_start": ["start to first usable window"],
    "gui": [
        "tree expand",
        "search keystroke",
        "select unit",
        "select unit (Arbetsmiljö tab)",
        "select person",
        "select person (Arbetsmiljö tab)",
        "Delegation window",
        "Delegation window (person selected)",
        "edit: appoint",
        "undo: appoint",
        "edit: move unit",
        "undo: move unit",
        "edit: distribute",
        "undo: distribute",
        "edit: record decision",
        "undo: record decision",
        "longest freeze (watchdog)",
        "peak memory of the GUI",
    ],
    "exports": [
        "letter (GUI path)",
        "letter (CLI)",
        "delegations register",
        "distributions register",
    ],
    # In processes of their own: after the Stockholm registers (30 s each) the exports
    # process had no time left for them.
    "register_memory": ["distributions register, extra memory"],
    "letters": ["1,000 letters"],
    "signing": ["sign + verify a letter"],
    "profiles": [
        "profile: check",
        "profile: edit appoint",
        "profile: edit move unit",
        "profile: edit distribute",
        "profile: edit record decision",
        "profile: select with the Arbetsmiljö tab",
        "profile: Delegation window",
        "profile: letter",
        "profile: delegations register",
        "profile: tree expand beside the first check",
        "profile: memory after the first check",
        "profile: start-up",
    ],
}
# On the last (largest) scale only: they take minutes, and the profiles explain its gaps.
HEAVY = {"1,000 letters", *MODULES["profiles"]}


def main() -> int:
    scales = os.environ.get("BENCH_SCALES", "sample nacka stockholm").split()
    timeout = float(os.environ.get("BENCH_TIMEOUT", "420"))
    only = os.environ.get("BENCH_ONLY", "").split() or list(MODULES)
    today = local_today()
    started = time.perf_counter()
    settings = {
        "BENCH_SCALES": " ".join(scales),
        "BENCH_REPEAT": os.environ.get("BENCH_REPEAT", "5"),
        "BENCH_SAMPLES": os.environ.get("BENCH_SAMPLES", "20"),
        "BENCH_TIMEOUT": f"{timeout:g}",
        "BENCH_BUDGET": os.environ.get("BENCH_BUDGET", "45"),
    }
    results: dict[str, list[Record]] = {}
    sizes: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="nacka-bench-") as work:
        for scale in scales:
            print(f"[{scale}]", file=sys.stderr, flush=True)
            built = build(scale, 900, today, force=os.environ.get("BENCH_REBUILD") == "1")
            records = [built.record]
            print(f"  · {describe(built.record)}", file=sys.stderr, flush=True)
            if built.path is None:
                for module in only:
                    records += [
                        Record(name, scale, error="no database for this scale")
                        for name in MODULES[module]
                    ]
            else:
                sizes[scale] = size_of(built.path)
                heavy = scale == scales[-1]  # HEAVY figures: on the last scale only
                for module in only:
                    if module in ("profiles", "letters") and not heavy:
                        continue
                    records += run_module(
                        module, scale, built.path, Path(work), timeout, today, heavy
                    )
            results[scale] = records
    elapsed = time.perf_counter() - started
    text = report(results, sizes, settings, elapsed, today)
    (BENCH_DIR / "RESULTS.md").write_text(text, encoding="utf-8")
    print(text)
    print(f"Wrote {BENCH_DIR / 'RESULTS.md'}", file=sys.stderr)
    return 0


def run_module(
    module: str,
    scale: str,
    database: Path,
    work: Path,
    timeout: float,
    today: date,
    heavy: bool,
) -> list[Record]:
    directory = work / f"{scale}-{module}"
    directory.mkdir()
    if module == "gui":  # it edits (and undoes): never on the cached database itself
        copy = directory / "bench.db"
        shutil.copyfile(database, copy)
        database = copy
    records_path = directory / "records.jsonl"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BENCH_SCALE": scale,
        "BENCH_DB": str(database),
        "BENCH_RECORDS": str(records_path),
        "BENCH_WORK": str(directory),
        "BENCH_TODAY": today.isoformat(),
        "BENCH_HEAVY": "1" if heavy else "0",
        # The app's settings, logs and sample database go to a private place, not the user's.
        "HOME": str(directory),
        "XDG_CONFIG_HOME": str(directory / "config"),
        "XDG_DATA_HOME": str(directory / "data"),
        "XDG_STATE_HOME": str(directory / "state"),
        "XDG_CACHE_HOME": str(directory / "cache"),
    }
    print(f"  [{scale}] {module} …", file=sys.stderr, flush=True)
    deadline = time.monotonic() + timeout
    crashes: list[str] = []
    reason = ""
    # The GUI process is resumed once after a crash (it skips the figures it reported).
    for _attempt in range(2 if module == "gui" else 1):
        log = directory / "stderr.txt"
        with open(log, "w", encoding="utf-8") as errors:
            process = subprocess.Popen(
                [sys.executable, "-m", f"bench.{module}"],
                cwd=ROOT,
                env=env,
                stderr=errors if module == "gui" else None,  # read back for a crash report
                start_new_session=True,  # its own process group: a timeout stops it all
            )
        try:
            code = process.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            reason = f"not reached: the measurement process hit its {timeout:g} s timeout"
            break
        finally:
            if log.exists():
                sys.stderr.write(log.read_text(encoding="utf-8", errors="replace"))
        if code == 0:
            reason = ""
            break
        reason = f"measurement process exited with {code}"
        crashes.append(crash_summary(directory, code))
    records = []
    if records_path.exists():
        for line in records_path.read_text(encoding="utf-8").splitlines():
            records.append(Record.from_dict(json.loads(line)))
    reported = {r.name for r in records}
    if module == "gui":
        records += gui_fallback(directory, scale, reported)
        reported = {r.name for r in records}
    expected = [n for n in MODULES[module] if heavy or n not in HEAVY]
    for name in expected:
        if name not in reported:
            records.append(Record(name, scale, error=reason or "not reported"))
    if crashes:
        CRASHES.append(f"`{scale}` {module}: " + "; ".join(crashes))
    order = {name: index for index, name in enumerate(MODULES[module])}
    records.sort(key=lambda r: order.get(r.name, len(order)))
    return records


CRASHES: list[str] = []


def gui_fallback(directory: Path, scale: str, reported: set[str]) -> list[Record]:
    """The longest freeze and the peak memory up to where a GUI process stopped (a timeout
    or a crash), from the state it saves after each step."""
    state_path = directory / "gui-state.json"
    if not state_path.exists():
        return []
    state = json.loads(state_path.read_text())
    records = []
    worst = {k: v for k, v in state.get("worst", {}).items() if not k.startswith("set-up")}
    if "longest freeze (watchdog)" not in reported and worst:
        longest = max(worst.values())
        ranked = sorted(worst.items(), key=lambda kv: -kv[1])[:3]
        records.append(
            Record(
                "longest freeze (watchdog)",
                scale,
                median=longest,
                target="≤ 100 ms",
                met=longest <= 0.1,
                runs=1,
                note="up to where the GUI process stopped; longest gaps: "
                + ", ".join(f"{phase} {gap * 1000:.0f} ms" for phase, gap in ranked),
            )
        )
    if "peak memory of the GUI" not in reported and state.get("peak"):
        records.append(
            Record(
                "peak memory of the GUI",
                scale,
                median=float(state["peak"]),
                unit="memory",
                target="≤ 350 MB (334 MiB)",
                met=state["peak"] <= 350e6,
                runs=1,
                note="VmHWM up to where the GUI process stopped",
            )
        )
    return records


def crash_summary(directory: Path, code: int) -> str:
    """Where a measurement process crashed: the step it was in and the innermost frames."""
    text = f"exit {code}"
    state = directory / "gui-state.json"
    if state.exists():
        text += f" during {json.loads(state.read_text()).get('current', '?')}"
    log = directory / "stderr.txt"
    if log.exists():
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        fatal = [line for line in lines if line.startswith("Fatal Python error")]
        frames = [line.strip() for line in lines if line.strip().startswith("File ")][:3]
        text += ": " + " ← ".join(fatal[-1:] + frames)
    return text


def size_of(database: Path) -> str:
    with sqlite3.connect(database) as connection:

        def count(table: str) -> int:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        return (
            f"{num(count('unit'))} units, {num(count('person'))} persons, "
            f"{num(count('appointment'))} appointments, {num(count('task_distribution'))} "
            f"distributions, {num(count('delegation_item'))} delegation items, "
            f"{num(count('delegated_decision'))} decisions"
        )


# --- the report ---------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    commit = git("rev-parse", "--short", "HEAD")
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return [
        ("CPU", cpu),
        ("Cores", str(os.cpu_count())),
        ("RAM", memory),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        (
            "Libraries",
            f"PySide6 {version('PySide6-Essentials')}, SQLAlchemy {version('SQLAlchemy')}, "
            f"reportlab {version('reportlab')}, openpyxl {version('openpyxl')}",
        ),
        ("Commit", commit),
    ]


def git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return done.stdout.strip() if done.returncode == 0 else "?"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def row(record: Record) -> str:
    if record.error:
        return (
            f"| {record.name} | — | — | — | — | {cell(record.target) or '—'} | "
            f"**not measured** | — | {cell(record.error)} |"
        )
    met = {True: "yes", False: "**NO**", None: "—"}[record.met]
    ratio = f"{record.ratio:.2f}×" if record.ratio is not None else "—"
    return (
        f"| {record.name} | {fmt(record.median, record.unit)} | {fmt(record.p95, record.unit)} "
        f"| {fmt(record.baseline, record.unit)} | {ratio} | {cell(record.target) or '—'} "
        f"| {met} | {record.runs or '—'} | {cell(record.note)} |"
    )


def _now() -> str:
    return datetime.now(UTC).astimezone().isoformat(sep=" ", timespec="seconds")


def report(
    results: dict[str, list[Record]],
    sizes: dict[str, str],
    settings: dict[str, str],
    elapsed: float,
    today: date,
) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {_now()} "
        f"(view date {today.isoformat()}), in {elapsed / 60:.1f} min. Every figure is the "
        "median of several runs (the *runs* column; a slow figure stops repeating once its "
        "time budget is spent), p95 where the target is a p95. A baseline is the bare library "
        "doing the same work in the same run; *ratio* = median / baseline median. Figures are "
        "measured here, never asserted in the test suite.",
        "",
        "| Machine | |",
        "|---|---|",
        *(f"| {key} | {cell(value)} |" for key, value in machine()),
        "",
        "Settings: " + ", ".join(f"`{k}={v}`" for k, v in settings.items()) + ".",
        "",
    ]
    gaps: list[str] = []
    profiles: list[str] = []
    for scale, all_records in results.items():
        records = [r for r in all_records if "profile" not in r.extra]
        for record in all_records:
            if "profile" in record.extra:
                profiles += [
                    f"### `{scale}` {record.name.removeprefix('profile: ')}: "
                    f"{fmt(record.median, record.unit)} under the profiler",
                    "",
                    "```",
                    record.extra["profile"],
                    "```",
                    "",
                ]
        lines += [f"## Scale `{scale}`", ""]
        if scale in sizes:
            lines += [sizes[scale] + ".", ""]
        lines += [
            "| measurement | median | p95 | baseline | ratio | target | met | runs | note |",
            "|---|---|---|---|---|---|---|---|---|",
            *(row(r) for r in records),
            "",
        ]
        for record in records:
            if record.error and record.target:
                gaps.append(f"- `{scale}` {record.name} ({record.target}): {record.error}")
            elif record.met is False:
                value = record.p95 if record.p95 is not None else record.median
                shown = f"{record.ratio:.2f}×" if "×" in record.target else fmt(value, record.unit)
                gaps.append(f"- `{scale}` {record.name}: {shown}, target {record.target}")
    lines += ["## Targets not met or not measured", ""]
    lines += gaps or ["None."]
    if profiles:
        lines += ["", "## Where the time goes", "", PROFILES_INTRO, "", *profiles]
    if CRASHES:
        lines += ["", "## Crashes", "", *(f"- {c}" for c in CRASHES)]
    lines += ["", HOW_MEASURED]
    return "\n".join(lines) + "\n"


PROFILES_INTRO = """cProfile of `check`, of one edit of each kind through the services (the \
same service calls as the GUI's commands, after one warm-up edit), of what selecting a unit \
and a person reads with the Arbetsmiljö tab open, of opening the Delegation window, of one \
letter and of the delegations register, on the largest scale (`bench/profiles.py`). Only the \
app's own functions are listed, by cumulative time; the profiler roughly doubles the times. \
Besides: the tree query timed alone and beside the first check (the freezes and the tree's \
p95), where the memory held after the first check was allocated (tracemalloc), and the imports \
of start-up (`python -X importtime`). What they show, and so why the figures above miss their \
targets, is summed up in the README (*Size and speed*)."""

HOW_MEASURED = """## How each figure is measured

- **demo**: `nacka-desktop demo [--scale S] --db F --force` in a subprocess, one build; the
  database is cached in `bench/.cache` while the package source and the day stay the same.
- **check (in process)**: open the database, `OrgQueries.check` (every rule, as the CLI and the
  Problems panel), close; baseline: `sqlite3` `SELECT *` of every table except the audit trail,
  all rows into tuples. **check (CLI)**: wall clock of `nacka-desktop check --json`, Python
  start-up included; baseline: `python -c` doing the sqlite3 read.
- **start to first usable window**: wall clock from spawning Python to the first paint of the
  main window with the event loop running (`Controller.start`, as `nacka-desktop --db DB`);
  baseline: a bare `QApplication` + `QMainWindow` with a `QTreeView`, measured the same way.
- **GUI figures** (one process, offscreen, the real `MainWindow` on a copy of the database):
  each timed from the call to the event queue drained (background threads finished).
  *tree expand*: `QTreeView.expand` of the units with most children (first expansion, so the
  model's `fetchMore` runs). *search keystroke*: one character into the search box plus the
  search it triggers after the debounce. *select unit/person*: `MainWindow.show_unit` /
  `show_person` (form, and the Arbetsmiljö view when its tab is open). *Delegation window*:
  `MainWindow.show_delegation` (the Ctrl+D action) until shown, with and without a person
  selected. *Edits*: the same undoable command the menu action pushes (`EditRunner.edit` with
  the service calls the action uses; the move through `OrgActions.move`, the action drag and
  drop and Ctrl+M call), timed from the push until the tree, the form and the Problems panel
  are updated; *undo* is `QUndoStack.undo` timed the same way. The dialogs that collect an
  edit's input are not part of the figure (the user is typing then). The decision is recorded
  with the Delegation window open, which reloads too. *longest freeze*: a 10 ms `QTimer` on the
  GUI thread during all GUI figures above; the longest gap between its firings. *peak memory*:
  `VmHWM` of the GUI process at the end.
- **letter (GUI path)**: `WorkQueries.distribution` + `write_distribution_letter`, as the
  *Brev (PDF)…* action, without the preview; baseline: bare reportlab platypus writing the same
  text (every paragraph and table cell of the letter, captured from its story) in the same
  embedded DejaVu font. **letter (CLI)**: `nacka-desktop export letter distribution ID`, against
  a `python -c` doing the bare reportlab write. **1,000 letters**: one work snapshot, then
  `distribution_view` + `write_distribution_letter` per letter (the distributions in turn);
  baseline: bare reportlab writing each letter's captured text.
  Run on the last scale of `BENCH_SCALES` only (it takes minutes), at least twice.
- **sign + verify a letter**: the biggest distribution's letter with its two empty signature
  fields; `Pkcs12Signer(p12, password).sign` (PAdES B-B, visible stamp) then `verify_pdf`;
  baseline: bare pyHanko doing the same steps (`SimpleSigner.load_pkcs12_data`, `PdfSigner`
  with the same stamp style, `validate_pdf_signature` with no trust roots), alternated with it.
- **registers**: `write_delegation_register` / `write_distribution_register`; baseline: bare
  openpyxl write-only writing the same cells (read back from the app's file) to the same
  sheets. *extra memory*: in a fresh process, peak RSS during the export minus RSS before it.
"""


if __name__ == "__main__":
    sys.exit(main())
