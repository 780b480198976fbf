"""What the main window shows on its right: a unit, a person or an appointment in its form,
the unit revealed in the tree; other objects in their own window or dialog. It remembers
which object is shown, to show it again after an edit, a new view date or language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex

from nacka_desktop.domain.responsibility import roles_for
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.services.editing import NotFoundError
from nacka_desktop.ui.org.tree_model import UNIT_ID_ROLE

if TYPE_CHECKING:
    from nacka_desktop.ui.shell.main_window import MainWindow

# Problems about these are shown in the Delegation window.
DELEGATION_KINDS = frozenset(
    kind.value
    for kind in (
        ObjectKind.DELEGATION_ORDER,
        ObjectKind.DELEGATION_ITEM,
        ObjectKind.SUBDELEGATION,
        ObjectKind.DELEGATED_DECISION,
        ObjectKind.COUNCIL_MATTER,
    )
)


class Navigator:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.current: tuple[str, int] | None = None  # the object the right side shows

    def show_object(self, kind: str, object_id: int) -> None:
        if kind == "unit":
            self.show_unit(object_id)
        elif kind == "person":
            self.show_person(object_id)
        elif kind == "appointment":
            self.show_appointment(object_id)
        elif kind == "process":
            self.window.show_processes(object_id)
        elif kind in DELEGATION_KINDS:
            self.window.show_delegation().show_object(kind, object_id)
        elif kind in ("distribution", "task_return"):
            self.window.show_distribution(kind, object_id)

    def search_hit_chosen(self, kind: str, object_id: int) -> None:
        if kind == "unit":
            self.window.left_stack.setCurrentWidget(
                self.window.tree
            )  # the unit, in its place in the tree
        self.show_object(kind, object_id)

    def show_unit(self, unit_id: int, reveal: bool = True) -> None:
        try:
            # Read before the page: a save in between makes the form stale, never current.
            version = self.window.services.queries.version(ObjectKind.UNIT, unit_id)
            page = self.window.services.queries.unit_page(unit_id, self.window.on)
        except NotFoundError:
            self.show_empty()
            return
        self.current = ("unit", unit_id)
        self.window.unit_form.loaded_version = version
        self.window.unit_form.show_unit(
            page.unit,
            page.parent_name,
            page.manager,
            page.appointments,
            self.window.on,
            self.window.language,
            page.history,
        )
        self.window.form_stack.setCurrentWidget(self.window.unit_form)
        self.window.refresh_work()
        if reveal:
            self.reveal_in_tree(unit_id)
        self.window.update_actions()

    def show_person(self, person_id: int) -> None:
        try:
            version = self.window.services.queries.version(ObjectKind.PERSON, person_id)
            page = self.window.services.queries.person_page(person_id, self.window.on)
        except NotFoundError:
            self.show_empty()
            return
        self.current = ("person", person_id)
        self.window.person_form.loaded_version = version
        self.window.person_form.show_person(
            page.person, page.chiefs, page.appointments, self.window.on, self.window.language
        )
        self.window.form_stack.setCurrentWidget(self.window.person_form)
        self.window.refresh_work()
        self.window.update_actions()

    def show_appointment(self, appointment_id: int) -> None:
        queries = self.window.services.queries
        try:
            version = queries.version(ObjectKind.APPOINTMENT, appointment_id)
            appointment = queries.appointment(appointment_id)
        except NotFoundError:
            self.show_empty()
            return
        snapshot = queries.snapshot(self.window.on)
        self.current = ("appointment", appointment_id)
        self.window.appointment_form.loaded_version = version
        self.window.appointment_form.show_appointment(
            appointment,
            snapshot.person_label(appointment.person_id),
            snapshot.unit_label(appointment.unit_id),
            roles_for(snapshot, appointment.unit_id),
            self.window.language,
        )
        self.window.form_stack.setCurrentWidget(self.window.appointment_form)
        self.window.refresh_work()
        self.window.update_actions()

    def show_empty(self) -> None:
        self.current = None
        self.window.form_stack.setCurrentWidget(self.window.empty_page)
        self.window.update_actions()
        self.window.refresh_work()

    def reveal_in_tree(self, unit_id: int) -> None:
        index = self.window.tree_model.index_of_unit(unit_id)
        if not index.isValid():  # not in the tree as shown (closed): highlight nothing else
            self.window.tree.selectionModel().clearCurrentIndex()
            self.window.tree.clearSelection()
            return
        parent = index.parent()
        while parent.isValid():
            self.window.tree.expand(parent)
            parent = parent.parent()
        if self.window.tree.currentIndex() != index:
            self.window.tree.setCurrentIndex(index)
        self.window.tree.scrollTo(index)

    def tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.window.refreshing:
            return
        unit_id = current.data(UNIT_ID_ROLE) if current.isValid() else None
        if unit_id is not None and self.current != ("unit", unit_id):
            self.show_unit(int(unit_id), reveal=False)

    def reload_current(self) -> None:
        if self.current is None:
            return
        kind, object_id = self.current
        if kind == "unit":
            # The tree may have moved its highlight while it merged the change (an undone
            # move takes the row away): the highlight goes back to the unit the form shows.
            self.show_unit(object_id, reveal=True)
        else:
            self.show_object(kind, object_id)
