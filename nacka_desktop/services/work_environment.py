"""Use cases of work-environment task distribution: catalogue, distribute, sign, communicate,
follow up, return, end. Each is one transaction, checked against AM-1…AM-9, and audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nacka_desktop.domain.dates import is_valid_on
from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.domain.signatures import DocumentKind
from nacka_desktop.domain.work_environment import ReturnReason, WorkTaskRecord
from nacka_desktop.services.editing import Editor, NotFoundError, refusal, refuse_stale
from nacka_desktop.storage.models import (
    Appointment,
    IssuedDocumentRow,
    SignatureRecordRow,
    TaskDistribution,
    TaskDistributionItem,
    TaskDistributionUnit,
    TaskReturn,
    Unit,
    WorkTask,
    utc_now,
)

Confirmation = tuple[bool, bool, bool, bool]  # knowledge, competence, authority, resources
ALL_CONFIRMED: Confirmation = (True, True, True, True)


@dataclass
class DistributionDraft:
    receiver_appointment_id: int
    giver_appointment_id: int | None  # None: KS, the employer
    unit_ids: list[int]
    task_ids: list[int]
    valid_from: date
    valid_to: date | None = None
    may_pass_on: bool = False
    absence_arrangement: str = ""
    retained_tasks: str = ""
    confirmations: dict[int, Confirmation] = field(default_factory=dict)
    # From the employer: the KS decision it rests on (cited in the letter).
    employer_decision_on: date | None = None
    employer_decision_section: str = ""


class TaskCatalogueService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def list(self, include_inactive: bool = False) -> list[WorkTaskRecord]:
        with self._editor.database.reader() as session:
            statement = select(WorkTask).order_by(WorkTask.name)
            if not include_inactive:
                statement = statement.where(WorkTask.active.is_(True))
            return [
                WorkTaskRecord(t.id, t.code, t.name, t.description or "", t.active)
                for t in session.scalars(statement)
            ]

    def create(self, code: str, name: str, description: str = "") -> int:
        with self._editor.edit() as session:
            _require_text(code, "code", "koden", ObjectKind.WORK_TASK)
            _require_text(name, "name", "namnet", ObjectKind.WORK_TASK)
            if session.scalar(select(WorkTask.id).where(WorkTask.code == code.strip())):
                raise refusal(
                    "DATA-3",
                    f"Koden {code} används redan av en annan arbetsmiljöuppgift.",
                    f"The code {code} is already used by another task.",
                    ObjectKind.WORK_TASK,
                    0,
                    "code",
                )
            task = WorkTask(code=code.strip(), name=name.strip(), description=description)
            session.add(task)
            session.flush()
            self._editor.audit(
                session, "work_task.create", ObjectKind.WORK_TASK, task.id, {"code": code}
            )
            return task.id

    def update(
        self, task_id: int, loaded: WorkTaskRecord | None = None, **changes: Any
    ) -> dict[str, Any]:
        """Change fields; returns their previous values. `loaded`: the task as the dialog
        showed it (changed since: refused, not overwritten)."""
        unknown = set(changes) - {"code", "name", "description", "active"}
        if unknown:
            raise ValueError(f"unknown task fields: {sorted(unknown)}")
        with self._editor.edit() as session:
            task = session.get(WorkTask, task_id)
            if task is None:
                raise NotFoundError("Arbetsmiljöuppgiften", task_id)
            saved = WorkTaskRecord(
                task.id, task.code, task.name, task.description or "", task.active
            )
            refuse_stale(loaded, saved, "uppgiften", "the task")
            if "name" in changes:
                _require_text(changes["name"], "name", "namnet", ObjectKind.WORK_TASK)
            previous = {name: getattr(task, name) for name in changes}
            for name, value in changes.items():
                setattr(task, name, value)
            self._editor.audit(
                session,
                "work_task.update",
                ObjectKind.WORK_TASK,
                task_id,
                {"before": previous, "after": changes},
            )
            return previous


class DistributionService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def create(self, draft: DistributionDraft, distribution_id: int | None = None) -> int:
        """A draft: not in force until signed (AM-2) and communicated orally (AM-3)."""
        with self._editor.edit() as session:
            distribution = TaskDistribution(
                giver_appointment_id=draft.giver_appointment_id,
                receiver_appointment_id=draft.receiver_appointment_id,
                valid_from=draft.valid_from,
                valid_to=draft.valid_to,
                may_pass_on=draft.may_pass_on,
                absence_arrangement=draft.absence_arrangement,
                retained_tasks=draft.retained_tasks,
                **_employer_decision(draft),
            )
            if distribution_id is not None:
                distribution.id = distribution_id
            _check_exists(session, draft)
            session.add(distribution)
            session.flush()
            _set_contents(session, distribution.id, draft)
            self._editor.audit(
                session,
                "distribution.create",
                ObjectKind.DISTRIBUTION,
                distribution.id,
                asdict(draft),
            )
            return distribution.id

    def replace_draft(self, distribution_id: int, draft: DistributionDraft) -> DistributionDraft:
        """Change a draft's contents; returns the contents it had (for undo)."""
        with self._editor.edit() as session:
            distribution = _get(session, distribution_id)
            _refuse_if_signed(distribution, "ändras")
            _refuse_if_a_letter_is_signed(session, distribution_id)
            _check_exists(session, draft)
            previous = _draft_of(session, distribution)
            for name in (
                "giver_appointment_id",
                "receiver_appointment_id",
                "valid_from",
                "valid_to",
                "may_pass_on",
                "absence_arrangement",
                "retained_tasks",
            ):
                setattr(distribution, name, getattr(draft, name))
            for name, value in _employer_decision(draft).items():
                setattr(distribution, name, value)
            # Row by row through the unit of work, so that the edit's check knows what changed.
            for model in (TaskDistributionItem, TaskDistributionUnit):
                for row in session.scalars(
                    select(model).where(model.distribution_id == distribution_id)
                ):
                    session.delete(row)
            session.flush()  # the old rows go before the new ones take their keys
            _set_contents(session, distribution_id, draft)
            self._editor.audit(
                session,
                "distribution.update",
                ObjectKind.DISTRIBUTION,
                distribution_id,
                asdict(draft),
            )
            return previous

    def draft_of(self, distribution_id: int) -> DistributionDraft:
        with self._editor.database.reader() as session:
            return _draft_of(session, _get(session, distribution_id))

    def delete_draft(self, distribution_id: int) -> DistributionDraft:
        with self._editor.edit() as session:
            distribution = _get(session, distribution_id)
            _refuse_if_signed(distribution, "tas bort")
            _refuse_if_a_letter_is_issued(session, distribution_id)
            previous = _draft_of(session, distribution)
            session.delete(distribution)
            self._editor.audit(
                session, "distribution.delete", ObjectKind.DISTRIBUTION, distribution_id, {}
            )
            return previous

    def sign(self, distribution_id: int, signed_on: date) -> dict[str, Any]:
        """Record the written signature (AM-2). For KS, its ordförande signs (employer).

        A signed distribution is not signed again (AM-2). Returns the fields as they were, for
        `restore` (the undo)."""
        _refuse_ahead(signed_on, self._editor.clock(), distribution_id, "signed_on", "AM-2")
        with self._editor.edit() as session:
            distribution = _get(session, distribution_id)
            _refuse_if_signed(distribution, "undertecknas igen")
            _refuse_without_absence_and_retained(distribution)
            decided = distribution.employer_decision_on
            if decided is not None and decided > signed_on:
                raise refusal(
                    "AM-2",
                    f"Fördelningen kan inte undertecknas ({signed_on}) före kommunstyrelsens "
                    f"beslut om den ({decided}).",
                    "The distribution cannot be signed before the executive board's decision.",
                    ObjectKind.DISTRIBUTION,
                    distribution_id,
                    "signed_on",
                )
            previous = {
                "signed_on": distribution.signed_on,
                "employer_signatory_id": distribution.employer_signatory_id,
            }
            if distribution.giver_appointment_id is None:
                distribution.employer_signatory_id = _ks_chair_on(session, signed_on)
            distribution.signed_on = signed_on
            self._editor.audit(
                session,
                "distribution.sign",
                ObjectKind.DISTRIBUTION,
                distribution_id,
                {"signed_on": signed_on},
            )
            return previous

    def record_oral(self, distribution_id: int, communicated_on: date) -> date | None:
        """Record that the giver personally told the receiver (AM-3); returns the previous."""
        _refuse_ahead(
            communicated_on, self._editor.clock(), distribution_id, "communicated_on", "AM-3"
        )
        with self._editor.reading() as session:
            distribution = _get(session, distribution_id)
            if distribution.communicated_on is not None:
                raise refusal(
                    "AM-3",
                    "Den muntliga genomgången är redan registrerad.",
                    "The oral communication is already recorded.",
                    ObjectKind.DISTRIBUTION,
                    distribution_id,
                    "communicated_on",
                )
            if distribution.signed_on is not None and communicated_on < distribution.signed_on:
                raise refusal(
                    "AM-3",
                    f"Den muntliga genomgången ({communicated_on}) kan inte ha skett före "
                    f"undertecknandet ({distribution.signed_on}): fördelningen görs skriftligt "
                    "och bekräftas muntligt.",
                    "The oral communication cannot come before the signature.",
                    ObjectKind.DISTRIBUTION,
                    distribution_id,
                    "communicated_on",
                )
        previous = self._set(distribution_id, "distribution.oral", communicated_on=communicated_on)
        value = previous["communicated_on"]
        return value if isinstance(value, date) else None

    def follow_up(self, distribution_id: int, on: date) -> date | None:
        """Record this year's follow-up (AM-8), of a distribution that has been in force;
        returns the previous one."""
        _refuse_ahead(on, self._editor.clock(), distribution_id, "followed_up_on", "AM-8")
        with self._editor.reading() as session:
            distribution = _get(session, distribution_id)
            starts = _starts_on(distribution)
            if starts is None or on < starts:
                raise refusal(
                    "AM-8",
                    "Bara en fördelning som har gällt kan följas upp: den ska vara "
                    "undertecknad, muntligt genomgången och ha börjat gälla"
                    + (f" ({starts})." if starts else "."),
                    "Only a distribution that has been in force can be followed up.",
                    ObjectKind.DISTRIBUTION,
                    distribution_id,
                    "followed_up_on",
                )
        previous = self._set(distribution_id, "distribution.follow_up", followed_up_on=on)
        value = previous["followed_up_on"]
        return value if isinstance(value, date) else None

    def end(self, distribution_id: int, on: date) -> date | None:
        """End a distribution (e.g. one that lapsed: the tasks stay with the giver)."""
        value = self._set(distribution_id, "distribution.end", valid_to=on)["valid_to"]
        return value if isinstance(value, date) else None

    def restore(self, distribution_id: int, **values: Any) -> None:
        """Put fields back as they were (the undo of sign, oral, follow-up, end)."""
        self._set(distribution_id, "distribution.restore", **values)

    def set_confirmation(
        self, distribution_id: int, task_id: int, confirmation: Confirmation
    ) -> Confirmation:
        with self._editor.edit() as session:
            distribution = _get(session, distribution_id)
            _refuse_if_signed(distribution, "ändras")
            _refuse_if_a_letter_is_signed(session, distribution_id)
            item = session.scalar(
                select(TaskDistributionItem).where(
                    TaskDistributionItem.distribution_id == distribution_id,
                    TaskDistributionItem.task_id == task_id,
                )
            )
            if item is None:
                raise NotFoundError("Uppgiften i fördelningen", task_id)
            previous = (item.knowledge, item.competence, item.authority, item.resources)
            item.knowledge, item.competence, item.authority, item.resources = confirmation
            # The letter shows the confirmations: a change of one is a change of the
            # distribution (its version moves, so a letter issued before is seen as stale).
            distribution.updated_at = utc_now()
            self._editor.audit(
                session,
                "distribution.confirm",
                ObjectKind.DISTRIBUTION,
                distribution_id,
                {"task": task_id, "before": list(previous), "after": list(confirmation)},
            )
            return previous

    def return_tasks(
        self,
        distribution_id: int,
        task_ids: Sequence[int],
        returned_on: date,
        reasons: Sequence[ReturnReason],
        explanation: str = "",
    ) -> int:
        """The receiver's written return (AM-4): no approval, in effect on the date, which
        lies within the distribution's time in force; "annat" says what."""
        _refuse_ahead(returned_on, self._editor.clock(), distribution_id, "returned_on", "AM-4")
        if ReturnReason.OTHER in reasons and not explanation.strip():
            raise refusal(
                "AM-4",
                'Förklara skälet "annat" med några ord.',
                'Explain the reason "other".',
                ObjectKind.DISTRIBUTION,
                distribution_id,
                "explanation",
            )
        with self._editor.edit() as session:
            distribution = _get(session, distribution_id)
            starts = _starts_on(distribution)
            if (
                starts is None
                or returned_on < starts
                or (distribution.valid_to is not None and returned_on >= distribution.valid_to)
            ):
                raise refusal(
                    "AM-4",
                    "Uppgifter kan bara återföras medan fördelningen gäller"
                    + (f" (från {starts}" if starts else " (den har inte börjat gälla")
                    + (f" till {distribution.valid_to})." if distribution.valid_to else ").")
                    + f" Datumet {returned_on} ligger utanför.",
                    "Tasks can only be returned while the distribution is in force.",
                    ObjectKind.DISTRIBUTION,
                    distribution_id,
                    "returned_on",
                )
            items = [
                item
                for item in session.scalars(
                    select(TaskDistributionItem).where(
                        TaskDistributionItem.distribution_id == distribution_id
                    )
                )
                if item.task_id in set(task_ids)
            ]
            if not items or any(item.returned_on is not None for item in items):
                raise refusal(
                    "AM-4",
                    "Välj minst en uppgift som inte redan är återförd.",
                    "Choose at least one task that is not already returned.",
                    ObjectKind.DISTRIBUTION,
                    distribution.id,
                    "items",
                )
            task_return = TaskReturn(
                distribution_id=distribution_id,
                returned_on=returned_on,
                reasons=",".join(reason.value for reason in reasons),
                explanation=explanation.strip(),
            )
            session.add(task_return)
            session.flush()
            for item in items:
                item.returned_on = returned_on
                item.return_id = task_return.id
            self._editor.audit(
                session,
                "distribution.return",
                ObjectKind.TASK_RETURN,
                task_return.id,
                {"distribution": distribution_id, "tasks": list(task_ids), "on": returned_on},
            )
            return task_return.id

    def undo_return(self, return_id: int) -> None:
        with self._editor.edit() as session:
            task_return = session.get(TaskReturn, return_id)
            if task_return is None:
                raise NotFoundError("Återföringen", return_id)
            for item in session.scalars(
                select(TaskDistributionItem).where(TaskDistributionItem.return_id == return_id)
            ):
                item.returned_on = None
                item.return_id = None
            session.delete(task_return)
            self._editor.audit(
                session, "distribution.return_undone", ObjectKind.TASK_RETURN, return_id, {}
            )

    def _set(self, distribution_id: int, action: str, **values: Any) -> dict[str, Any]:
        with self._editor.edit() as session:
            distribution = _get(session, distribution_id)
            previous = {name: getattr(distribution, name) for name in values}
            for name, value in values.items():
                setattr(distribution, name, value)
            self._editor.audit(
                session,
                action,
                ObjectKind.DISTRIBUTION,
                distribution_id,
                {"before": previous, "after": values},
            )
            return previous


def _refuse_ahead(day: date, today: date, distribution_id: int, field: str, rule_id: str) -> None:
    """An event is recorded when it has happened, never dated after today."""
    if day > today:
        raise refusal(
            rule_id,
            f"Datumet {day} ligger efter i dag ({today}): registrera händelsen när den har skett.",
            f"The date {day} is after today ({today}).",
            ObjectKind.DISTRIBUTION,
            distribution_id,
            field,
        )


def _refuse_without_absence_and_retained(distribution: TaskDistribution) -> None:
    """AM-7: what is signed says what applies while the receiver is away and which tasks
    stay with the giver."""
    for name, sv, en in (
        ("absence_arrangement", "vad som gäller vid mottagarens frånvaro", "the absence"),
        ("retained_tasks", "vilka uppgifter som stannar hos chefen", "the retained tasks"),
    ):
        if not (getattr(distribution, name) or "").strip():
            raise refusal(
                "AM-7",
                f"Fördelningen kan inte undertecknas förrän den anger {sv}.",
                f"The distribution cannot be signed until it states {en}.",
                ObjectKind.DISTRIBUTION,
                distribution.id,
                name,
            )


def _starts_on(distribution: TaskDistribution) -> date | None:
    """The first day in force: signed, told orally, and begun (as `DistributionRecord`)."""
    if distribution.signed_on is None or distribution.communicated_on is None:
        return None
    return max(distribution.valid_from, distribution.signed_on, distribution.communicated_on)


def _get(session: Session, distribution_id: int) -> TaskDistribution:
    distribution = session.get(TaskDistribution, distribution_id)
    if distribution is None:
        raise NotFoundError("Fördelningen", distribution_id)
    return distribution


def _refuse_if_signed(distribution: TaskDistribution, verb: str) -> None:
    if distribution.signed_on is not None:
        raise refusal(
            "AM-2",
            f"Fördelningen är undertecknad och kan inte {verb}; avsluta den och gör en ny.",
            "The distribution is signed and cannot be changed; end it and make a new one.",
            ObjectKind.DISTRIBUTION,
            distribution.id,
        )


def _refuse_if_a_letter_is_signed(session: Session, distribution_id: int) -> None:
    """Someone has signed a letter of the distribution as it is (issue 13): changing it now
    would make their signature vouch for something else."""
    signed = session.scalars(
        select(SignatureRecordRow.id)
        .join(IssuedDocumentRow, IssuedDocumentRow.id == SignatureRecordRow.issued_id)
        .where(
            IssuedDocumentRow.kind == DocumentKind.DISTRIBUTION_LETTER.value,
            IssuedDocumentRow.object_id == distribution_id,
        )
        .limit(1)
    ).first()
    if signed is not None:
        raise refusal(
            "AM-2",
            "Brevet om fördelningen har redan skrivits under; fördelningen kan inte ändras. "
            "Låt båda skriva under, avsluta den och gör en ny.",
            "The distribution's letter has been signed already; it cannot be changed.",
            ObjectKind.DISTRIBUTION,
            distribution_id,
        )


def _refuse_if_a_letter_is_issued(session: Session, distribution_id: int) -> None:
    """A letter issued for the distribution is a record that names it: the distribution
    stays (and can be changed while nobody has signed), it is not removed."""
    issued = session.scalars(
        select(IssuedDocumentRow.id)
        .where(
            IssuedDocumentRow.kind == DocumentKind.DISTRIBUTION_LETTER.value,
            IssuedDocumentRow.object_id == distribution_id,
        )
        .limit(1)
    ).first()
    if issued is not None:
        raise refusal(
            "AM-2",
            "Ett brev har utfärdats för underskrift av fördelningen; den tas inte bort. "
            "Ändra den i stället, så utfärdas ett nytt brev.",
            "A letter has been issued for the distribution; it is not removed.",
            ObjectKind.DISTRIBUTION,
            distribution_id,
        )


def _require_text(value: str, field_name: str, what_sv: str, kind: ObjectKind) -> None:
    if not str(value).strip():
        raise refusal("DATA-2", f"Ange {what_sv}.", f"Enter the {field_name}.", kind, 0, field_name)


def _check_exists(session: Session, draft: DistributionDraft) -> None:
    for appointment_id in (draft.receiver_appointment_id, draft.giver_appointment_id):
        if appointment_id is not None and session.get(Appointment, appointment_id) is None:
            raise NotFoundError("Förordnandet", appointment_id)
    for unit_id in draft.unit_ids:
        if session.get(Unit, unit_id) is None:
            raise NotFoundError("Enheten", unit_id)
    for task_id in draft.task_ids:
        if session.get(WorkTask, task_id) is None:
            raise NotFoundError("Arbetsmiljöuppgiften", task_id)


def _set_contents(session: Session, distribution_id: int, draft: DistributionDraft) -> None:
    for unit_id in dict.fromkeys(draft.unit_ids):
        session.add(TaskDistributionUnit(distribution_id=distribution_id, unit_id=unit_id))
    for task_id in dict.fromkeys(draft.task_ids):
        knowledge, competence, authority, resources = draft.confirmations.get(
            task_id, (False, False, False, False)
        )
        session.add(
            TaskDistributionItem(
                distribution_id=distribution_id,
                task_id=task_id,
                knowledge=knowledge,
                competence=competence,
                authority=authority,
                resources=resources,
            )
        )


def _draft_of(session: Session, distribution: TaskDistribution) -> DistributionDraft:
    items = list(
        session.scalars(
            select(TaskDistributionItem)
            .where(TaskDistributionItem.distribution_id == distribution.id)
            .order_by(TaskDistributionItem.id)
        )
    )
    units = session.scalars(
        select(TaskDistributionUnit.unit_id).where(
            TaskDistributionUnit.distribution_id == distribution.id
        )
    )
    return DistributionDraft(
        receiver_appointment_id=distribution.receiver_appointment_id,
        giver_appointment_id=distribution.giver_appointment_id,
        unit_ids=sorted(units),
        task_ids=[item.task_id for item in items],
        valid_from=distribution.valid_from,
        valid_to=distribution.valid_to,
        may_pass_on=distribution.may_pass_on,
        absence_arrangement=distribution.absence_arrangement or "",
        retained_tasks=distribution.retained_tasks or "",
        confirmations={
            item.task_id: (item.knowledge, item.competence, item.authority, item.resources)
            for item in items
        },
        employer_decision_on=distribution.employer_decision_on,
        employer_decision_section=distribution.employer_decision_section or "",
    )


def _employer_decision(draft: DistributionDraft) -> dict[str, Any]:
    """The KS decision, kept only on a distribution from the employer."""
    from_employer = draft.giver_appointment_id is None
    return {
        "employer_decision_on": draft.employer_decision_on if from_employer else None,
        "employer_decision_section": (
            " ".join(draft.employer_decision_section.split()) if from_employer else ""
        ),
    }


def _ks_chair_on(session: Session, on: date) -> int:
    """The appointment of KS's ordförande on the date, who signs for the employer."""
    rows = session.execute(
        select(Appointment.id, Appointment.valid_from, Appointment.valid_to)
        .join(Unit, Unit.id == Appointment.unit_id)
        .where(Unit.kind == UnitKind.EXECUTIVE_BOARD, Appointment.role == Role.CHAIR)
    ).all()
    for appointment_id, valid_from, valid_to in rows:
        if is_valid_on(valid_from, valid_to, on):
            return int(appointment_id)
    raise refusal(
        "AM-2",
        f"Kommunstyrelsen har ingen ordförande {on} som kan underteckna för arbetsgivaren.",
        f"The executive board has no chair on {on} to sign for the employer.",
        ObjectKind.DISTRIBUTION,
        0,
        "signed_on",
    )
