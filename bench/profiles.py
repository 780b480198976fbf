"""Where the time goes: a cProfile of `check` and of one edit of each kind through the services
(the same calls the GUI's undoable commands make), so that every figure that misses its target
in RESULTS.md comes with the profile that explains it.

Run by `python -m bench` as a child process like the other measurements; each profile is one
record whose `extra["profile"]` holds the app's own functions by cumulative time (library and
standard-library frames are left out of the listing but counted in the total)."""

from __future__ import annotations

import cProfile
import io
import pstats
import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.people import AppointmentDraft

from .common import ROOT, Record, child_args, emit, measuring

TOP = 14  # functions listed per profile


def profile(call: Callable[[], Any]) -> tuple[float, str]:
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    try:
        call()
    finally:
        profiler.disable()
    elapsed = time.perf_counter() - started
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("cumulative")
    listing = []
    package = str(ROOT / "nacka_desktop")
    for (path, line, function), (_cc, calls, own, cumulative, _callers) in sorted(
        stats.stats.items(),  # type: ignore[attr-defined]
        key=lambda kv: -kv[1][3],
    ):
        if not path.startswith(package):
            continue
        where = f"{path[len(str(ROOT)) + 1 :]}:{line} {function}"
        listing.append(f"{cumulative:8.3f} s {own:8.3f} s {calls:9d}  {where}")
        if len(listing) == TOP:
            break
    header = f"{'cumul.':>10} {'own':>10} {'calls':>9}  function"
    return elapsed, "\n".join([header, *listing])


def main() -> None:
    args = child_args()
    database = args.work_dir / "profile.db"
    shutil.copyfile(args.database, database)
    rows = sqlite3.connect(database)
    today = args.today
    chance = random.Random(8)

    services = Services.open(database, lambda: today)
    try:
        name = "profile: check"
        with measuring(name, args.scale, ""):
            elapsed, text = profile(lambda: services.queries.check(today))
            emit(Record(name, args.scale, median=elapsed, runs=1, extra={"profile": text}))

        employees = rows.execute(
            "SELECT person_id, unit_id FROM appointment WHERE role = 'employee' AND "
            "(valid_to IS NULL OR valid_to > ?) ORDER BY id LIMIT 200",
            (today.isoformat(),),
        ).fetchall()
        units = [r[0] for r in rows.execute("SELECT id FROM unit WHERE kind = 'unit'")]
        groups = rows.execute(
            "SELECT id, parent_id FROM unit WHERE kind = 'group' ORDER BY id LIMIT 50"
        ).fetchall()
        distributions = [r[0] for r in rows.execute("SELECT id FROM task_distribution")]
        decisions = rows.execute(
            "SELECT item_id, decided_by_appointment_id, decided_on, description, case_number, "
            "need_tested_on, consulted_on, appealable FROM delegated_decision LIMIT 50"
        ).fetchall()

        def appoint() -> None:
            person, unit = chance.choice(employees)
            target = chance.choice([u for u in units if u != unit])
            draft = AppointmentDraft(person, target, Role.EMPLOYEE, valid_from=today)
            services.appointments.appoint(draft)

        def move() -> None:
            unit, parent = chance.choice(groups)
            target = chance.choice([u for u in units if u != parent])
            services.units.move(unit, target)

        def distribute() -> None:
            draft = services.distributions.draft_of(chance.choice(distributions))
            draft.valid_from, draft.valid_to = today, None
            services.distributions.create(draft)

        def record_decision() -> None:
            from datetime import date

            item, by, on, text, case, tested, consulted, appealable = chance.choice(decisions)
            services.delegated_decisions.record(
                int(item),
                int(by),
                date.fromisoformat(on),
                f"{text} (profil)",
                case or "",
                date.fromisoformat(tested) if tested else None,
                date.fromisoformat(consulted) if consulted else None,
                bool(appealable),
                need_tested_by="Stadsdirektören och personaldirektören" if tested else "",
                consulted_with="Verksamhetschefen" if consulted else "",
            )

        for label, edit in (
            ("appoint", appoint),
            ("move unit", move),
            ("distribute", distribute),
            ("record decision", record_decision),
        ):
            name = f"profile: edit {label}"
            refused: list[str] = []

            def run(edit: Callable[[], None] = edit, refused: list[str] = refused) -> None:
                try:
                    edit()
                except RuleViolationError as error:  # checked all the same: still a profile
                    refused.append(str(error))

            with measuring(name, args.scale, ""):
                run()  # a first one, so the profile shows the steady state
                refused.clear()
                elapsed, text = profile(run)
                note = "refused by the rules (after checking)" if refused else ""
                emit(
                    Record(
                        name,
                        args.scale,
                        median=elapsed,
                        runs=1,
                        note=note,
                        extra={"profile": text},
                    )
                )
        _gui_and_exports(args, database, services, rows)
    finally:
        services.close()
        rows.close()


def _gui_and_exports(
    args: Any, database: Path, services: Services, rows: sqlite3.Connection
) -> None:
    """The other figures that miss their targets: the Delegation window, a letter, the
    delegations register, the tree expanded while the first check runs beside it, where the
    memory goes, and start-up (in a fresh process, so that the imports are counted)."""
    import os
    import statistics
    import subprocess
    import sys
    import threading
    import tracemalloc

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from nacka_desktop.domain.language import Language
    from nacka_desktop.domain.letterhead import Letterhead
    from nacka_desktop.exports.letters import write_distribution_letter
    from nacka_desktop.exports.registers.delegation import write_delegation_register
    from nacka_desktop.ui.delegation.window import DelegationWindow

    today = args.today
    app = QApplication.instance() or QApplication([])
    person = rows.execute(
        "SELECT person_id FROM appointment WHERE role = 'unit_manager' ORDER BY id LIMIT 1"
    ).fetchone()[0]

    def delegation_window() -> None:
        window = DelegationWindow(services, today, Language.SWEDISH)
        window.select_person(person)
        app.processEvents()
        window.close()
        window.deleteLater()

    distribution = rows.execute(
        "SELECT distribution_id FROM task_distribution_item GROUP BY distribution_id "
        "ORDER BY count(*) DESC, distribution_id LIMIT 1"
    ).fetchone()[0]
    letter = args.work_dir / "profile-letter.pdf"
    register = args.work_dir / "profile-register.xlsx"
    busiest = rows.execute(
        "SELECT unit_id FROM task_distribution_unit GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]

    def select_with_work_tab() -> None:
        """What the window reads when a unit, then a person, is selected with the
        Arbetsmiljö tab open (MainWindow.show_unit / show_person and _refresh_work)."""
        services.queries.unit_page(busiest, today)
        services.work.holders_in_unit(busiest, today)
        services.work.distributions_in_unit(busiest, today)
        services.queries.person_page(person, today)
        services.work.distributions_of_person(person, today)
        services.work.held_by_person(person, today)

    for name, call in (
        ("profile: select with the Arbetsmiljö tab", select_with_work_tab),
        ("profile: Delegation window", delegation_window),
        (
            "profile: letter",
            lambda: write_distribution_letter(
                services.work.distribution(distribution, today), letter, Letterhead(), today
            ),
        ),
        (
            "profile: delegations register",
            lambda: write_delegation_register(
                services.delegation_documents.delegation_register(today), register
            ),
        ),
    ):
        with measuring(name, args.scale, ""):
            call()  # a first one: the profile shows the steady state
            elapsed, text = profile(call)
            emit(Record(name, args.scale, median=elapsed, runs=1, extra={"profile": text}))

    name = "profile: tree expand beside the first check"
    with measuring(name, args.scale, ""):
        biggest = rows.execute(
            "SELECT parent_id FROM unit_history WHERE parent_id IS NOT NULL "
            "GROUP BY parent_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        fresh = Services.open(database, lambda: today, create=False)
        try:

            def expansions() -> list[float]:
                times = []
                for _ in range(20):
                    started = time.perf_counter()
                    fresh.queries.tree_children(biggest, today)
                    times.append(time.perf_counter() - started)
                    time.sleep(0.05)
                return times

            idle = expansions()
            checking = threading.Thread(target=lambda: fresh.queries.check(today))
            checking.start()
            busy = expansions()
            checking.join()
        finally:
            fresh.close()
        text = (
            "The same query (the children of the unit with most children), 20 times:\n"
            f"  alone:                    median {statistics.median(idle) * 1000:7.1f} ms, "
            f"max {max(idle) * 1000:7.1f} ms\n"
            f"  beside the first check:   median {statistics.median(busy) * 1000:7.1f} ms, "
            f"max {max(busy) * 1000:7.1f} ms\n"
            "The first check runs in a worker thread of the same process; the GUI thread "
            "waits for the interpreter lock between its steps (Python switches threads every "
            "5 ms, longer inside a C call), so a 5 ms query can take ten or a hundred times "
            "as long until the first check is done."
        )
        emit(
            Record(
                name, args.scale, median=statistics.median(busy), runs=20, extra={"profile": text}
            )
        )

    name = "profile: memory after the first check"
    with measuring(name, args.scale, ""):
        fresh = Services.open(database, lambda: today, create=False)
        try:
            tracemalloc.start(1)
            fresh.queries.check(today)
            snapshot = tracemalloc.take_snapshot()
            tracemalloc.stop()
        finally:
            fresh.close()
        stats = snapshot.statistics("lineno")
        total = sum(stat.size for stat in stats)
        package = str(ROOT)
        lines = [f"{total / 2**20:8.1f} MiB in all, allocated and still held; the largest:"]
        for stat in stats[:TOP]:
            frame = stat.traceback[0]
            where = frame.filename
            where = where[len(package) + 1 :] if where.startswith(package) else where
            lines.append(
                f"{stat.size / 2**20:8.1f} MiB {stat.count:9d} blocks  {where}:{frame.lineno}"
            )
        emit(
            Record(
                name,
                args.scale,
                median=total,
                unit="memory",
                runs=1,
                extra={"profile": "\n".join(lines)},
            )
        )

    name = "profile: start-up"
    with measuring(name, args.scale, ""):
        script = (
            "import cProfile, pstats, io, time, os\n"
            "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
            "started = time.perf_counter()\n"
            "profiler = cProfile.Profile(); profiler.enable()\n"
            "import nacka_desktop.ui.shell.application, nacka_desktop.ui.shell.main_window\n"
            "profiler.disable()\n"
            "print(round(time.perf_counter() - started, 3))\n"
            "stream = io.StringIO()\n"
            "pstats.Stats(profiler, stream=stream).sort_stats('cumulative').print_stats(18)\n"
            "print(stream.getvalue())\n"
        )
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", script],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        imports = sorted(
            (
                (int(parts[1]), parts[2].strip())
                for parts in (line.split("|") for line in done.stderr.splitlines())
                if len(parts) == 3 and parts[1].strip().isdigit()
            ),
            reverse=True,
        )[:TOP]
        seconds = float(done.stdout.splitlines()[0]) if done.stdout else 0.0
        text = (
            "Imports by cumulative time (python -X importtime: a module's time includes "
            "the modules it imports first), the largest:\n"
        ) + "\n".join(f"{micro / 1000:8.1f} ms  {module}" for micro, module in imports)
        emit(Record(name, args.scale, median=seconds, runs=1, extra={"profile": text}))
    app.processEvents()


if __name__ == "__main__":
    main()
