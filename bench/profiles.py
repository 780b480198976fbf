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
from typing import Any

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.services.context import Services
from nacka_desktop.services.people import AppointmentDraft

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
    finally:
        services.close()
        rows.close()


if __name__ == "__main__":
    main()
