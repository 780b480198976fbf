"""The audit log as a hash chain (issue 11): every write path chains its entries, a change made
behind the app's back is reported at the first entry it breaks (by `verify`, by
`nacka-desktop audit verify` and as DATA-8 in the Problems check), and migration 0010 chains
the entries written before it."""

from __future__ import annotations

import itertools
import shutil
import threading
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update

from nacka_desktop import cli
from nacka_desktop.sample import build_sample_organisation
from nacka_desktop.sample.scale import build_scaled_organisation
from nacka_desktop.sample.scale._org import MIN_UNITS
from nacka_desktop.services.context import Services
from nacka_desktop.storage import audit_chain
from nacka_desktop.storage.audit_chain import (
    GENESIS,
    AuditEntryChangedError,
    BreakKind,
    UnchainedAuditWriteError,
    content_hash,
    follow,
    verify,
    verify_chain,
)
from nacka_desktop.storage.database import open_database
from nacka_desktop.storage.models import AuditEntry
from tests.conftest import TODAY
from tests.services.builders import Line, audit_trail, build_line, execute, rows

FIXTURES = Path(__file__).parents[1] / "fixtures"
BEFORE_THE_CHAIN = sorted(f for f in FIXTURES.glob("schema_*.db") if f.stem < "schema_0010")


@pytest.fixture
def line(services: Services) -> Line:
    """KF → … → Löneenheten with three persons and posts, and a few edits after: 14 entries."""
    made = build_line(services)
    services.units.rename(made.lon, "Lön")
    closed = services.units.close(made.lon, date(2027, 1, 1))
    services.units.reopen(closed)
    return made


def whole(services: Services) -> audit_chain.ChainState:
    with services.database.reader() as session:
        return verify(session)


def data8(services: Services, on: date = TODAY) -> list[tuple[int, str]]:
    return [(v.object_id, v.message) for v in services.queries.check(on) if v.rule_id == "DATA-8"]


def cli_verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    def no_gui(_database: str | None) -> int:
        raise AssertionError("the window must not open")

    code = cli.main(["audit", "verify", "--db", str(path)], launch_gui=no_gui)
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


# --- the chain as written -----------------------------------------------------------------------


def test_entries_written_through_the_services_form_an_unbroken_chain(
    services: Services, line: Line
) -> None:
    entries = audit_trail(services)
    assert len(entries) == 14
    assert entries[0].previous_hash == GENESIS
    for before, entry in itertools.pairwise(entries):
        assert entry.previous_hash == before.entry_hash
    for entry in entries:
        assert len(entry.entry_hash) == 64 and int(entry.entry_hash, 16) >= 0
        assert entry.entry_hash == content_hash(
            entry.previous_hash,
            entry.created_at,
            entry.action,
            entry.object_kind,
            entry.object_id,
            entry.actor,
            entry.details,
        )
    state = whole(services)
    assert (state.entries, state.last_id, state.last_hash) == (
        14,
        entries[-1].id,
        entries[-1].entry_hash,
    )
    with services.database.reader() as session:
        assert verify_chain(session) is None


def test_the_sample_chains_every_entry_its_services_wrote(services: Services) -> None:
    summary = build_sample_organisation(services.database, TODAY)
    trail = audit_trail(services)
    assert len(trail) > summary.units + summary.persons + summary.appointments
    assert whole(services).broken is None


def test_the_scaled_demo_chains_its_entry(db_path: Path) -> None:
    """`demo --scale` writes its rows with bulk statements and its entry with the session."""
    database = open_database(db_path)
    try:
        build_scaled_organisation(database, TODAY, MIN_UNITS)
        with database.reader() as session:
            state = verify(session)
        assert (state.entries, state.broken) == (1, None)
    finally:
        database.close()


def test_the_hash_covers_every_field_and_reads_a_time_alike_with_or_without_zone() -> None:
    moment = datetime(2026, 5, 1, 10, 30, 0, 123456, tzinfo=UTC)
    fields = ("p" * 64, moment, "unit.update", "unit", 7, "anna", {"after": {"name": "Lön"}})
    first = content_hash(*fields)
    assert content_hash(*fields) == first
    assert content_hash(fields[0], moment.replace(tzinfo=None), *fields[2:]) == first
    stockholm = moment.astimezone(timezone(timedelta(hours=2)))
    assert content_hash(fields[0], stockholm, *fields[2:]) == first
    changed = [
        ("q" * 64, *fields[1:]),
        (fields[0], moment + timedelta(microseconds=1), *fields[2:]),
        (*fields[:2], "unit.delete", *fields[3:]),
        (*fields[:3], "person", *fields[4:]),
        (*fields[:4], 8, *fields[5:]),
        (*fields[:5], "bertil", fields[6]),
        (*fields[:6], {"after": {"name": "Löner"}}),
    ]
    assert len({content_hash(*f) for f in changed} | {first}) == len(changed) + 1
    # The details as JSON keeps them: a tuple is a list, a number key a string.
    assert content_hash(*fields[:6], {"ids": (1, 2)}) == content_hash(*fields[:6], {"ids": [1, 2]})
    assert content_hash(*fields[:6], {1: "a"}) == content_hash(*fields[:6], {"1": "a"})


def test_an_orm_bulk_insert_is_chained_in_the_order_given(services: Services, line: Line) -> None:
    rows_given = [
        {"action": "test.bulk", "object_kind": "unit", "object_id": n, "details": {"n": n}}
        for n in range(50)
    ]
    with services.database.transaction() as session:
        session.execute(insert(AuditEntry), rows_given)
    assert "created_at" not in rows_given[0]  # the caller's rows are not changed
    entries = audit_trail(services)
    assert [e.object_id for e in entries[-50:]] == list(range(50))
    assert whole(services).broken is None and whole(services).entries == 64


def test_a_time_with_another_zone_and_a_long_actor_keep_the_chain_whole(
    services: Services, line: Line
) -> None:
    """Found in review: a time given with +02:00 was hashed as UTC and stored as wall time
    (a false DATA-8), and a login name over the column's 100 characters failed every edit."""
    stockholm = timezone(timedelta(hours=2))
    with services.database.transaction() as session:
        session.add(
            AuditEntry(
                action="test.zone",
                object_kind="unit",
                object_id=1,
                actor="x" * 150,
                details={},
                created_at=datetime(2026, 6, 1, 12, 0, tzinfo=stockholm),
            )
        )
    assert whole(services).broken is None
    newest = audit_trail(services)[-1]
    assert len(newest.actor) == 100


def test_a_statement_that_writes_entries_past_the_chain_is_refused(
    services: Services, line: Line
) -> None:
    with pytest.raises(UnchainedAuditWriteError), services.database.transaction() as session:
        session.execute(
            insert(AuditEntry).values(action="x", object_kind="unit", object_id=1, details={})
        )
    with pytest.raises(AuditEntryChangedError), services.database.transaction() as session:
        session.execute(update(AuditEntry).values(actor="någon annan"))
    with pytest.raises(AuditEntryChangedError), services.database.transaction() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.id == 3))
    assert whole(services).entries == 14 and whole(services).broken is None


def test_an_entry_is_never_changed_nor_deleted_through_a_session(
    services: Services, line: Line
) -> None:
    with pytest.raises(AuditEntryChangedError), services.database.transaction() as session:
        entry = session.get(AuditEntry, 3)
        assert entry is not None
        entry.details = {"before": "något annat"}
    with pytest.raises(AuditEntryChangedError), services.database.transaction() as session:
        entry = session.get(AuditEntry, 3)
        session.delete(entry)
    assert whole(services).broken is None


def test_two_writers_at_once_do_not_fork_the_chain(db_path: Path, line: Line) -> None:
    """The previous hash is read after the write lock is taken: the second writer waits for
    the first to commit and links to its entry (read before the lock, both entries would
    link to the same one)."""
    first, second = open_database(db_path), open_database(db_path)
    failures: list[BaseException] = []

    def other_writer() -> None:
        try:
            with second.transaction() as session:
                session.add(AuditEntry(action="test.second", object_kind="unit", object_id=2))
        except BaseException as error:  # reported by the main thread
            failures.append(error)

    try:
        with first.transaction() as session:
            session.add(AuditEntry(action="test.first", object_kind="unit", object_id=1))
            session.flush()  # holds the write lock until the commit
            thread = threading.Thread(target=other_writer)
            thread.start()
            time.sleep(0.3)  # the other writer is waiting for the lock
        thread.join()
    finally:
        first.close()
        second.close()
    assert failures == []
    database = open_database(db_path)
    try:
        with database.reader() as session:
            actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
            assert actions[-2:] == ["test.first", "test.second"]
            assert verify_chain(session) is None
    finally:
        database.close()


# --- changes behind the app's back --------------------------------------------------------------


def test_a_details_change_with_sqlite3_is_reported_at_that_entry(
    services: Services, db_path: Path, line: Line
) -> None:
    entry = audit_trail(services)[11]  # the rename
    assert entry.action == "unit.update"
    execute(
        db_path,
        "UPDATE audit_entry SET details = json_set(details, '$.after', 'Löner') WHERE id = ?",
        entry.id,
    )
    broken = whole(services).broken
    assert broken is not None
    assert (broken.entry_id, broken.kind, broken.action) == (
        entry.id,
        BreakKind.CONTENT_CHANGED,
        "unit.update",
    )


@pytest.mark.parametrize("column", ["created_at", "action", "object_kind", "object_id", "actor"])
def test_a_change_of_any_column_is_reported_at_that_entry(
    services: Services, db_path: Path, line: Line, column: str
) -> None:
    value = {
        "created_at": "2020-01-01 00:00:00.000000",
        "action": "unit.delete",
        "object_kind": "person",
        "object_id": 999,
        "actor": "någon annan",
    }[column]
    execute(db_path, f"UPDATE audit_entry SET {column} = ? WHERE id = 5", value)
    broken = whole(services).broken
    assert broken is not None
    assert (broken.entry_id, broken.kind) == (5, BreakKind.CONTENT_CHANGED)


def test_deleting_a_middle_entry_is_reported_at_the_next_one(
    services: Services, db_path: Path, line: Line
) -> None:
    execute(db_path, "DELETE FROM audit_entry WHERE id = 7")
    broken = whole(services).broken
    assert broken is not None and (broken.entry_id, broken.kind) == (8, BreakKind.LINK_BROKEN)


def test_an_entry_changed_and_given_a_new_hash_breaks_the_link_after_it(
    services: Services, db_path: Path, line: Line
) -> None:
    [(created, kind, object_id, actor, previous)] = rows(
        db_path,
        "SELECT created_at, object_kind, object_id, actor, previous_hash FROM audit_entry "
        "WHERE id = 6",
    )
    forged = content_hash(
        previous, datetime.fromisoformat(created), "unit.delete", kind, object_id, actor, {}
    )
    execute(
        db_path,
        "UPDATE audit_entry SET action = 'unit.delete', details = '{}', entry_hash = ? "
        "WHERE id = 6",
        forged,
    )
    broken = whole(services).broken
    assert broken is not None and (broken.entry_id, broken.kind) == (7, BreakKind.LINK_BROKEN)


def test_an_entry_inserted_with_sqlite3_is_reported_as_written_past_the_app(
    services: Services, db_path: Path, line: Line
) -> None:
    execute(
        db_path,
        "INSERT INTO audit_entry (action, object_kind, object_id, actor, details, created_at, "
        "updated_at) VALUES ('unit.delete', 'unit', 1, 'x', '{}', '2026-11-26 10:00:00', "
        "'2026-11-26 10:00:00')",
    )
    broken = whole(services).broken
    assert broken is not None and (broken.entry_id, broken.kind) == (15, BreakKind.UNCHAINED)


def test_the_newest_entries_deleted_are_not_detected(
    services: Services, db_path: Path, line: Line
) -> None:
    """The limit README states: the end of the chain cut off leaves a shorter, whole chain."""
    execute(db_path, "DELETE FROM audit_entry WHERE id > 12")
    state = whole(services)
    assert (state.entries, state.broken) == (12, None)


# --- nacka-desktop audit verify -----------------------------------------------------------------


def test_the_cli_exits_0_on_a_whole_chain(
    db_path: Path, line: Line, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_verify(db_path, capsys) == (0, "Granskningsloggen är obruten: 14 poster.\n")


def test_the_cli_exits_1_naming_the_changed_entry(
    services: Services, db_path: Path, line: Line, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = audit_trail(services)[11]
    day = entry.created_at.replace(tzinfo=UTC).astimezone().date().isoformat()
    execute(db_path, "UPDATE audit_entry SET actor = 'någon annan' WHERE id = ?", entry.id)
    code, out = cli_verify(db_path, capsys)
    assert code == cli.EXIT_RULE_ERRORS == 1
    assert out == (
        f"Post {entry.id} ({day}, Ändra enhet): innehållet har ändrats efter att det skrevs.\n"
    )


def test_the_cli_exits_1_naming_the_entry_after_a_deleted_one(
    services: Services, db_path: Path, line: Line, capsys: pytest.CaptureFixture[str]
) -> None:
    execute(db_path, "DELETE FROM audit_entry WHERE id = 12")
    code, out = cli_verify(db_path, capsys)
    assert code == 1
    assert out.startswith("Post 13 (")
    assert out.endswith(
        ", Avveckla enhet): länken till föregående post stämmer inte: en post har tagits bort "
        "eller lagts till.\n"
    )


def test_the_cli_refuses_a_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["audit", "verify", "--db", str(tmp_path / "nej.db")], launch_gui=lambda _: 0)
    assert code == cli.EXIT_CANNOT_OPEN
    assert "finns inte" in capsys.readouterr().err
    assert not (tmp_path / "nej.db").exists()


# --- migration 0010 -----------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", BEFORE_THE_CHAIN, ids=[f.stem for f in BEFORE_THE_CHAIN])
def test_the_migration_chains_the_entries_already_written(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copy2(fixture, copy)
    before = rows(copy, "SELECT id, action, details FROM audit_entry ORDER BY id")
    assert before  # the fixtures were made through the services: they have entries
    services = Services.open(copy, clock=lambda: TODAY)
    try:
        state = whole(services)
        assert (state.entries, state.broken) == (len(before), None)
        assert rows(copy, "SELECT id, action, details FROM audit_entry ORDER BY id") == before
        assert audit_trail(services)[0].previous_hash == GENESIS
        # An edit after the upgrade links to the last entry the migration chained.
        kf = next(u for u in services.queries.snapshot().units.values() if u.code == "KF")
        services.units.rename(kf.id, "Fullmäktige")
        assert whole(services).entries == len(before) + 1
        assert whole(services).broken is None
        assert data8(services) == []
    finally:
        services.close()


def test_the_migrated_chain_shows_a_later_change(tmp_path: Path) -> None:
    copy = tmp_path / "schema_0009.db"
    shutil.copy2(FIXTURES / "schema_0009.db", copy)
    Services.open(copy).close()
    execute(copy, "UPDATE audit_entry SET object_id = object_id + 1 WHERE id = 2")
    services = Services.open(copy, clock=lambda: TODAY)
    try:
        broken = whole(services).broken
        assert broken is not None and (broken.entry_id, broken.kind) == (
            2,
            BreakKind.CONTENT_CHANGED,
        )
    finally:
        services.close()


# --- DATA-8 in the Problems check ---------------------------------------------------------------


def test_the_problems_check_has_no_data8_on_an_unbroken_chain(
    services: Services, line: Line
) -> None:
    assert data8(services) == []
    services.units.rename(line.per, "Personal")
    assert data8(services) == []


def test_the_problems_check_reports_a_changed_entry_as_a_data8_error(
    services: Services, db_path: Path, line: Line
) -> None:
    execute(db_path, "UPDATE audit_entry SET details = '{}' WHERE id = 4")
    [found] = [v for v in services.queries.check(TODAY) if v.rule_id == "DATA-8"]
    assert found.is_error
    assert (found.object_kind.value, found.object_id) == ("audit_entry", 4)
    assert found.object_label == "Granskningsloggen, post 4"
    assert "innehållet har ändrats efter att det skrevs" in found.message
    assert "its content was changed" in found.message_en


def test_the_problems_check_finds_a_change_made_after_the_first_check(
    services: Services, db_path: Path, line: Line
) -> None:
    """The cached check walks only new entries after an edit, but a change by someone else
    (an update or delete moves the audit table's counter more than its new entries account
    for) makes it walk the whole chain again."""
    assert data8(services) == []
    execute(db_path, "DELETE FROM audit_entry WHERE id = 9")
    assert [object_id for object_id, _ in data8(services)] == [10]
    # Edits go on (the break is not theirs), and the break stays reported after them.
    services.units.rename(line.per, "Personal")
    assert [object_id for object_id, _ in data8(services)] == [10]
    assert services.queries.cached_check(TODAY) is not None


def test_after_the_first_check_an_edit_walks_only_its_own_entries(
    services: Services, line: Line, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert data8(services) == []  # the first check walks the whole chain

    def whole_chain(*_args: object) -> None:
        raise AssertionError("an edit walked the whole chain again")

    monkeypatch.setattr(audit_chain, "verify", whole_chain)
    services.units.rename(line.per, "Personal")
    services.units.rename(line.per, "Personalavdelningen")
    assert data8(services) == []
    monkeypatch.undo()
    assert whole(services).entries == 16


def test_following_the_chain_agrees_with_walking_it_whole(
    services: Services, db_path: Path, line: Line
) -> None:
    with services.database.reader() as session:
        known = verify(session)
    services.units.rename(line.per, "Personal")
    with services.database.reader() as session:
        counter = audit_chain.audit_counter(session)
        assert follow(session, known, counter) == verify(session)
    execute(db_path, "UPDATE audit_entry SET actor = 'x' WHERE id = 2")
    with services.database.reader() as session:
        counter = audit_chain.audit_counter(session)
        followed = follow(session, known, counter)
        assert followed == verify(session)
        assert followed.broken is not None and followed.broken.entry_id == 2


@pytest.mark.gui
def test_the_problems_panel_shows_a_broken_chain_as_an_error(
    services: Services, db_path: Path, line: Line, qtbot: Any
) -> None:
    """The window's way: the checker runs the check off the GUI thread, the panel lists it."""
    from nacka_desktop.domain.enums import Severity
    from nacka_desktop.domain.language import Language
    from nacka_desktop.ui.shell.panels import ProblemsPanel
    from nacka_desktop.ui.shell.problems_checker import ProblemsChecker

    execute(db_path, "DELETE FROM audit_entry WHERE id = 9")
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    checker = ProblemsChecker()
    checker.ready.connect(lambda found: panel.set_violations(found, Language.SWEDISH))
    with qtbot.waitSignal(checker.ready, timeout=10_000):
        checker.request(services.queries, TODAY)
    checker.wait()
    rows = [panel.model.violation(row) for row in range(panel.model.rowCount())]
    [broken] = [v for v in rows if v is not None and v.rule_id == "DATA-8"]
    assert broken.severity is Severity.ERROR and broken.object_id == 10
    assert panel.model.counts()[Severity.ERROR] == 1
    assert panel.summary.text().startswith("Fel: 1,")
