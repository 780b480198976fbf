"""Dialogs for the edits that need a few answers first: new unit, move, close, person, appoint."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.enums import Role, UnitKind, WelfareBranch
from nacka_desktop.domain.labels import person_picker_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot, PersonRecord
from nacka_desktop.domain.responsibility import roles_for
from nacka_desktop.domain.rules import Violation
from nacka_desktop.domain.structure import (
    COUNCIL_SEATS,
    KINDS_WITH_SEATS,
    KINDS_WITH_WELFARE_BRANCH,
    allowed_child_kinds,
)
from nacka_desktop.services.org.people import AppointmentDraft, PersonDraft
from nacka_desktop.services.org.queries import OrgQueries
from nacka_desktop.services.org.units import UnitDraft
from nacka_desktop.ui.org.tree_model import UNIT_ID_ROLE, OrgTreeModel
from nacka_desktop.ui.widgets.dialogs import open_with_input_focus
from nacka_desktop.ui.widgets.fields import DateField, FormMessage, ValidatedForm, searchable_combo


class FormDialog(QDialog):
    """A dialog with a validated form and OK/Cancel; OK is enabled only when the form is valid."""

    def __init__(
        self, title: str, parent: QWidget | None, language: Language = Language.SWEDISH
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.language = language
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self._layout = QFormLayout()
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = ValidatedForm(self._layout)
        self.message = FormMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        self.form.changed.connect(self.revalidate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self._layout)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        open_with_input_focus(self)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def validate(self) -> bool:
        return True

    def revalidate(self) -> None:
        self.form.clear_errors()
        self.message.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.validate())

    def show_refusal(self, violations: list[Violation]) -> None:
        self.message.show_rest(self.form, violations, self.language)
        # Messages under the fields make the form taller; a shown dialog does not grow by
        # itself, and the rows would overlap.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _accept_if_valid(self) -> None:
        self.form.reveal()
        self.revalidate()
        if self.validate():
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter is OK only when the form is valid; otherwise it shows what is missing."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.validate():
            self.form.reveal()
            self.revalidate()
            return
        super().keyPressEvent(event)


class NewUnitDialog(FormDialog):
    def __init__(
        self,
        parent_id: int | None,
        parent_kind: UnitKind | None,
        parent_name: str,
        today: date,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(self.tr("Ny enhet"), parent, language)
        self.parent_id = parent_id
        self.set_intro(
            self.tr("Den nya enheten läggs under <b>{parent}</b>.").format(
                parent=parent_name or self.tr("toppen av trädet")
            )
        )
        self.name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in allowed_child_kinds(parent_kind):
            self.kind_combo.addItem(kind.label(language), kind.value)
        self.branch_combo = QComboBox()
        for branch in WelfareBranch:
            self.branch_combo.addItem(branch.label(language), branch.value)
        self.valid_from_edit = DateField(optional=False)
        self.valid_from_edit.set_date(today)
        self.form.add("name", self.tr("Namn"), self.name_edit)
        self.form.add("code", self.tr("Kod (ansvar)"), self.code_edit)
        self.form.add("kind", self.tr("Typ"), self.kind_combo)
        self.form.add("welfare_branch", self.tr("Produktionsområde"), self.branch_combo)
        self.form.add("valid_from", self.tr("Gäller fr.o.m."), self.valid_from_edit)
        for edit in (self.name_edit, self.code_edit, self.valid_from_edit):
            edit.textChanged.connect(self.revalidate)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.revalidate()

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        has_branch = kind is not None and UnitKind(kind) in KINDS_WITH_WELFARE_BRANCH
        self._layout.setRowVisible(self.form.rows["welfare_branch"], has_branch)

    def validate(self) -> bool:
        valid = self.form.require("name", self.name_edit, self.tr("DATA-2: Ange ett namn."))
        valid &= self.form.require("code", self.code_edit, self.tr("DATA-2: Ange en kod."))
        valid &= self.form.check_period(self.valid_from_edit, None, "")
        if self.kind_combo.count() == 0:
            self.form.rows["kind"].set_error(
                self.tr("Inga enheter kan läggas under den här typen av enhet.")
            )
            valid = False
        return valid

    def draft(self) -> UnitDraft:
        kind = UnitKind(self.kind_combo.currentData())
        return UnitDraft(
            code=self.code_edit.text().strip(),
            name=self.name_edit.text().strip(),
            kind=kind,
            parent_id=self.parent_id,
            valid_from=self.valid_from_edit.date(),
            welfare_branch=WelfareBranch(self.branch_combo.currentData())
            if kind in KINDS_WITH_WELFARE_BRANCH
            else None,
            seats=COUNCIL_SEATS if kind in KINDS_WITH_SEATS else None,
        )


class DateDialog(FormDialog):
    """Asks for one date, e.g. when a unit closes or an appointment ends."""

    def __init__(
        self,
        title: str,
        intro: str,
        label: str,
        initial: date,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(title, parent, language)
        self.set_intro(intro)
        self.date_edit = DateField(optional=False)
        self.date_edit.set_date(initial)
        self.form.add("valid_to", label, self.date_edit)
        self.date_edit.textChanged.connect(self.revalidate)

    def validate(self) -> bool:
        problem = self.date_edit.problem()
        if problem:
            self.form.rows["valid_to"].set_error(problem)
        return problem is None

    def date(self) -> date:
        value = self.date_edit.date()
        assert value is not None
        return value


class MoveUnitDialog(QDialog):
    """Pick the new parent of a unit, and the date the move takes effect, from the tree as it
    is on that date (lazily loaded, like the main window's)."""

    def __init__(
        self,
        queries: OrgQueries,
        on: date,
        unit_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Flytta {unit} till…").format(unit=unit_name))
        self.model = OrgTreeModel(queries, on, self)
        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.date_edit = DateField(optional=False)
        self.date_edit.set_date(on)
        self.date_problem = QLabel()
        self.date_problem.setStyleSheet("color: #b00020;")
        self.date_problem.hide()
        dates = QFormLayout()
        dates.addRow(self.tr("Flyttas fr.o.m."), self.date_edit)
        hint = QLabel(
            self.tr(
                "Trädet före datumet ändras inte: den som frågar hur organisationen såg ut "
                "tidigare får svaret som det var då. Ändringen kan ångras."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Flytta"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Välj den enhet som {unit} ska ligga under:").format(unit=unit_name))
        )
        layout.addWidget(self.tree, 1)
        layout.addLayout(dates)
        layout.addWidget(self.date_problem)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(480, 580)
        self.tree.selectionModel().selectionChanged.connect(self._update_ok)
        self.tree.doubleClicked.connect(self._accept_if_ready)
        self.date_edit.textChanged.connect(self._date_changed)
        policy = self.date_problem.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the hint and buttons below do not jump
        self.date_problem.setSizePolicy(policy)
        self.date_problem.setMinimumHeight(self.date_problem.fontMetrics().height())
        open_with_input_focus(self)

    def _date_changed(self) -> None:
        problem = self.date_edit.problem()
        self.date_problem.setText(problem or "")
        self.date_problem.setVisible(problem is not None)
        on = self.date_edit.date()
        if problem is None and on is not None and on != self.model.view_date:
            # The tree the unit is placed in is the tree of the move's date.
            target = self.target_id()
            self.model.set_view_date(on, include_closed=False)
            if target is not None:
                self.select_target(target)
        self._update_ok()

    def _ready(self) -> bool:
        return self.target_id() is not None and self.date_edit.problem() is None

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ready())

    def _accept_if_ready(self) -> None:
        if self._ready():
            self.accept()

    def target_id(self) -> int | None:
        index = self.tree.currentIndex()
        value = index.data(UNIT_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def from_date(self) -> date:
        value = self.date_edit.date()
        assert value is not None  # OK is enabled only with a valid date
        return value

    def select_target(self, unit_id: int) -> None:
        index = self.model.index_of_unit(unit_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)


class PersonDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None = None, language: Language = Language.SWEDISH
    ) -> None:
        super().__init__(self.tr("Ny person"), parent, language)
        self.edits = {
            name: QLineEdit()
            for name in ("employee_number", "first_name", "last_name", "title", "email")
        }
        labels = [
            self.tr("Anställningsnummer"),
            self.tr("Förnamn"),
            self.tr("Efternamn"),
            self.tr("Titel"),
            self.tr("E-post"),
        ]
        for (name, edit), label in zip(self.edits.items(), labels, strict=True):
            self.form.add(name, label, edit)
            edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def validate(self) -> bool:
        valid = True
        for name, message in (
            ("employee_number", self.tr("DATA-2: Ange anställningsnummer.")),
            ("first_name", self.tr("DATA-2: Ange förnamn.")),
            ("last_name", self.tr("DATA-2: Ange efternamn.")),
        ):
            valid &= self.form.require(name, self.edits[name], message)
        email = self.edits["email"].text().strip()
        if email and "@" not in email:
            self.form.rows["email"].set_error(self.tr("E-postadressen saknar @."))
            valid = False
        return valid

    def draft(self) -> PersonDraft:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return PersonDraft(**values)


class AppointDialog(FormDialog):
    """Appoint a person to a unit in a role; either the unit or the person is given."""

    def __init__(
        self,
        queries: OrgQueries,
        today: date,
        unit_id: int | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(self.tr("Tillsätt"), parent, language)
        snapshot = queries.snapshot()
        self.person_combo = searchable_combo()
        for person in sorted(snapshot.persons.values(), key=lambda p: (p.last_name, p.first_name)):
            self.person_combo.addItem(self._person_label(snapshot, person, today), person.id)
        self.unit_combo = searchable_combo()
        for unit in sorted(snapshot.units.values(), key=lambda u: u.name):
            if not unit.is_closed_by(today):
                self.unit_combo.addItem(f"{unit.name} ({unit.code})", unit.id)
        self.role_combo = QComboBox()
        self.acting_check = QCheckBox(self.tr("Tillförordnad (t.f.)"))
        self.valid_from_edit = DateField(optional=False)
        self.valid_from_edit.set_date(today)
        self.valid_to_edit = DateField(optional=True)
        self.form.add("person_id", self.tr("Person"), self.person_combo)
        self.form.add("unit_id", self.tr("Enhet"), self.unit_combo)
        self.form.add("role", self.tr("Roll"), self.role_combo)
        self.form.add("acting", "", self.acting_check)
        self.form.add("valid_from", self.tr("Fr.o.m."), self.valid_from_edit)
        self.form.add("valid_to", self.tr("Upphör fr.o.m."), self.valid_to_edit)
        self._snapshot = snapshot
        self.person_combo.setCurrentIndex(-1)
        self.unit_combo.setCurrentIndex(-1)
        if unit_id is not None:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit_id))
            self.unit_combo.setEnabled(False)
        if person_id is not None:
            self.person_combo.setCurrentIndex(self.person_combo.findData(person_id))
            self.person_combo.setEnabled(False)
        self.unit_combo.currentIndexChanged.connect(self._fill_roles)
        for edit in (self.valid_from_edit, self.valid_to_edit):
            edit.textChanged.connect(self.revalidate)
        self.person_combo.currentIndexChanged.connect(self.revalidate)
        self._fill_roles()

    def _person_label(self, snapshot: OrgSnapshot, person: PersonRecord, today: date) -> str:
        """The name, and what the person is now (a leading role first), so that the right
        one of two namesakes is picked and a manager is not appointed twice unawares."""
        return person_picker_label(snapshot, person, today, self.language)

    def _fill_roles(self) -> None:
        self.role_combo.clear()
        unit_id = self.unit_combo.currentData()
        if unit_id is not None:
            for role in roles_for(self._snapshot, int(unit_id)):
                label = role.label(self.language)
                self.role_combo.addItem(label, role.value)
        self.revalidate()

    def validate(self) -> bool:
        valid = True
        if self.person_combo.currentData() is None:
            self.form.rows["person_id"].set_error(self.tr("DATA-2: Välj en person."))
            valid = False
        if self.unit_combo.currentData() is None:
            self.form.rows["unit_id"].set_error(self.tr("DATA-2: Välj en enhet."))
            valid = False
        valid &= self.form.check_period(
            self.valid_from_edit,
            self.valid_to_edit,
            self.tr("DATA-1: Förordnandet måste upphöra efter att det börjat."),
        )
        return valid and self.role_combo.count() > 0

    def draft(self) -> AppointmentDraft:
        return AppointmentDraft(
            person_id=int(self.person_combo.currentData()),
            unit_id=int(self.unit_combo.currentData()),
            role=Role(self.role_combo.currentData()),
            valid_from=self.valid_from_edit.date(),
            valid_to=self.valid_to_edit.date(),
            acting=self.acting_check.isChecked(),
        )


class ReportDialog(FormDialog):
    """Which board's decisions, for which period, for a report to the board (DEL-11)."""

    def __init__(
        self,
        title: str,
        boards: list[tuple[str, int]],
        board: int | None,
        first: date,
        last: date,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
        offer_all: bool = True,
    ) -> None:
        super().__init__(title, parent, language)
        self.board = QComboBox()
        for name, board_id in boards:
            self.board.addItem(name, board_id)
        self.board.setCurrentIndex(max(self.board.findData(board), 0))
        self.first = DateField(optional=False)
        self.first.set_date(first)
        self.last = DateField(optional=False)
        self.last.set_date(last)
        self.include_reported = QCheckBox(self.tr("Ta med beslut som redan anmälts"))
        self.form.add("board", self.tr("Nämnd"), self.board)
        self.form.add("first", self.tr("Från"), self.first)
        self.form.add("last", self.tr("Till"), self.last)
        if offer_all:
            self.form.add("include_reported", "", self.include_reported)
        for edit in (self.first, self.last):
            edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def choice(self) -> tuple[int, date, date]:
        """The board and the period chosen (once the dialog is accepted, so both are dates)."""
        first, last = self.first.date(), self.last.date()
        assert first is not None and last is not None
        return int(self.board.currentData()), first, last

    def validate(self) -> bool:
        valid = True
        for name, edit in (("first", self.first), ("last", self.last)):
            if problem := edit.problem():
                self.form.rows[name].set_error(problem)
                valid = False
        first, last = self.first.date(), self.last.date()
        if valid and first and last and last < first:
            self.form.rows["last"].set_error(self.tr("Perioden slutar innan den börjar."))
            valid = False
        return valid
