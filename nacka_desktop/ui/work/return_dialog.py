"""The receiver's written return of tasks (AM-4): which tasks, from when, and why."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.work_environment import ReturnReason
from nacka_desktop.services.work_queries import DistributionView
from nacka_desktop.ui.org.dialogs import FormDialog
from nacka_desktop.ui.widgets.fields import DateField


class ReturnDialog(FormDialog):
    def __init__(
        self,
        view: DistributionView,
        today: date,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(self.tr("Återför arbetsmiljöuppgifter"), parent, language)
        self.set_intro(
            self.tr(
                "{receiver} återför uppgifter till {giver}. Återföringen görs skriftligen, "
                "behöver inte godkännas och gäller från datumet nedan (AM-4)."
            ).format(receiver=view.receiver.person_name, giver=view.giver_name)
        )
        self.tasks = QListWidget()
        for item in view.items:
            if item.item.returned_on is not None:
                continue
            entry = QListWidgetItem(item.task.name)
            entry.setData(Qt.ItemDataRole.UserRole, item.task.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # None ticked: the receiver chooses what to return, wholly or partly (AM-4).
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.tasks.addItem(entry)
        self.returned_on = DateField(optional=False)
        self.returned_on.set_date(today)
        reasons = QWidget()
        grid = QGridLayout(reasons)
        grid.setContentsMargins(0, 0, 0, 0)
        self.reasons: dict[ReturnReason, QCheckBox] = {}
        for index, reason in enumerate(ReturnReason):
            box = QCheckBox(reason.label(language))
            self.reasons[reason] = box
            grid.addWidget(box, index // 3, index % 3)
            box.toggled.connect(self.revalidate)
        self.explanation = QPlainTextEdit()
        self.explanation.setPlaceholderText(self.tr("Beskriv kort vad som saknas."))
        self.explanation.setMaximumHeight(90)
        self.form.add("items", self.tr("Uppgifter"), self.tasks)
        self.form.add("returned_on", self.tr("Gäller fr.o.m."), self.returned_on)
        self.form.add("reasons", self.tr("Skäl: saknar"), reasons)
        self.form.add("explanation", self.tr("Förklaring"), self.explanation)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Återför"))
        self.tasks.itemChanged.connect(self.revalidate)
        self.returned_on.textChanged.connect(self.revalidate)
        self.explanation.textChanged.connect(self.revalidate)
        self.revalidate()

    def task_ids(self) -> list[int]:
        return [
            int(self.tasks.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.tasks.count())
            if self.tasks.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_reasons(self) -> list[ReturnReason]:
        return [reason for reason, box in self.reasons.items() if box.isChecked()]

    def validate(self) -> bool:
        valid = True
        if not self.task_ids():
            self.form.rows["items"].set_error(self.tr("Välj minst en uppgift."))
            valid = False
        if problem := self.returned_on.problem():
            self.form.rows["returned_on"].set_error(problem)
            valid = False
        if not self.chosen_reasons() and not self.explanation.toPlainText().strip():
            self.form.rows["reasons"].set_error(self.tr("AM-4: Ange skälet till återföringen."))
            valid = False
        return valid

    def date(self) -> date:
        value = self.returned_on.date()
        assert value is not None
        return value
