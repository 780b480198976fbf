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

from nacka_desktop.domain.delegation.council_matters import (  # noqa: E402
    CouncilMatter,
    CouncilMatterKind,
)
from nacka_desktop.domain.delegation.orders import (  # noqa: E402
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    LegalBasis,
)
from nacka_desktop.domain.enums import Role, UnitKind  # noqa: E402
from nacka_desktop.domain.letterhead import Letterhead  # noqa: E402
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty  # noqa: E402
from nacka_desktop.services.context import Services  # noqa: E402
from nacka_desktop.services.org.people import AppointmentDraft, PersonDraft  # noqa: E402
from nacka_desktop.services.org.units import UnitDraft  # noqa: E402
from nacka_desktop.services.signatures import Attachment  # noqa: E402
from nacka_desktop.services.work_environment import (  # noqa: E402
    ALL_CONFIRMED,
    DistributionDraft,
)
from nacka_desktop.storage.database import head_revision  # noqa: E402

HR2_BY = "Stadsdirektören och personaldirektören"  # who tested the need (HR-2)


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
    # A unit renamed from a date (0009: units have a history of name, code, kind and place).
    area = services.units.create(
        UnitDraft("2000", "Ekonomiavdelningen", UnitKind.DIRECTOR_AREA, slk.id)
    )
    services.units.rename(area.id, "Ekonomi och styrning", date(2025, 6, 1))
    person = services.persons.create(
        PersonDraft("N1", "Åsa", "Öberg", "Stadsdirektör", "asa.oberg@nacka.se")
    )
    director = services.appointments.appoint(
        AppointmentDraft(person.id, slk.id, Role.CITY_DIRECTOR, date(2020, 1, 1))
    )
    chair = services.persons.create(PersonDraft("F1", "Örjan", "Ågren", "Förtroendevald"))
    services.appointments.appoint(AppointmentDraft(chair.id, ks.id, Role.CHAIR, date(2020, 1, 1)))
    tasks = [t.id for t in services.tasks.list()]
    distribution = services.distributions.create(
        DistributionDraft(
            director.id,
            None,
            [slk.id],
            tasks,
            date(2024, 1, 1),
            may_pass_on=True,
            absence_arrangement="Vid frånvaro återgår uppgifterna till kommunstyrelsen.",
            retained_tasks="Inga.",
            confirmations={t: ALL_CONFIRMED for t in tasks},
        )
    )
    services.distributions.sign(distribution, date(2024, 1, 1))
    services.distributions.record_oral(distribution, date(2024, 1, 2))
    order = services.delegation_orders.create_order(
        ks.id,
        [
            DelegationItem(
                0,
                "Personal",
                "1.1",
                "Anställning av förvaltningschef",
                DecisionKind.HIRE,
                Delegate(DelegateKind.POSITION, Role.CITY_DIRECTOR),
                lagrum="KL 7 kap 5 §",
                subdelegation_allowed=True,
            )
        ],
    )
    services.delegation_orders.adopt(order, date(2025, 1, 1), "§ 1")
    item_id = services.delegation.orders()[0].items[0].id
    services.delegation_orders.subdelegate(
        item_id,
        director.id,
        Delegate(DelegateKind.POSITION, None, "Kommunjurist"),
        date(2025, 2, 1),
    )
    services.delegated_decisions.record(
        item_id,
        director.id,
        date(2025, 3, 3),
        "Anställning av förvaltningschef",
        "KFKS 2025/12",
        need_tested_on=date(2025, 2, 20),
        need_tested_by=HR2_BY,
        appealable=True,
    )
    services.council_matters.record(
        CouncilMatter(
            0,
            CouncilMatterKind.REFERRAL,
            ks.id,
            "Ny arbetsgivarpolicy",
            LegalBasis.GENERAL_COMPETENCE,
            date(2025, 4, 2),
            "§ 40",
            "KFKS 2025/20",
            to_unit_id=kf.id,
            prepared_on=date(2025, 4, 10),
        )
    )
    services.letterhead.set_letterhead(
        Letterhead("Exempelkommun", ("Kommunledningskontoret",), logo=None)
    )
    issued = services.signatures.issue(
        DocumentKind.DISTRIBUTION_LETTER,
        distribution,
        b"%PDF-1.7\n% the letter as issued\n%%EOF\n",
        "uuid:00000000-0000-4000-8000-000000000012",
        "Fördelning av arbetsmiljöuppgifter",
    )
    services.signatures.record_paper(
        issued.id,
        SignatureParty.RECEIVER,
        "Åsa Öberg",
        date(2024, 1, 1),
        Attachment("underskrift.png", b"\x89PNG\r\n\x1a\n" + bytes(16)),
    )
    services.close()
    with_wal = [Path(f"{target}{suffix}") for suffix in ("-wal", "-shm")]
    for leftover in with_wal:
        leftover.unlink(missing_ok=True)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
