"""A guided dialog for a new distribution of work-environment tasks: giver and receiver,
units and tasks, the receiver's confirmations (AM-6), and the terms (AM-7, AM-9)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from nacka_desktop.domain.labels import appointment_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import AppointmentRecord, swedish_sort_key
from nacka_desktop.domain.rules import RuleViolationError, Violation
from nacka_desktop.domain.work_environment import WorkSnapshot
from nacka_desktop.domain.work_options import (
    givable_tasks,
    giver_options,
    line_of,
    receiver_options,
    usual_receiver,
)
from nacka_desktop.services.work_environment import DistributionDraft
from nacka_desktop.ui.help.links import RuleHelpOnClick
from nacka_desktop.ui.widgets.dialogs import open_with_input_focus
from nacka_desktop.ui.widgets.fields import (
    ERROR_STYLE,
    DateField,
    searchable_combo,
    set_choices,
    side_by_side,
)

EMPLOYER = -1  # combo data for "KS, the employer"
CONFIRMATION_COLUMNS = 4


def _label(wizard: DistributionWizard, appointment: AppointmentRecord) -> str:
    return appointment_label(wizard.work.org, appointment, wizard.language)


def _checked(widget: QListWidget) -> list[int]:
    return [
        int(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class DistributionWizard(QWizard):
    def __init__(
        self,
        work: WorkSnapshot,
        today: date,
        giver_id: int | None = None,
        receiver_id: int | None = None,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(parent)
        open_with_input_focus(self)
        self.work = work
        self.today = today
        self.language = language
        self.submit: Callable[[DistributionDraft], int] | None = None
        self.result_id: int | None = None
        self.setWindowTitle(self.tr("Ny fördelning av arbetsmiljöuppgifter"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(720, 560)
        self.parties = PartiesPage(self, giver_id, receiver_id)
        self.scope = ScopePage(self)
        self.confirm = ConfirmationPage(self)
        self.terms = TermsPage(self)
        self.summary = SummaryPage(self)
        for page in (self.parties, self.scope, self.confirm, self.terms, self.summary):
            self.addPage(page)

    def giver(self) -> AppointmentRecord | None:
        return self.parties.giver()

    def draft(self) -> DistributionDraft:
        giver = self.giver()
        task_ids = _checked(self.scope.tasks)
        return DistributionDraft(
            receiver_appointment_id=int(self.parties.receiver_combo.currentData()),
            giver_appointment_id=giver.id if giver else None,
            unit_ids=_checked(self.scope.units),
            task_ids=task_ids,
            valid_from=self.parties.valid_from.date() or self.today,
            valid_to=self.terms.valid_to.date(),
            may_pass_on=self.confirm.may_pass_on.isChecked(),
            absence_arrangement=self.terms.absence.toPlainText().strip(),
            retained_tasks=self.terms.retained.toPlainText().strip(),
            confirmations=self.confirm.confirmations(task_ids),
            employer_decision_on=self.terms.decided_on.date() if giver is None else None,
            employer_decision_section=(
                self.terms.decision_section.text().strip() if giver is None else ""
            ),
        )

    def accept(self) -> None:
        """Finish only when the services take the draft; a refusal keeps every answer."""
        if self.submit is not None:
            try:
                self.result_id = self.submit(self.draft())
            except RuleViolationError as error:
                self.show_refusal(error.violations)
                return
        super().accept()

    def show_refusal(self, violations: list[Violation]) -> None:
        text = "\n".join(f"{v.rule_id}: {v.text(self.language)}" for v in violations)
        for page in (self.terms, self.summary):
            page.message.setText(text)
            page.message.show()


class PartiesPage(QWizardPage):
    def __init__(
        self, wizard: DistributionWizard, giver_id: int | None, receiver_id: int | None
    ) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Givare och mottagare"))
        self.setSubTitle(
            self.tr(
                "Den som fördelar måste själv ha uppgifterna (AM-1). Mottagaren finns i "
                "givarens linje."
            )
        )
        self.giver_combo = QComboBox()
        self.giver_combo.addItem(self.tr("Kommunstyrelsen (arbetsgivaren)"), EMPLOYER)
        for appointment in sorted(
            giver_options(wizard.work, wizard.today),
            key=lambda a: swedish_sort_key(_label(wizard, a)),
        ):
            self.giver_combo.addItem(_label(wizard, appointment), appointment.id)
        # Managers, deputies and gruppchefer, who receive tasks (AM-1, AM-5); the other staff
        # in the giver's line only when asked for.
        self.receiver_combo = searchable_combo()
        self.show_all = QCheckBox(self.tr("Visa även övriga medarbetare"))
        receiver_row = side_by_side(self.receiver_combo, self.show_all)
        self.valid_from = DateField(optional=False)
        self.valid_from.set_date(wizard.today)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Givare"), self.giver_combo)
        layout.addRow(self.tr("Mottagare"), receiver_row)
        layout.addRow(self.tr("Gäller fr.o.m."), self.valid_from)
        if giver_id is not None and self.giver_combo.findData(giver_id) >= 0:
            self.giver_combo.setCurrentIndex(self.giver_combo.findData(giver_id))
        receiver = wizard.work.org.appointments.get(receiver_id or 0)
        self.show_all.setChecked(receiver is not None and not usual_receiver(receiver))
        self._fill_receivers()
        if receiver_id is not None and self.receiver_combo.findData(receiver_id) >= 0:
            self.receiver_combo.setCurrentIndex(self.receiver_combo.findData(receiver_id))
        self.giver_combo.currentIndexChanged.connect(self._fill_receivers)
        self.show_all.toggled.connect(self._fill_receivers)
        self.receiver_combo.currentIndexChanged.connect(self.completeChanged)
        self.valid_from.textChanged.connect(self.completeChanged)

    def giver(self) -> AppointmentRecord | None:
        data = self.giver_combo.currentData()
        return None if data in (None, EMPLOYER) else self._wizard.work.org.appointments[int(data)]

    def _fill_receivers(self) -> None:
        """Those who usually receive first, then (when shown) the other staff; keeping the
        receiver chosen when they are still offered."""
        chosen = self.receiver_combo.currentData()
        options = receiver_options(self._wizard.work, self.giver(), self._wizard.today)
        shown = sorted(
            (a for a in options if self.show_all.isChecked() or usual_receiver(a)),
            key=lambda a: (not usual_receiver(a), swedish_sort_key(_label(self._wizard, a))),
        )
        self.receiver_combo.blockSignals(True)
        set_choices(self.receiver_combo, [(_label(self._wizard, a), a.id) for a in shown])
        self.receiver_combo.setCurrentIndex(
            max(self.receiver_combo.findData(chosen), 0) if shown else -1
        )
        self.receiver_combo.blockSignals(False)
        others = sum(1 for a in options if not usual_receiver(a))
        label = self.tr("Visa även övriga medarbetare ({count})")
        self.show_all.setText(label.format(count=others))
        self.show_all.setEnabled(others > 0 or self.show_all.isChecked())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.receiver_combo.currentData() is not None and self.valid_from.problem() is None


class ScopePage(QWizardPage):
    def __init__(self, wizard: DistributionWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Enheter och uppgifter"))
        self.setSubTitle(
            self.tr("Välj vilka enheter fördelningen gäller och vilka uppgifter som fördelas.")
        )
        self.units = QListWidget()
        self.tasks = QListWidget()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Enheter</b>")))
        layout.addWidget(self.units, 1)
        layout.addWidget(QLabel(self.tr("<b>Uppgifter</b>")))
        layout.addWidget(self.tasks, 2)
        layout.addWidget(self.hint)
        self.units.itemChanged.connect(self._units_changed)
        self.tasks.itemChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        work, giver = self._wizard.work, self._wizard.giver()
        receiver = work.org.appointments[int(self._wizard.parties.receiver_combo.currentData())]
        self.units.blockSignals(True)
        self.units.clear()
        for unit_id in sorted(
            line_of(work, giver), key=lambda i: swedish_sort_key(work.org.units[i].name)
        ):
            unit = work.org.units[unit_id]
            if unit.kind.is_political or not unit.is_valid_on(self._wizard.today):
                continue
            item = QListWidgetItem(f"{unit.name} ({unit.code})")
            item.setData(Qt.ItemDataRole.UserRole, unit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if unit_id == receiver.unit_id else Qt.CheckState.Unchecked
            )
            self.units.addItem(item)
        self.units.blockSignals(False)
        self._units_changed()

    def _units_changed(self) -> None:
        work, giver, today = self._wizard.work, self._wizard.giver(), self._wizard.today
        chosen = set(_checked(self.tasks))
        unit_ids = _checked(self.units)
        givable = (
            set.intersection(*(givable_tasks(work, giver, u, today) for u in unit_ids))
            if unit_ids
            else set()
        )
        self.tasks.blockSignals(True)
        self.tasks.clear()
        for task in sorted(work.tasks.values(), key=lambda t: swedish_sort_key(t.name)):
            if task.id not in givable:
                continue
            item = QListWidgetItem(task.name)
            item.setToolTip(task.description)
            item.setData(Qt.ItemDataRole.UserRole, task.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if task.id in chosen else Qt.CheckState.Unchecked
            )
            self.tasks.addItem(item)
        self.tasks.blockSignals(False)
        self.hint.setText(
            ""
            if givable or not unit_ids
            else self.tr(
                "Givaren har inga uppgifter som får fördelas vidare i de valda enheterna "
                "(AM-1, AM-9)."
            )
        )
        self.hint.setStyleSheet(ERROR_STYLE)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(_checked(self.units)) and bool(_checked(self.tasks))


class ConfirmationPage(QWizardPage):
    def __init__(self, wizard: DistributionWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Mottagarens bekräftelse (AM-6)"))
        self.setSubTitle(
            self.tr(
                "Mottagaren bekräftar för varje uppgift att hen har kunskap, kompetens, "
                "befogenheter och resurser (inklusive tid). Allt måste vara bekräftat innan "
                "fördelningen undertecknas."
            )
        )
        self.table = QTableWidget(0, 1 + CONFIRMATION_COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Uppgift"),
                self.tr("Kunskap"),
                self.tr("Kompetens"),
                self.tr("Befogenheter"),
                self.tr("Resurser och tid"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.may_pass_on = QCheckBox(self.tr("Mottagaren får fördela uppgifterna vidare (AM-9)"))
        self.all_confirmed = QCheckBox(self.tr("Bekräfta allt"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.all_confirmed)
        layout.addWidget(self.may_pass_on)
        self.all_confirmed.toggled.connect(self._confirm_all)

    def initializePage(self) -> None:
        work = self._wizard.work
        task_ids = _checked(self._wizard.scope.tasks)
        self.table.setRowCount(len(task_ids))
        for row, task_id in enumerate(task_ids):
            name = QTableWidgetItem(work.tasks[task_id].name)
            name.setData(Qt.ItemDataRole.UserRole, task_id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            for column in range(1, 1 + CONFIRMATION_COLUMNS):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                box.setCheckState(Qt.CheckState.Unchecked)
                self.table.setItem(row, column, box)

    def _confirm_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            for column in range(1, 1 + CONFIRMATION_COLUMNS):
                self._cell(row, column).setCheckState(state)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None
        return item

    def confirmations(self, task_ids: list[int]) -> dict[int, tuple[bool, bool, bool, bool]]:
        result: dict[int, tuple[bool, bool, bool, bool]] = {}
        for row in range(self.table.rowCount()):
            task_id = int(self._cell(row, 0).data(Qt.ItemDataRole.UserRole))
            if task_id in task_ids:
                knowledge, competence, authority, resources = (
                    self._cell(row, column).checkState() == Qt.CheckState.Checked
                    for column in range(1, 1 + CONFIRMATION_COLUMNS)
                )
                result[task_id] = (knowledge, competence, authority, resources)
        return result


class TermsPage(QWizardPage):
    def __init__(self, wizard: DistributionWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Villkor (AM-7)"))
        self.setSubTitle(
            self.tr(
                "Ange vad som gäller när mottagaren är frånvarande och vilka uppgifter som "
                "stannar hos dig; båda behövs för att den ska kunna undertecknas. Fördelningen "
                "sparas som utkast; den gäller när den är undertecknad (AM-2) och muntligen "
                "kommunicerad av dig personligen (AM-3)."
            )
        )
        self.valid_to = DateField(optional=True)
        self.absence = QPlainTextEdit()
        self.absence.setPlaceholderText(
            self.tr("T.ex.: Vid frånvaro längre än två veckor återgår uppgifterna till mig.")
        )
        self.retained = QPlainTextEdit()
        self.retained.setPlaceholderText(
            self.tr("T.ex.: Rehabilitering och arbetsanpassning stannar hos mig.")
        )
        # A distribution from the employer rests on a KS decision, cited in the letter.
        self.decided_on = DateField(optional=True)
        self.decision_section = QLineEdit()
        self.decision_section.setPlaceholderText(self.tr("T.ex. § 112"))
        self.decision_section.setMaxLength(40)
        self.message = QLabel()
        RuleHelpOnClick(self.message)  # "AM-6: …": a click opens the rule's page
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self._wizard = wizard
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Upphör fr.o.m."), self.valid_to)
        self.form.addRow(self.tr("Vid frånvaro"), self.absence)
        self.form.addRow(self.tr("Stannar hos givaren"), self.retained)
        self.form.addRow(self.tr("Kommunstyrelsens beslut"), self.decided_on)
        self.form.addRow(self.tr("Paragraf"), self.decision_section)
        self.form.addRow(self.message)
        self.valid_to.textChanged.connect(self.completeChanged)
        self.decided_on.textChanged.connect(self.completeChanged)
        # A refusal is about the answers it was given: it goes when one of them changes.
        for edit in (self.valid_to, self.decided_on, self.decision_section):
            edit.textChanged.connect(self.message.hide)
        for text in (self.absence, self.retained):
            text.textChanged.connect(self.message.hide)

    def initializePage(self) -> None:
        from_employer = self._wizard.giver() is None
        self.form.setRowVisible(self.decided_on, from_employer)
        self.form.setRowVisible(self.decision_section, from_employer)

    def isComplete(self) -> bool:
        return self.valid_to.problem() is None and self.decided_on.problem() is None


class SummaryPage(QWizardPage):
    """What *Färdig* will do, read once more before it is done: who gives what to whom, for
    which units and when, and what is created (a draft, not yet in force)."""

    def __init__(self, wizard: DistributionWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Sammanfattning"))
        self.setSubTitle(self.tr("Kontrollera fördelningen. Färdig sparar den som utkast."))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.text)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        self.message.hide()
        self.text.setText(self.summary_html())

    def summary_html(self) -> str:
        wizard = self._wizard
        org, draft = wizard.work.org, wizard.draft()
        giver = wizard.giver()
        receiver = org.appointments[draft.receiver_appointment_id]
        units = [org.units[u] for u in draft.unit_ids if u in org.units]
        tasks = [wizard.work.tasks[t] for t in draft.task_ids if t in wizard.work.tasks]
        confirmed = sum(all(draft.confirmations.get(t.id, ())) for t in tasks)

        def row(label: str, value: str) -> str:
            return f"<tr><td><b>{escape(label)}</b></td><td>{value}</td></tr>"

        rows = [
            row(
                self.tr("Givare"),
                escape(
                    _label(wizard, giver) if giver else wizard.parties.giver_combo.currentText()
                ),
            ),
            row(self.tr("Mottagare"), escape(_label(wizard, receiver))),
            row(
                self.tr("Enheter"),
                escape(", ".join(f"{u.name} ({u.code})" for u in units)),
            ),
            row(
                self.tr("Uppgifter ({count})").format(count=len(tasks)),
                "<br>".join(escape(t.name) for t in tasks),
            ),
            row(
                self.tr("Mottagarens bekräftelse"),
                escape(
                    self.tr("{confirmed} av {count} uppgifter helt bekräftade (AM-6)").format(
                        confirmed=confirmed, count=len(tasks)
                    )
                ),
            ),
            row(
                self.tr("Får fördelas vidare"),
                escape(self.tr("Ja") if draft.may_pass_on else self.tr("Nej")),
            ),
            row(self.tr("Gäller fr.o.m."), escape(draft.valid_from.isoformat())),
            row(
                self.tr("Upphör fr.o.m."),
                escape(draft.valid_to.isoformat() if draft.valid_to else self.tr("tills vidare")),
            ),
            row(self.tr("Vid frånvaro"), escape(draft.absence_arrangement or "–")),
            row(self.tr("Stannar hos givaren"), escape(draft.retained_tasks or "–")),
        ]
        if giver is None:
            decision = " ".join(
                part
                for part in (
                    draft.employer_decision_on.isoformat() if draft.employer_decision_on else "",
                    draft.employer_decision_section,
                )
                if part
            )
            rows.append(row(self.tr("Kommunstyrelsens beslut"), escape(decision or "–")))
        created = self.tr(
            "<b>Färdig</b> sparar fördelningen som ett <b>utkast</b>. Den gäller först när den "
            "är undertecknad av er båda (AM-2) och du har gått igenom den muntligen med "
            "mottagaren (AM-3). Brevet för underskrift skriver du ut från Arbetsmiljö-vyn."
        )
        return f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table><p>{created}</p>"
