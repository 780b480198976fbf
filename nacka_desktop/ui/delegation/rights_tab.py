"""The Delegation window's tab "Vem får besluta?": for a person, and for a matter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from nacka_desktop.domain.labels import title_label
from nacka_desktop.domain.records import swedish_sort_key
from nacka_desktop.exports.file_names import file_name
from nacka_desktop.ui.delegation.common import (
    MATTER_COLUMN,
    DelegationTab,
    date_edit,
    date_of,
    fit_columns,
    make_table,
)
from nacka_desktop.ui.delegation.dialogs import item_label
from nacka_desktop.ui.delegation.models import RightsModel
from nacka_desktop.ui.widgets.context_menus import menu_of_buttons
from nacka_desktop.ui.widgets.fields import searchable_combo, set_choices

if TYPE_CHECKING:
    from nacka_desktop.ui.delegation.window import DelegationWindow


class RightsTab(DelegationTab):
    """Who may decide: what a person may decide, and who may decide a matter."""

    def __init__(self, owner: DelegationWindow) -> None:
        super().__init__(owner)
        self.person_combo = searchable_combo()
        self.rights_date = date_edit(self.on)
        self.rights = RightsModel(
            [
                self.tr("Nämnd"),
                self.tr("Nr"),
                self.tr("Ärende"),
                self.tr("Beslutar"),
                self.tr("Hur"),
                self.tr("Begränsningar"),
            ],
            self,
        )
        self.rights_table = make_table(self.rights)
        self.delegate_letter_button = QPushButton(self.tr("Delegeringsbrev (PDF)…"))
        self.delegate_signatures_button = QPushButton(self.tr("Underskrifter…"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Person")))
        row.addWidget(self.person_combo, 2)
        row.addWidget(QLabel(self.tr("Datum")))
        row.addWidget(self.rights_date)
        row.addStretch(1)
        row.addWidget(self.delegate_letter_button)
        row.addWidget(self.delegate_signatures_button)
        self.matter_combo = searchable_combo()
        self.unit_combo = searchable_combo()
        self.holders = RightsModel(
            [
                self.tr("Nämnd"),
                self.tr("Nr"),
                self.tr("Ärende"),
                self.tr("Beslutar"),
                self.tr("Hur"),
                self.tr("Begränsningar"),
            ],
            self,
        )
        self.holders_table = make_table(self.holders)
        self.holders_note = QLabel()
        self.holders_note.setWordWrap(True)
        self.holders_note.hide()
        matter_row = QHBoxLayout()
        matter_row.addWidget(QLabel(self.tr("Ärende")))
        matter_row.addWidget(self.matter_combo, 3)
        matter_row.addWidget(QLabel(self.tr("i enhet")))
        matter_row.addWidget(self.unit_combo, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "<b>Vad får en person besluta?</b> Som delegat, som ersättare, som chef "
                    "för delegaten eller direkt enligt lag."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.rights_table, 1)
        layout.addWidget(QLabel(self.tr("<b>Vem får besluta i ett ärende?</b>")))
        layout.addLayout(matter_row)
        layout.addWidget(self.holders_note)
        layout.addWidget(self.holders_table, 1)
        self.matter_combo.currentIndexChanged.connect(self._show_holders)
        self.unit_combo.currentIndexChanged.connect(self._show_holders)
        self.person_combo.currentIndexChanged.connect(self._show_rights)
        self.rights_date.dateChanged.connect(lambda _on: self._show_rights())
        # Right-click on a row: the buttons that act on it.
        menu_of_buttons(
            self.rights_table, [self.delegate_letter_button, self.delegate_signatures_button]
        )
        self.delegate_letter_button.clicked.connect(self._delegate_letter)
        self.delegate_signatures_button.clicked.connect(self._delegate_signatures)

    def refresh(self) -> None:
        self._fill_people()
        self._fill_matters()

    def _fill_matters(self) -> None:
        """Every item of the orders in force today, and every unit, to search among."""
        from nacka_desktop.domain.delegation.rights import orders_in_force

        for combo in (self.matter_combo, self.unit_combo):
            combo.blockSignals(True)
        matters: list[tuple[str, object]] = []
        for order in orders_in_force(self._orders, self.on):
            matters += [
                (item_label(self._org, order, item, self.language), item.id) for item in order.items
            ]
        set_choices(self.matter_combo, matters)
        units: list[tuple[str, object]] = [(self.tr("(hela organisationen)"), None)]
        units += [
            (f"{unit.name} ({unit.code})", unit.id)
            for unit in sorted(self._org.units.values(), key=lambda u: swedish_sort_key(u.name))
            if not unit.kind.is_political and unit.is_valid_on(self.on)
        ]
        set_choices(self.unit_combo, units)
        self.unit_combo.setCurrentIndex(0)
        self.matter_combo.setCurrentIndex(-1)
        for combo in (self.matter_combo, self.unit_combo):
            combo.blockSignals(False)
        self._show_holders()

    def _show_holders(self) -> None:
        item = self.matter_combo.currentData()
        unit = self.unit_combo.currentData()
        holders = self.services.delegation.who_view(int(item), unit, self.on) if item else []
        self.holders.show(holders, self.language, self._org)
        fit_columns(self.holders_table, grow=MATTER_COLUMN)
        self.holders_note.setVisible(bool(item) and not holders)
        if item and not holders:
            self.holders_note.setText(self._nobody(int(item)))

    def _nobody(self, item_id: int) -> str:
        """Why no one may decide: KF took the matter back (DEL-4), nobody in the chosen unit
        may, or nobody holds the position and the board decides (DEL-1)."""
        recall = self.services.delegation.recall_of_item(item_id, self.on)
        if recall is not None:
            return self.tr(
                "Fullmäktige återtog ärendet den {day} {paragraph}: ingen får besluta i det på "
                "nämndens vägnar (DEL-4)."
            ).format(day=recall.decided_on.isoformat(), paragraph=recall.paragraph)
        if self.services.delegation.who_may_decide(item_id, None, self.on):
            return self.tr(
                "Ingen i den valda enheten får besluta i ärendet; välj hela organisationen för "
                "att se vem som får."
            )
        return self.tr(
            "Ingen innehar den {day} den befattning ärendet är delegerat till: nämnden "
            "beslutar själv (DEL-1)."
        ).format(day=self.on.isoformat())

    def _fill_people(self) -> None:
        current = self.person_combo.currentData()
        self.person_combo.blockSignals(True)
        people = sorted(
            self._org.persons.values(),
            key=lambda p: swedish_sort_key(f"{p.last_name} {p.first_name}"),
        )
        set_choices(
            self.person_combo,
            [
                (f"{p.last_name}, {p.first_name} – {title_label(p.title, self.language)}", p.id)
                for p in people
            ],
        )
        self.person_combo.setCurrentIndex(self.person_combo.findData(current))
        self.person_combo.blockSignals(False)
        self._show_rights()

    def select_person(self, person_id: int) -> None:
        self.person_combo.setCurrentIndex(self.person_combo.findData(person_id))

    def _show_rights(self) -> None:
        person = self.person_combo.currentData()
        on = date_of(self.rights_date)
        rights = self.services.delegation.rights_view(int(person), on) if person else []
        self.rights.show(rights, self.language, self._org)
        fit_columns(self.rights_table, grow=MATTER_COLUMN)
        self.delegate_letter_button.setEnabled(person is not None)
        self.delegate_signatures_button.setEnabled(person is not None)

    def _delegate_signatures(self) -> None:
        """The person's delegation letter issued for signature: the chief and the delegate
        sign it, and the letter and its signatures stay on record (issue 13)."""
        from nacka_desktop.ui.work.signable import delegate_letter
        from nacka_desktop.ui.work.signatures_dialog import SignaturesDialog

        person = self.person_combo.currentData()
        on = date_of(self.rights_date)
        if person is None:
            return
        subject = delegate_letter(self.services, int(person), on)
        dialog = SignaturesDialog(self.services, subject, self.language, self, self.owner.settings)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _delegate_letter(self) -> None:
        from nacka_desktop.exports.letters.delegation import write_delegate_letter

        person = self.person_combo.currentData()
        on = date_of(self.rights_date)
        if person is not None:
            documents = self.services.delegation_documents
            self._preview(
                lambda path: write_delegate_letter(
                    documents.delegate_letter(int(person), on),
                    path,
                    self.services.letterhead.letterhead(),
                ),
                self.tr("Delegeringsbrev"),
                file_name(
                    self.tr("Delegeringsbrev"),
                    self._org.persons[int(person)].full_name
                    if int(person) in self._org.persons
                    else None,
                    on,
                    extension="pdf",
                ),
            )
