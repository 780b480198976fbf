"""The organisation edits started from the main window: units, persons, appointments.
Each runs as an undoable command over the services; a refusal is shown where the user can
act on it (at the field in the dialog or form, or as a message)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from nacka_desktop.domain.enums import Role
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import RuleViolationError
from nacka_desktop.services.org.consequences import Consequences
from nacka_desktop.services.org.people import AppointmentDraft
from nacka_desktop.services.org.units import draft_of
from nacka_desktop.ui.org.consequences_dialog import ConsequencesDialog
from nacka_desktop.ui.org.dialogs import (
    AppointDialog,
    DateDialog,
    MoveUnitDialog,
    NewUnitDialog,
    PersonDialog,
)
from nacka_desktop.ui.org.record_form import RecordForm
from nacka_desktop.ui.shell.commands import UndoText
from nacka_desktop.ui.shell.edits import EXPECTED_REFUSALS, GuiActions


def _role_name(role: Role, language: Language) -> str:
    """A role inside a sentence: "enhetschef", "unit manager"."""
    return role.label(language).lower()


class OrgActions(GuiActions):
    def new_unit(self, parent_id: int | None) -> int | None:
        """Returns the new unit's id, or None if the user cancelled."""
        services = self._services()
        parent = services.queries.unit(parent_id, self._on()) if parent_id else None
        dialog = NewUnitDialog(
            parent_id,
            parent.kind if parent else None,
            parent.name if parent else "",
            services.clock(),
            self.window,
            self.language,
        )
        units = services.units

        def create() -> Any:
            draft = dialog.draft()
            return self.edits.edit(
                lambda _: QCoreApplication.translate("OrgActions", "Skapa {name}").format(
                    name=draft.name
                ),
                lambda: units.create(draft),
                lambda created: units.delete(created.id),
                lambda created: units.create(draft_of(created), unit_id=created.id),
            )

        record = self.edits.run_dialog(dialog, create)
        return record.id if record is not None else None

    def rename(self, unit_id: int, name: str, shown_name: str | None = None) -> None:
        """Rename the unit from the view date (the name before it stays in the history);
        `shown_name` is what the tree showed, so a rename made elsewhere meanwhile is not
        silently replaced."""
        units = self._services().units
        on = self._on()
        self.edits.attempt(
            lambda: self.edits.edit(
                lambda _: QCoreApplication.translate("OrgActions", "Byt namn till {name}").format(
                    name=name
                ),
                lambda: units.rename(unit_id, name, on, shown_name),
                lambda previous: units.update(unit_id, **previous),
            )
        )

    def choose_new_parent(self, unit_id: int) -> tuple[int, date] | None:
        """The new parent and the date the move takes effect, or None if cancelled."""
        services = self._services()
        on = self._on()
        unit = services.queries.unit(unit_id, on)
        dialog = MoveUnitDialog(services.queries, on, unit.name, self.window)
        if unit.parent_id:
            dialog.select_target(unit.parent_id)
        try:
            if not dialog.exec():
                return None
            target = dialog.target_id()
            return (target, dialog.from_date()) if target is not None else None
        finally:
            dialog.deleteLater()

    def ask_move_date(self, unit_id: int, new_parent_id: int) -> date | None:
        """For a unit dropped on another in the tree: from which date (the view date
        prefilled); None if cancelled, or if it was dropped back where it is."""
        services = self._services()
        on = self._on()
        unit = services.queries.unit(unit_id, on)
        if unit.parent_id == new_parent_id:
            return None
        target = services.queries.unit(new_parent_id, on)
        dialog = DateDialog(
            self.tr("Flytta {name}").format(name=unit.name),
            self.tr(
                "<b>{name}</b> flyttas till <b>{target}</b>. Från vilket datum gäller flytten? "
                "Trädet före datumet ändras inte. Ändringen kan ångras."
            ).format(name=unit.name, target=target.name),
            self.tr("Flyttas fr.o.m."),
            on,
            self.window,
            self.language,
        )
        try:
            return dialog.date() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def _confirmed(self, title: str, intro: str, confirm: str, consequences: Consequences) -> bool:
        """Ask before an edit with consequences the user may not expect; True to go on. One
        the rules refuse goes on too, so that the refusal is shown where it is made."""
        if not consequences.worth_asking or consequences.refused:
            return True
        dialog = ConsequencesDialog(
            title,
            intro,
            confirm,
            consequences,
            self._services().queries.snapshot(consequences.on),
            self.window,
            self.language,
        )
        try:
            return bool(dialog.exec())
        finally:
            dialog.deleteLater()

    def move(self, unit_id: int, new_parent_id: int | None, from_date: date) -> bool:
        """True if the unit moved (from the date on)."""
        services = self._services()
        units = services.units
        unit = services.queries.unit(unit_id, from_date)
        if unit.parent_id == new_parent_id:
            return False  # dropped back where it was: nothing to do, nothing to undo
        target = services.queries.unit(new_parent_id, from_date).name if new_parent_id else ""
        if not self._confirmed(
            self.tr("Flytta {name}").format(name=unit.name),
            self.tr(
                "Om <b>{name}</b> flyttas till <b>{target}</b> fr.o.m. {on} följer det här. "
                "Flytta ändå?"
            ).format(name=unit.name, target=target, on=from_date.isoformat()),
            self.tr("Flytta"),
            services.consequences.of_moving(unit_id, new_parent_id, from_date),
        ):
            return False
        return self.edits.attempt(
            lambda: self.edits.edit(
                lambda _: QCoreApplication.translate("OrgActions", "Flytta {name}").format(
                    name=unit.name
                ),
                # Where the confirmation showed it: moved elsewhere meanwhile, refused.
                lambda: units.move(unit_id, new_parent_id, from_date, unit.parent_id),
                lambda previous: units.update(unit_id, **previous),
            )
        )

    def close_unit(self, unit_id: int) -> None:
        services = self._services()
        unit = services.queries.unit(unit_id, self._on())
        dialog = DateDialog(
            self.tr("Avsluta enhet"),
            self.tr(
                "<b>{name}</b> upphör att gälla från och med datumet nedan. Underliggande "
                "enheter och förordnanden som fortfarande gäller avslutas samma dag. "
                "Ändringen kan ångras."
            ).format(name=unit.name),
            self.tr("Upphör fr.o.m."),
            services.clock(),
            self.window,
            self.language,
        )
        units = services.units

        def close() -> Any:
            end = dialog.date()
            if not self._confirmed(
                self.tr("Avsluta enhet"),
                self.tr(
                    "När <b>{name}</b> avslutas från och med {day} följer det här. Avsluta ändå?"
                ).format(name=unit.name, day=end.isoformat()),
                self.tr("Avsluta enheten"),
                services.consequences.of_closing(unit_id, end),
            ):
                return None
            return self.edits.edit(
                lambda _: QCoreApplication.translate("OrgActions", "Avsluta {name}").format(
                    name=unit.name
                ),
                lambda: units.close(unit_id, end),
                units.reopen,
                lambda _closed: units.close(unit_id, end),
            )

        self.edits.run_dialog(dialog, close)

    def new_person(self) -> int | None:
        dialog = PersonDialog(self.window, self.language)
        persons = self._services().persons

        def create() -> Any:
            draft = dialog.draft()
            return self.edits.edit(
                lambda _: QCoreApplication.translate("OrgActions", "Ny person {name}").format(
                    name=f"{draft.first_name} {draft.last_name}"
                ),
                lambda: persons.create(draft),
                lambda created: persons.delete(created.id),
                lambda created: persons.create(draft, person_id=created.id),
            )

        record = self.edits.run_dialog(dialog, create)
        return record.id if record is not None else None

    def appoint(self, unit_id: int | None, person_id: int | None) -> None:
        services = self._services()
        dialog = AppointDialog(
            services.queries,
            services.clock(),
            unit_id=unit_id,
            person_id=person_id,
            parent=self.window,
            language=self.language,
        )
        appointments = services.appointments

        def appoint() -> Any:
            draft = dialog.draft()
            if not self._leading_twice_confirmed(draft):
                return None
            return self.edits.edit(
                lambda language: QCoreApplication.translate("OrgActions", "Tillsätt {role}").format(
                    role=_role_name(draft.role, language)
                ),
                lambda: appointments.appoint(draft),
                lambda made: appointments.delete(made.id),
                lambda made: appointments.appoint(draft, appointment_id=made.id),
            )

        self.edits.run_dialog(dialog, appoint)

    def _leading_twice_confirmed(self, draft: AppointmentDraft) -> bool:
        """A manager of two units is allowed but rarely meant: ask, naming the other units."""
        services = self._services()
        elsewhere = services.consequences.leading_elsewhere(
            draft.person_id, draft.unit_id, draft.role, draft.valid_from, draft.valid_to
        )
        if not elsewhere:
            return True
        org = services.queries.snapshot(self._on())
        units = ", ".join(
            self.tr("{role} för {unit}").format(
                role=_role_name(a.role, self.language), unit=org.units[a.unit_id].name
            )
            for a in elsewhere
        )
        answer = QMessageBox.question(
            self.window,
            self.tr("Leder redan en annan enhet"),
            self.tr("{person} är redan {units}. Ska {person} också bli {role} för {unit}?").format(
                person=org.person_label(draft.person_id),
                units=units,
                role=_role_name(draft.role, self.language),
                unit=org.units[draft.unit_id].name,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def end_appointment(self, appointment_id: int) -> None:
        services = self._services()
        snapshot = services.queries.snapshot(self._on())
        appointment = snapshot.appointments[appointment_id]
        dialog = DateDialog(
            self.tr("Avsluta förordnande"),
            self.tr("{person} som {role} i {unit}: förordnandet upphör från och med:").format(
                person=snapshot.person_label(appointment.person_id),
                role=_role_name(appointment.role, self.language),
                unit=snapshot.unit_label(appointment.unit_id),
            ),
            self.tr("Upphör fr.o.m."),
            services.clock(),
            self.window,
            self.language,
        )
        appointments = services.appointments

        def end() -> Any:
            day = dialog.date()
            if not self._confirmed(
                self.tr("Avsluta förordnande"),
                self.tr(
                    "När förordnandet upphör från och med {day} följer det här. Avsluta ändå?"
                ).format(day=day.isoformat()),
                self.tr("Avsluta förordnandet"),
                services.consequences.of_ending(appointment_id, day),
            ):
                return None
            return self.edits.edit(
                lambda _: QCoreApplication.translate("OrgActions", "Avsluta förordnande"),
                lambda: appointments.end(appointment_id, day),
                lambda previous: appointments.update(appointment_id, valid_to=previous),
            )

        self.edits.run_dialog(dialog, end)

    def save(
        self,
        form: RecordForm,
        text: UndoText,
        update: Callable[..., dict[str, Any]],
        object_id: int,
        changes: dict[str, Any],
    ) -> None:
        """Save a form's changed fields; a refusal is shown at the form's fields. A form
        filled before someone else saved the record is refused, and filled again with
        what is saved now."""
        loaded = form.loaded_version
        try:
            self.edits.edit(
                text,
                lambda: update(object_id, expected_version=loaded, **changes),
                lambda previous: update(object_id, **previous),
                lambda _previous: update(object_id, **changes),  # redo: this user's own edit
            )
        except RuleViolationError as error:
            form.show_refusal(error.violations)
        except EXPECTED_REFUSALS as error:  # a stale form is filled again (`staleRefused`)
            self.edits.report(error)
