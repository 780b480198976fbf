"""Write tests/fixtures/schema_REV.db: a small database at the current schema head.

Run once per released schema version (`python tools/make_schema_fixture.py`), commit the file,
and never change it again: tests/storage/test_schema_fixtures.py opens every such file with the
current app and checks the data survives the upgrade.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nacka_desktop.domain.enums import Role, UnitKind  # noqa: E402
from nacka_desktop.services.context import Services  # noqa: E402
from nacka_desktop.services.people import AppointmentDraft, PersonDraft  # noqa: E402
from nacka_desktop.services.units import UnitDraft  # noqa: E402
from nacka_desktop.storage.database import head_revision  # noqa: E402


def main() -> None:
    target = ROOT / "tests" / "fixtures" / f"schema_{head_revision()}.db"
    if target.exists():
        sys.exit(f"{target} exists; fixtures are frozen, never rewritten")
    services = Services.open(target, clock=lambda: date(2026, 11, 26))
    kf = services.units.create(
        UnitDraft("KF", "Kommunfullmäktige", UnitKind.MUNICIPAL_COUNCIL, None, seats=61)
    )
    ks = services.units.create(
        UnitDraft(
            "KS",
            "Kommunstyrelsen",
            UnitKind.EXECUTIVE_BOARD,
            kf.id,
            charter="Reglemente för kommunstyrelsen.",
        )
    )
    slk = services.units.create(
        UnitDraft("1000", "Stadsledningskontoret", UnitKind.CITY_MANAGEMENT_OFFICE, ks.id)
    )
    person = services.persons.create(
        PersonDraft("N1", "Åsa", "Öberg", "Stadsdirektör", "asa.oberg@nacka.se")
    )
    services.appointments.appoint(
        AppointmentDraft(person.id, slk.id, Role.CITY_DIRECTOR, date(2020, 1, 1))
    )
    services.close()
    with_wal = [Path(f"{target}{suffix}") for suffix in ("-wal", "-shm")]
    for leftover in with_wal:
        leftover.unlink(missing_ok=True)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
