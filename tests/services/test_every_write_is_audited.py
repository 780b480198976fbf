"""Every public method of every service reachable from `Services` is listed here, as one that
only reads or as one that writes; each write is made for real on the sample organisation and
every transaction it commits must add an audit entry alongside what it changed (issue 11: the
audit log records every change, and its hash chain stays whole).

The table is the point: a new public service method that is in neither list fails
`test_every_public_service_method_is_listed`, so no write path can be added unaudited without
someone deciding here what it is. What a transaction changed is read from the data_version
counters (migration 0006), moved by triggers on every insert, update and delete, so a write
that escapes the ORM (SQL text, a bulk statement) counts too.
"""

from __future__ import annotations

import dataclasses
import inspect
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event, select, text
from sqlalchemy.orm import Session, SessionTransaction

from nacka_desktop.domain.delegation.orders import Delegate, DelegateKind, OrderStatus
from nacka_desktop.domain.enums import ProcessKind, Role, UnitKind
from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.signatures import DocumentKind, SignatureParty
from nacka_desktop.domain.work_environment import ReturnReason
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.people import AppointmentDraft, PersonDraft
from nacka_desktop.services.org.units import UnitDraft
from nacka_desktop.services.work_environment import ALL_CONFIRMED
from nacka_desktop.storage.audit_chain import verify_chain
from nacka_desktop.storage.models import DataVersion, DelegatedDecision
from tests.conftest import TODAY, build_sample

Measured = Callable[[], object]  # the one call a scenario measures, after its own set-up
Scenario = Callable[[Services], Measured]

# --- the table ----------------------------------------------------------------------------------

# Methods that only read (a preview runs an edit and rolls it back: nothing is committed).
READS = {
    "letterhead.letterhead",
    "signatures.letters",
    "signatures.issued_file",
    "signatures.attachment",
    "signatures.latest_file",
    "signatures.parties",
    "signatures.unsigned_parties",
    "processes.list",
    "tasks.list",
    "distributions.draft_of",
    *(
        f"queries.{name}"
        for name in [
            "snapshot",
            "tree_children",
            "unit_path",
            "search",
            "unit",
            "history",
            "person",
            "appointment",
            "around",
            "unit_page",
            "history_rows",
            "person_page",
            "appointments_in_unit",
            "appointments_of_person",
            "manager_of",
            "chiefs_of",
            "check",
            "cached_check",
            "version",
        ]
    ),
    *(
        f"work.{name}"
        for name in [
            "snapshot",
            "around",
            "distribution",
            "distributions",
            "distributions_of_person",
            "distributions_in_unit",
            "held_by_person",
            "holders_in_unit",
            "task_return",
            "distribution_register",
        ]
    ),
    *(  # the views of the delegation letters and registers
        f"delegation_documents.{name}"
        for name in [
            "order_letter",
            "delegate_letter",
            "decision_report",
            "separate_record",
            "delegation_register",
            "decision_register",
        ]
    ),
    *(
        f"delegation.{name}"
        for name in [
            "council_matters",
            "recall_of_item",
            "subdelegations",
            "board_by_name",
            "orders",
            "rights_of_person",
            "who_may_decide",
            "board_settings",
            "rights_view",
            "who_view",
            "items_in_force",
            "decisions",
        ]
    ),
    "consequences.of_closing",
    "consequences.of_ending",
    "consequences.of_moving",
    "consequences.leading_elsewhere",
}

WRITES: dict[str, Scenario] = {}


def writes(name: str) -> Callable[[Scenario], Scenario]:
    def register(scenario: Scenario) -> Scenario:
        assert name not in WRITES, name
        WRITES[name] = scenario
        return scenario

    return register


def public_service_methods() -> set[str]:
    """ "field.method" for every public method of every service object `Services` holds."""
    found: set[str] = set()
    for attribute in dataclasses.fields(Services):
        if attribute.name == "editor":
            # The guarded edit the services write through, not a service: an edit that
            # writes rows without an entry is rolled back by the editor (MissingAuditError).
            continue
        kind = attribute.type if isinstance(attribute.type, type) else None
        name = attribute.type if isinstance(attribute.type, str) else getattr(kind, "__name__", "")
        cls = _service_class(str(name))
        if cls is None:
            continue
        for method_name, member in inspect.getmembers(cls):
            if method_name.startswith("_") or isinstance(member, property):
                continue
            if inspect.isfunction(member) or inspect.ismethod(member):
                found.add(f"{attribute.name}.{method_name}")
    return found


def _service_class(name: str) -> type | None:
    import nacka_desktop.services.context as context

    cls = getattr(context, name, None)
    if isinstance(cls, type) and cls.__module__.startswith("nacka_desktop.services"):
        return cls
    return None


# --- watching the transactions ------------------------------------------------------------------


@dataclass
class Committed:
    """What each committed transaction changed: table → how far its counter moved."""

    transactions: list[dict[str, int]] = field(default_factory=list)
    _start: dict[int, dict[str, int]] = field(default_factory=dict)

    def begun(
        self, session: Session, transaction: SessionTransaction, connection: Connection
    ) -> None:
        if transaction.parent is None and id(session) not in self._start:
            self._start[id(session)] = _counters(connection)

    def committing(self, session: Session) -> None:
        session.flush()
        start = self._start.get(id(session), {})
        now = _counters(session.connection())
        moved = {t: now[t] - start.get(t, 0) for t in now if now[t] != start.get(t, 0)}
        if moved:
            self.transactions.append(moved)

    def ended(self, session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None:
            self._start.pop(id(session), None)


def _counters(connection: Connection) -> dict[str, int]:
    return dict(connection.execute(select(DataVersion.table_name, DataVersion.counter)).all())


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    services = Services.open(path, clock=lambda: TODAY)
    build_sample(services.database, TODAY)
    services.close()
    return path


@pytest.fixture
def sample(sample_file: Path, tmp_path: Path) -> Iterator[Services]:
    """The whole sample organisation (its delegation orders included), a copy per test."""
    copy = tmp_path / "sample.db"
    shutil.copy2(sample_file, copy)
    services = Services.open(copy, clock=lambda: TODAY)
    yield services
    services.close()


@pytest.fixture
def committed() -> Iterator[Committed]:
    watch = Committed()
    listeners: list[tuple[str, Callable[..., None]]] = [
        ("after_begin", watch.begun),
        ("before_commit", watch.committing),
        ("after_transaction_end", watch.ended),
    ]
    for name, listener in listeners:
        event.listen(Session, name, listener)
    yield watch
    for name, listener in listeners:
        event.remove(Session, name, listener)


# --- the scenarios: a set-up (committed before the watch starts), then the call measured ---


def _unit(services: Services, code: str) -> int:
    return next(u.id for u in services.queries.snapshot().units.values() if u.code == code)


def _post_in(services: Services, unit_id: int) -> int:
    return next(
        a.id
        for a in services.queries.snapshot().appointments.values()
        if a.unit_id == unit_id and a.is_valid_on(TODAY)
    )


def _new_person(services: Services, number: str = "T1") -> int:
    return services.persons.create(PersonDraft(number, "Test", "Testsson", "Handläggare")).id


def _new_unit(services: Services) -> int:
    draft = UnitDraft("9990", "Testgruppen", UnitKind.GROUP, _unit(services, "1100"), TODAY)
    return services.units.create(draft).id


def _draft_distribution(services: Services) -> int:
    """The sample's one unsigned distribution."""
    return next(
        d.id
        for d in services.work.distributions(TODAY + timedelta(days=60))
        if not d.record.signed_on
    )


def _in_force_distribution(services: Services) -> int:
    return next(d.id for d in services.work.distributions(TODAY) if d.record.signed_on)


# organisation


@writes("units.create")
def _(s: Services) -> Measured:
    parent = _unit(s, "1100")
    draft = UnitDraft("9990", "Testgruppen", UnitKind.GROUP, parent, TODAY)
    return lambda: s.units.create(draft)


@writes("units.update")
def _(s: Services) -> Measured:
    unit = _unit(s, "1200")
    return lambda: s.units.update(unit, name="Nytt namn")


@writes("units.rename")
def _(s: Services) -> Measured:
    unit = _unit(s, "1200")
    return lambda: s.units.rename(unit, "Nytt namn", date(2027, 1, 1))


@writes("units.move")
def _(s: Services) -> Measured:
    unit, parent = _unit(s, "7110"), _unit(s, "7200")
    return lambda: s.units.move(unit, parent, date(2027, 1, 1))


@writes("units.close")
def _(s: Services) -> Measured:
    unit = _unit(s, "1200")
    return lambda: s.units.close(unit, date(2027, 1, 1))


@writes("units.reopen")
def _(s: Services) -> Measured:
    closed = s.units.close(_unit(s, "1200"), date(2027, 1, 1))
    return lambda: s.units.reopen(closed)


@writes("units.delete")
def _(s: Services) -> Measured:
    unit = _new_unit(s)
    return lambda: s.units.delete(unit)


@writes("persons.create")
def _(s: Services) -> Measured:
    return lambda: s.persons.create(PersonDraft("T1", "Test", "Testsson", "Handläggare"))


@writes("persons.update")
def _(s: Services) -> Measured:
    person = _new_person(s)
    return lambda: s.persons.update(person, title="Utredare")


@writes("persons.delete")
def _(s: Services) -> Measured:
    person = _new_person(s)
    return lambda: s.persons.delete(person)


def _appointment(s: Services) -> int:
    draft = AppointmentDraft(_new_person(s), _unit(s, "1200"), Role.EMPLOYEE, TODAY)
    return s.appointments.appoint(draft).id


@writes("appointments.appoint")
def _(s: Services) -> Measured:
    draft = AppointmentDraft(_new_person(s), _unit(s, "1200"), Role.EMPLOYEE, TODAY)
    return lambda: s.appointments.appoint(draft)


@writes("appointments.update")
def _(s: Services) -> Measured:
    post = _appointment(s)
    return lambda: s.appointments.update(post, valid_to=date(2027, 1, 1))


@writes("appointments.end")
def _(s: Services) -> Measured:
    post = _appointment(s)
    return lambda: s.appointments.end(post, date(2027, 1, 1))


@writes("appointments.delete")
def _(s: Services) -> Measured:
    post = _appointment(s)
    return lambda: s.appointments.delete(post)


@writes("processes.create")
def _(s: Services) -> Measured:
    return lambda: s.processes.create("Testprocess", ProcessKind.SUPPORT, None)


@writes("processes.set_owner")
def _(s: Services) -> Measured:
    process = s.processes.create("Testprocess", ProcessKind.SUPPORT, None)
    owner = s.processes.list()[0].owner_person_id
    return lambda: s.processes.set_owner(process, owner)


# work environment


@writes("tasks.create")
def _(s: Services) -> Measured:
    return lambda: s.tasks.create("SAM-TEST", "Testuppgift")


@writes("tasks.update")
def _(s: Services) -> Measured:
    task = s.tasks.list()[0].id
    return lambda: s.tasks.update(task, description="Ny beskrivning")


@writes("distributions.create")
def _(s: Services) -> Measured:
    draft = s.distributions.delete_draft(_draft_distribution(s))
    return lambda: s.distributions.create(draft)


@writes("distributions.replace_draft")
def _(s: Services) -> Measured:
    distribution = _draft_distribution(s)
    draft = replace(s.distributions.draft_of(distribution), retained_tasks="Inga.")
    return lambda: s.distributions.replace_draft(distribution, draft)


@writes("distributions.delete_draft")
def _(s: Services) -> Measured:
    distribution = _draft_distribution(s)
    return lambda: s.distributions.delete_draft(distribution)


@writes("distributions.set_confirmation")
def _(s: Services) -> Measured:
    distribution = _draft_distribution(s)
    task = s.distributions.draft_of(distribution).task_ids[0]
    return lambda: s.distributions.set_confirmation(distribution, task, ALL_CONFIRMED)


@writes("distributions.sign")
def _(s: Services) -> Measured:
    distribution = _draft_distribution(s)
    _confirm_all(s, distribution)
    return lambda: s.distributions.sign(distribution, TODAY)


@writes("signatures.issue")
def _(s: Services) -> Measured:
    distribution = _draft_distribution(s)
    _confirm_all(s, distribution)  # a letter is issued for what can be signed (AM-6)
    letter = b"%PDF-1.7\n%%EOF\n"
    return lambda: s.signatures.issue(
        DocumentKind.DISTRIBUTION_LETTER, distribution, letter, "uuid:audited"
    )


@writes("signatures.record_paper")
def _(s: Services) -> Measured:
    distribution = _draft_distribution(s)
    _confirm_all(s, distribution)
    issued = s.signatures.issue(
        DocumentKind.DISTRIBUTION_LETTER, distribution, b"%PDF-1.7\n%%EOF\n", "uuid:paper"
    )
    return lambda: s.signatures.record_paper(issued.id, SignatureParty.RECEIVER, "Mottagare", TODAY)


@writes("signatures.record_digital")
def _(s: Services) -> Measured:
    """A letter issued with its fields and signed by the receiver with a test certificate
    (the giver signs on another day): its signature is recorded."""
    import tempfile

    from nacka_desktop.domain.dates import today
    from nacka_desktop.domain.letterhead import Letterhead
    from nacka_desktop.exports.letters import write_distribution_letter
    from nacka_desktop.signing.certificates import create_test_certificate
    from nacka_desktop.signing.documents import FieldBox, add_signature_fields
    from nacka_desktop.signing.signers import FieldSpec, Pkcs12Signer, StampText

    distribution = _draft_distribution(s)
    _confirm_all(s, distribution)
    with tempfile.TemporaryDirectory() as folder:
        letter, p12 = Path(folder) / "brev.pdf", Path(folder) / "nyckel.p12"
        boxes = write_distribution_letter(
            s.work.distribution(distribution, TODAY), letter, Letterhead(), TODAY
        ).signature_boxes
        pdf = add_signature_fields(
            letter.read_bytes(), [FieldBox(b.field, b.page, b.rect, b.caption) for b in boxes]
        )
        p12.write_bytes(create_test_certificate("Mottagare", "lösen"))
        signed = Pkcs12Signer(p12, "lösen").sign(pdf, FieldSpec("Mottagare"), StampText())
    issued = s.signatures.issue(DocumentKind.DISTRIBUTION_LETTER, distribution, pdf, "uuid:pades")
    # The signature is dated now, by the real clock: so is the recording.
    live = Services.for_database(s.database, clock=today)
    return lambda: live.signatures.record_digital(issued.id, signed)


def _confirm_all(s: Services, distribution: int) -> None:
    for task in s.distributions.draft_of(distribution).task_ids:
        s.distributions.set_confirmation(distribution, task, ALL_CONFIRMED)


@writes("distributions.record_oral")
def _(s: Services) -> Measured:
    distribution = _draft_distribution(s)
    _confirm_all(s, distribution)
    s.distributions.sign(distribution, TODAY)
    return lambda: s.distributions.record_oral(distribution, TODAY)


@writes("distributions.follow_up")
def _(s: Services) -> Measured:
    distribution = _in_force_distribution(s)
    return lambda: s.distributions.follow_up(distribution, TODAY)


@writes("distributions.end")
def _(s: Services) -> Measured:
    distribution = _in_force_distribution(s)
    return lambda: s.distributions.end(distribution, date(2027, 1, 1))


@writes("distributions.restore")
def _(s: Services) -> Measured:
    distribution = _in_force_distribution(s)
    previous = s.distributions.follow_up(distribution, TODAY)
    return lambda: s.distributions.restore(distribution, followed_up_on=previous)


@writes("distributions.return_tasks")
def _(s: Services) -> Measured:
    view = next(
        d
        for d in s.work.distributions(TODAY)
        if d.record.signed_on and d.record.communicated_on and d.record.giver_appointment_id
    )
    task = view.items[0].task.id
    reasons = (ReturnReason.TIME,)
    return lambda: s.distributions.return_tasks(view.id, [task], TODAY, reasons, "Hinner inte.")


@writes("distributions.undo_return")
def _(s: Services) -> Measured:
    return_id = s.work.task_return(1, TODAY).record.id
    return lambda: s.distributions.undo_return(return_id)


# delegation orders


def _board(s: Services, code: str) -> int:
    return _unit(s, code)


def _adopted(s: Services, board_code: str = "KS") -> int:
    board = _board(s, board_code)
    return next(
        o.id
        for o in s.delegation.orders()
        if o.board_unit_id == board and o.status is OrderStatus.ADOPTED
    )


def _draft(s: Services) -> int:
    return s.delegation_orders.draft_of(_adopted(s))[0]


def _items(s: Services) -> list[Any]:
    order = next(o for o in s.delegation.orders() if o.id == _adopted(s))
    return [replace(item, id=0) for item in order.items[:3]]


@writes("delegation_orders.create_order")
def _(s: Services) -> Measured:
    board, items = _board(s, "KS"), _items(s)
    return lambda: s.delegation_orders.create_order(board, items)


@writes("delegation_orders.draft_of")
def _(s: Services) -> Measured:
    order = _adopted(s)
    return lambda: s.delegation_orders.draft_of(order)


@writes("delegation_orders.adopt")
def _(s: Services) -> Measured:
    draft = _draft(s)
    return lambda: s.delegation_orders.adopt(draft, TODAY, "§ 99")


@writes("delegation_orders.unadopt")
def _(s: Services) -> Measured:
    draft = _draft(s)
    superseded = s.delegation_orders.adopt(draft, TODAY, "§ 99")
    return lambda: s.delegation_orders.unadopt(draft, superseded)


@writes("delegation_orders.delete_draft")
def _(s: Services) -> Measured:
    draft = _draft(s)
    return lambda: s.delegation_orders.delete_draft(draft)


@writes("delegation_orders.add_item")
def _(s: Services) -> Measured:
    draft = _draft(s)
    item = replace(_items(s)[0], number="99.1", matter="Beslut om testärende")
    return lambda: s.delegation_orders.add_item(draft, item)


@writes("delegation_orders.update_item")
def _(s: Services) -> Measured:
    draft = _draft(s)
    item = next(o for o in s.delegation.orders() if o.id == draft).items[0]
    return lambda: s.delegation_orders.update_item(item.id, replace(item, notes="Ny anteckning"))


@writes("delegation_orders.delete_item")
def _(s: Services) -> Measured:
    draft = _draft(s)
    item = next(o for o in s.delegation.orders() if o.id == draft).items[-1]
    return lambda: s.delegation_orders.delete_item(item.id)


@writes("delegation_orders.set_board_setting")
def _(s: Services) -> Measured:
    board = _board(s, "SN")
    return lambda: s.delegation_orders.set_board_setting(board, None, 30)


@writes("delegation_orders.restore_board_setting")
def _(s: Services) -> Measured:
    board = _board(s, "SN")
    previous = s.delegation_orders.set_board_setting(board, None, 30)
    return lambda: s.delegation_orders.restore_board_setting(previous)


def _subdelegation(s: Services) -> Any:
    return s.delegation.subdelegations()[0]


@writes("delegation_orders.subdelegate")
def _(s: Services) -> Measured:
    existing = _subdelegation(s)
    to = Delegate(DelegateKind.POSITION, None, "Kommunjurist")
    return lambda: s.delegation_orders.subdelegate(
        existing.item_id, existing.by_appointment_id, to, TODAY
    )


@writes("delegation_orders.end_subdelegation")
def _(s: Services) -> Measured:
    existing = _subdelegation(s)
    return lambda: s.delegation_orders.end_subdelegation(existing.id, date(2027, 1, 1))


@writes("delegation_orders.delete_subdelegation")
def _(s: Services) -> Measured:
    existing = _subdelegation(s)
    to = Delegate(DelegateKind.POSITION, None, "Kommunjurist")
    made = s.delegation_orders.subdelegate(existing.item_id, existing.by_appointment_id, to, TODAY)
    return lambda: s.delegation_orders.delete_subdelegation(made)


@writes("delegation_orders.create_from_import")
def _(s: Services) -> Measured:
    board, items = _board(s, "KS"), _items(s)
    return lambda: s.delegation_orders.create_from_import(board, items, None, "", [])


@writes("delegation_orders.ensure_titled_positions")
def _(s: Services) -> Measured:
    return lambda: s.delegation_orders.ensure_titled_positions(["Testhandläggare"])


# delegated decisions and council matters


def _decisions(s: Services) -> list[Any]:
    return s.delegation.decisions(date(2000, 1, 1), date(2100, 1, 1))


def _unreported(s: Services) -> int:
    return next(d.id for d in _decisions(s) if d.awaits_report)


def _awaiting_separate_record(s: Services) -> int:
    return next(d.id for d in _decisions(s) if d.awaits_separate_record)


@writes("delegated_decisions.record")
def _(s: Services) -> Measured:
    with s.database.reader() as session:
        decision = session.get(DelegatedDecision, _unreported(s))
    assert decision is not None
    return lambda: s.delegated_decisions.record(
        decision.item_id,
        decision.decided_by_appointment_id,
        TODAY,
        decision.description,
        need_tested_on=decision.need_tested_on,
        need_tested_by=decision.need_tested_by,
        consulted_on=decision.consulted_on,
        consulted_with=decision.consulted_with,
    )


@writes("delegated_decisions.mark_reported")
def _(s: Services) -> Measured:
    decision = _unreported(s)
    return lambda: s.delegated_decisions.mark_reported([decision], TODAY)


@writes("delegated_decisions.restore_reported")
def _(s: Services) -> Measured:
    previous = s.delegated_decisions.mark_reported([_unreported(s)], TODAY)
    return lambda: s.delegated_decisions.restore_reported(previous)


@writes("delegated_decisions.mark_recorded_separately")
def _(s: Services) -> Measured:
    decision = _awaiting_separate_record(s)
    return lambda: s.delegated_decisions.mark_recorded_separately([decision], TODAY)


@writes("delegated_decisions.restore_recorded_separately")
def _(s: Services) -> Measured:
    previous = s.delegated_decisions.mark_recorded_separately([_awaiting_separate_record(s)], TODAY)
    return lambda: s.delegated_decisions.restore_recorded_separately(previous)


@writes("delegated_decisions.set_appealable")
def _(s: Services) -> Measured:
    decision = _unreported(s)
    return lambda: s.delegated_decisions.set_appealable([decision], True)


@writes("delegated_decisions.restore_appealable")
def _(s: Services) -> Measured:
    previous = s.delegated_decisions.set_appealable([_unreported(s)], True)
    return lambda: s.delegated_decisions.restore_appealable(previous)


@writes("delegated_decisions.delete")
def _(s: Services) -> Measured:
    decision = _unreported(s)
    return lambda: s.delegated_decisions.delete(decision)


def _matter(s: Services) -> Any:
    return s.delegation.council_matters()[0]


@writes("council_matters.record")
def _(s: Services) -> Measured:
    matter = replace(_matter(s), id=0, case_number="TEST 2026/1")
    return lambda: s.council_matters.record(matter)


@writes("council_matters.update")
def _(s: Services) -> Measured:
    matter = _matter(s)
    return lambda: s.council_matters.update(matter.id, replace(matter, notes="Ny anteckning"))


@writes("council_matters.delete")
def _(s: Services) -> Measured:
    matter = s.council_matters.record(replace(_matter(s), id=0, case_number="TEST 2026/1"))
    return lambda: s.council_matters.delete(matter)


@writes("letterhead.set_letterhead")
def _(s: Services) -> Measured:
    return lambda: s.letterhead.set_letterhead(Letterhead("Värmdö kommun", ("Kommunstyrelsen",)))


# --- the tests ----------------------------------------------------------------------------------


def test_every_public_service_method_is_listed() -> None:
    """A new public method of a service must be put in READS or given a scenario in WRITES
    (which shows that it audits what it writes)."""
    methods = public_service_methods()
    assert len(methods) > 80  # the enumeration itself works
    assert READS.isdisjoint(WRITES)
    assert sorted(methods - READS - set(WRITES)) == [], "not in READS nor WRITES"
    assert sorted((READS | set(WRITES)) - methods) == [], "listed but no such method"


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_write_adds_an_audit_entry_in_every_transaction_it_commits(
    name: str, sample: Services, committed: Committed
) -> None:
    measured = WRITES[name](sample)
    committed.transactions.clear()
    measured()
    assert committed.transactions, f"{name} committed nothing: the scenario writes nothing"
    for moved in committed.transactions:
        assert moved.get("audit_entry", 0) >= 1, f"{name} wrote {sorted(moved)} unaudited"
    with sample.database.reader() as session:
        assert verify_chain(session) is None


def test_previews_and_queries_commit_nothing(sample: Services, committed: Committed) -> None:
    unit = _unit(sample, "1200")
    post = _post_in(sample, unit)
    sample.consequences.of_closing(unit, TODAY + timedelta(days=30))
    sample.consequences.of_ending(post, TODAY + timedelta(days=30))
    sample.consequences.of_moving(_unit(sample, "7110"), _unit(sample, "7200"))
    sample.queries.check(TODAY)
    sample.distributions.draft_of(_draft_distribution(sample))
    sample.delegation.orders()
    assert committed.transactions == []


def test_the_watch_sees_a_write_that_escapes_the_orm(
    sample: Services, committed: Committed
) -> None:
    """SQL text is not itemised by the Editor's record of an edit (storage/edited_rows.py),
    but the counters see it: a service writing that way without an entry fails above."""
    with sample.database.transaction() as session:
        session.execute(text("UPDATE unit SET name = name || ' (x)' WHERE code = 'KF'"))
    assert committed.transactions == [{"unit": 1}]
