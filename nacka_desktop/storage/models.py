"""SQLAlchemy 2 typed models. Every edited table carries created/updated stamps and a version."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    event,
    insert,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, ORMExecuteState, Session, mapped_column

from nacka_desktop.domain.delegation.council_matters import CouncilMatterKind
from nacka_desktop.domain.delegation.orders import (
    DecisionKind,
    DelegateKind,
    LegalBasis,
    OrderStatus,
)
from nacka_desktop.domain.enums import ProcessKind, Role, UnitKind, WelfareBranch
from nacka_desktop.domain.text import clean_text

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def _enum(enum_type: type[Any], name: str) -> Enum:
    # Stored as the enum's value (e.g. "unit_manager"), readable in any SQL client.
    return Enum(
        enum_type,
        name=name,
        native_enum=False,
        length=40,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Stamped:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )


class Versioned(Stamped):
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


def search_text(*fields: str | None) -> str:
    """The fields folded for search as you type, one per line: a search word holds no line
    break, so it matches the text exactly when it matches one field."""
    return "\n".join(clean_text(field or "") for field in fields).casefold()


def _search_default(*names: str) -> Any:
    """A column default that folds the inserted row's fields (any INSERT: ORM or bulk)."""

    def default(context: Any) -> str:
        values = context.get_current_parameters()
        return search_text(*(values.get(name) for name in names))

    return default


UNIT_SEARCH_FIELDS = ("name", "code")
PERSON_SEARCH_FIELDS = ("first_name", "last_name", "employee_number", "title", "email")


class Unit(Versioned, Base):
    __tablename__ = "unit"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[UnitKind] = mapped_column(_enum(UnitKind, "unit_kind"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    welfare_branch: Mapped[WelfareBranch | None] = mapped_column(
        _enum(WelfareBranch, "welfare_branch")
    )
    seats: Mapped[int | None] = mapped_column(Integer)
    charter: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    # name and code folded (migration 0006), kept by the default and the listener below
    search_text: Mapped[str] = mapped_column(
        Text, default=_search_default(*UNIT_SEARCH_FIELDS), server_default=""
    )


class UnitHistory(Stamped, Base):
    """One period of a unit's place, kind, name and code (domain/unit_history.py). The
    periods of a unit follow each other without gap; the unit's own row holds the values of
    the last one, so what does not ask for a date reads it as it is now planned."""

    __tablename__ = "unit_history"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    valid_from: Mapped[date | None] = mapped_column(Date, index=True)
    valid_to: Mapped[date | None] = mapped_column(Date)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[UnitKind] = mapped_column(_enum(UnitKind, "unit_kind"))
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40))


class Person(Versioned, Base):
    __tablename__ = "person"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    employee_number: Mapped[str] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    # name, number, title and e-mail folded (migration 0006), kept as Unit.search_text is
    search_text: Mapped[str] = mapped_column(
        Text, default=_search_default(*PERSON_SEARCH_FIELDS), server_default=""
    )


class Appointment(Versioned, Base):
    __tablename__ = "appointment"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012
    __table_args__ = (Index("ix_appointment_unit_role", "unit_id", "role"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    acting: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class Process(Versioned, Base):
    __tablename__ = "process"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ProcessKind] = mapped_column(_enum(ProcessKind, "process_kind"))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )


class AuditEntry(Stamped, Base):
    """One line per change a user made: what, to which object, and the values before/after."""

    __tablename__ = "audit_entry"

    action: Mapped[str] = mapped_column(String(60))
    object_kind: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(100), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The hash chain (migration 0010, storage/audit_chain.py): the hash of the entry before
    # this one and of this entry's own content with it, hex SHA-256. Filled at every flush of
    # a new entry; empty only in an entry written past the app, which `verify` reports.
    previous_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class WorkTask(Versioned, Base):
    """A work-environment task in the catalogue HR maintains (e.g. riskbedömning)."""

    __tablename__ = "work_task"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TaskDistribution(Versioned, Base):
    """A written distribution of work-environment tasks from a giver to a receiver (AM)."""

    __tablename__ = "task_distribution"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    giver_appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id", ondelete="RESTRICT"), index=True
    )
    receiver_appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointment.id", ondelete="RESTRICT"), index=True
    )
    employer_signatory_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id", ondelete="RESTRICT")
    )
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    signed_on: Mapped[date | None] = mapped_column(Date)
    communicated_on: Mapped[date | None] = mapped_column(Date)
    may_pass_on: Mapped[bool] = mapped_column(Boolean, default=False)
    absence_arrangement: Mapped[str] = mapped_column(Text, default="")
    retained_tasks: Mapped[str] = mapped_column(Text, default="")
    followed_up_on: Mapped[date | None] = mapped_column(Date)
    # The KS decision behind a distribution from the employer (migration 0008).
    employer_decision_on: Mapped[date | None] = mapped_column(Date)
    employer_decision_section: Mapped[str] = mapped_column(String(40), default="")


class TaskDistributionUnit(Base):
    __tablename__ = "task_distribution_unit"

    distribution_id: Mapped[int] = mapped_column(
        ForeignKey("task_distribution.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), primary_key=True
    )


class TaskReturn(Stamped, Base):
    """The receiver's written return of some or all tasks (AM-4); needs no approval."""

    __tablename__ = "task_return"

    distribution_id: Mapped[int] = mapped_column(
        ForeignKey("task_distribution.id", ondelete="RESTRICT"), index=True
    )
    returned_on: Mapped[date] = mapped_column(Date)
    reasons: Mapped[str] = mapped_column(String(200), default="")  # comma-separated ReturnReason
    explanation: Mapped[str] = mapped_column(Text, default="")


class TaskDistributionItem(Stamped, Base):
    __tablename__ = "task_distribution_item"
    __table_args__ = (Index("ix_task_distribution_item_task", "task_id"),)

    distribution_id: Mapped[int] = mapped_column(
        ForeignKey("task_distribution.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[int] = mapped_column(ForeignKey("work_task.id", ondelete="RESTRICT"))
    knowledge: Mapped[bool] = mapped_column(Boolean, default=False)
    competence: Mapped[bool] = mapped_column(Boolean, default=False)
    authority: Mapped[bool] = mapped_column(Boolean, default=False)
    resources: Mapped[bool] = mapped_column(Boolean, default=False)
    returned_on: Mapped[date | None] = mapped_column(Date)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("task_return.id", ondelete="SET NULL"))


class TitledPosition(Versioned, Base):
    """A position known by its title (kommunjurist, registrator) that orders can name."""

    __tablename__ = "titled_position"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    title: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")


class DelegationOrderRow(Versioned, Base):
    """One version of a board's delegationsordning (draft, adopted or superseded)."""

    __tablename__ = "delegation_order"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    board_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus, "order_status"))
    adopted_on: Mapped[date | None] = mapped_column(Date)
    paragraph: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class DelegationItemRow(Stamped, Base):
    __tablename__ = "delegation_item"

    order_id: Mapped[int] = mapped_column(
        ForeignKey("delegation_order.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)  # the order in the document
    section: Mapped[str] = mapped_column(String(200), default="")
    number: Mapped[str] = mapped_column(String(40))
    matter: Mapped[str] = mapped_column(Text)
    decision_kind: Mapped[DecisionKind] = mapped_column(_enum(DecisionKind, "decision_kind"))
    delegate_kind: Mapped[DelegateKind] = mapped_column(_enum(DelegateKind, "delegate_kind"))
    delegate_role: Mapped[Role | None] = mapped_column(_enum(Role, "role"))
    delegate_title: Mapped[str] = mapped_column(String(200), default="")
    delegate_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    substitute_kind: Mapped[DelegateKind | None] = mapped_column(
        _enum(DelegateKind, "delegate_kind")
    )
    substitute_role: Mapped[Role | None] = mapped_column(_enum(Role, "role"))
    substitute_title: Mapped[str] = mapped_column(String(200), default="")
    substitute_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT")
    )
    lagrum: Mapped[str] = mapped_column(String(200), default="")
    legal_basis: Mapped[LegalBasis] = mapped_column(_enum(LegalBasis, "legal_basis"))
    limits: Mapped[str] = mapped_column(Text, default="")
    subdelegation_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    report_to_board: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # DEL-14: a kind set by hand against the matter's words, with why, who and when.
    kind_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    kind_set_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    kind_set_on: Mapped[date | None] = mapped_column(Date)


class SubdelegationRow(Versioned, Base):
    """A delegate passing an item on to another employee's position (DEL-10)."""

    __tablename__ = "subdelegation"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    item_id: Mapped[int] = mapped_column(
        ForeignKey("delegation_item.id", ondelete="RESTRICT"), index=True
    )
    by_appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointment.id", ondelete="RESTRICT")
    )
    to_kind: Mapped[DelegateKind] = mapped_column(_enum(DelegateKind, "delegate_kind"))
    to_role: Mapped[Role | None] = mapped_column(_enum(Role, "role"))
    to_title: Mapped[str] = mapped_column(String(200), default="")
    to_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class DelegatedDecision(Versioned, Base):
    """A decision taken on delegation (delegationsbeslut), to be reported to the board."""

    __tablename__ = "delegated_decision"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    item_id: Mapped[int] = mapped_column(
        ForeignKey("delegation_item.id", ondelete="RESTRICT"), index=True
    )
    decided_by_appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointment.id", ondelete="RESTRICT")
    )
    decided_on: Mapped[date] = mapped_column(Date, index=True)
    description: Mapped[str] = mapped_column(Text)
    case_number: Mapped[str] = mapped_column(String(60), default="")
    subdelegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("subdelegation.id", ondelete="RESTRICT")
    )  # DEL-10: the decision is reported to the one who passed the right on
    need_tested_on: Mapped[date | None] = mapped_column(Date)  # HR-2
    consulted_on: Mapped[date | None] = mapped_column(Date)  # HR-3
    reported_on: Mapped[date | None] = mapped_column(Date)  # DEL-11
    appealable: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # DEL-11: an appealable decision that is not reported is recorded separately
    recorded_separately_on: Mapped[date | None] = mapped_column(Date)
    # DEL-13: the person the decision concerns (nobody decides their own matter); no foreign
    # key, as the column was added in place (SQLite cannot add one without rebuilding).
    concerns_person_id: Mapped[int | None] = mapped_column(Integer)
    need_tested_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    consulted_with: Mapped[str] = mapped_column(String(200), default="", server_default="")


class CouncilMatterRow(Versioned, Base):
    """A matter a board referred to KF, or KF took back from a board (DEL-3, DEL-4)."""

    __tablename__ = "council_matter"
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    kind: Mapped[CouncilMatterKind] = mapped_column(_enum(CouncilMatterKind, "council_matter_kind"))
    board_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    matter: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[LegalBasis] = mapped_column(_enum(LegalBasis, "legal_basis"))
    decided_on: Mapped[date] = mapped_column(Date)
    paragraph: Mapped[str] = mapped_column(String(40), default="")
    case_number: Mapped[str] = mapped_column(String(60), default="")
    # The words of the matter stay when the item goes: a recall follows them to new versions.
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation_item.id", ondelete="SET NULL")
    )
    to_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    prepared_on: Mapped[date | None] = mapped_column(Date)
    council_decided_on: Mapped[date | None] = mapped_column(Date)
    council_paragraph: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class BoardSettingRow(Base):
    """What a board decided about its own order: the position that is its förvaltningschef
    (DEL-10) and how soon delegated decisions are reported to it (DEL-11)."""

    __tablename__ = "board_setting"

    board_unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    head_role: Mapped[Role | None] = mapped_column(_enum(Role, "role"))
    head_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # the part of the organisation the position is limited to, e.g. a director's area
    head_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"))
    report_within_days: Mapped[int | None] = mapped_column(Integer)
    # DEL-2: the laws the board's reglemente gives it, short forms separated by spaces
    reglemente_laws: Mapped[str] = mapped_column(Text, default="", server_default="")
    # and the areas it answers for, words separated by commas ("gator, gatubelysning")
    reglemente_areas: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class OrganisationSetting(Base):
    """One setting of the organisation, shared by every user of the database (migration
    0011): the letterhead's name and lines as text, its logo as the image's bytes."""

    __tablename__ = "organisation_setting"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="", server_default="")
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class IssuedDocumentRow(Stamped, Base):
    """A letter as issued for signature (migration 0012): its PDF, kept byte for byte. The
    database refuses to change or remove it (a record)."""

    __tablename__ = "issued_document"
    __table_args__ = (Index("ix_issued_document_object", "kind", "object_id"),)

    kind: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[int] = mapped_column(Integer)
    # The object's version when the letter was issued (None: an object without versions).
    object_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    document_id: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    file: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    issued_by: Mapped[str] = mapped_column(String(100), default="", server_default="")


class SignatureRecordRow(Stamped, Base):
    """One signature on an issued letter (migration 0012): who, as which party, when and how,
    with the signed PDF or the scanned copy. Never changed, never removed."""

    __tablename__ = "signature_record"

    issued_id: Mapped[int] = mapped_column(ForeignKey("issued_document.id"), index=True)
    route: Mapped[str] = mapped_column(String(20))
    party: Mapped[str] = mapped_column(String(20))
    signer_name: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[date] = mapped_column(Date)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    certificate_subject: Mapped[str] = mapped_column(Text, default="", server_default="")
    certificate_issuer: Mapped[str] = mapped_column(Text, default="", server_default="")
    trusted: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    file: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    file_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    media_type: Mapped[str] = mapped_column(String(100), default="", server_default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("signature_record.id"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    recorded_by: Mapped[str] = mapped_column(String(100), default="", server_default="")


class DataVersion(Base):
    """A row per table whose counter triggers move on every change to it (migration 0006):
    the version of the data, by which the rule checks are cached."""

    __tablename__ = "data_version"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    counter: Mapped[int] = mapped_column(Integer)


@event.listens_for(Unit, "before_update")
@event.listens_for(Unit, "before_insert")
def _fold_unit(_mapper: Any, _connection: Any, unit: Unit) -> None:
    unit.search_text = search_text(*(getattr(unit, name) for name in UNIT_SEARCH_FIELDS))


@event.listens_for(Person, "before_update")
@event.listens_for(Person, "before_insert")
def _fold_person(_mapper: Any, _connection: Any, person: Person) -> None:
    person.search_text = search_text(*(getattr(person, name) for name in PERSON_SEARCH_FIELDS))


@event.listens_for(Unit, "after_insert")
def _first_period(_mapper: Any, connection: Any, unit: Unit) -> None:
    """Every unit has a history from its first day: a new unit's is its present values. (On
    the flushing connection, so that no insert path can leave a unit without one; the edit
    records it as the unit's own row, see storage/edited_rows.py.)"""
    connection.execute(
        insert(UnitHistory).values(
            unit_id=unit.id,
            valid_from=None,
            valid_to=None,
            parent_id=unit.parent_id,
            kind=unit.kind,
            name=unit.name,
            code=unit.code,
            created_at=utc_now(),
            updated_at=utc_now(),
        )
    )


# Every new audit entry is chained to the one before it, however a session writes it, and an
# entry once written is never changed (storage/audit_chain.py, which imports this module).
@event.listens_for(Session, "before_flush")
def _chain_audit_entries(session: Session, _context: Any, _instances: Any) -> None:
    from nacka_desktop.storage.audit_chain import chain_new_entries

    chain_new_entries(session)


@event.listens_for(Session, "do_orm_execute")
def _chain_audit_statement(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)  # (an annotated copy of the table)
    if getattr(table, "name", None) != AuditEntry.__tablename__:
        return None
    from nacka_desktop.storage.audit_chain import chain_bulk_insert

    return chain_bulk_insert(state)
