"""The dialog of a matter between a board and KF: a referral (hänskjutande) or KF taking a
matter back (återtagande), DEL-3 and DEL-4."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from nacka_desktop.domain.delegation.council_matters import CouncilMatter, CouncilMatterKind
from nacka_desktop.domain.delegation.orders import DelegationItem, LegalBasis
from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot, swedish_sort_key
from nacka_desktop.ui.org.dialogs import FormDialog
from nacka_desktop.ui.widgets.fields import DateField, searchable_combo


class CouncilMatterDialog(FormDialog):
    """Record or change a referral to KF, or KF taking a matter back from a board."""

    def __init__(
        self,
        org: OrgSnapshot,
        kind: CouncilMatterKind,
        board_unit_id: int | None,
        items_of_board: dict[int, list[DelegationItem]],
        today: date,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
        matter: CouncilMatter | None = None,
    ) -> None:
        referral = kind is CouncilMatterKind.REFERRAL
        super().__init__(
            self.tr("Hänskjut ärende till fullmäktige")
            if referral
            else self.tr("Fullmäktige återtar ärende"),
            parent,
            language,
        )
        self.setMinimumWidth(640)
        self.kind = kind
        self.matter_id = matter.id if matter else 0
        self._items = items_of_board
        self._org, self._language = org, language
        self.set_intro(
            self.tr(
                "Ett ärende av principiell beskaffenhet eller annars av större vikt hänskjuts "
                "till kommunfullmäktige, inte till kommunstyrelsen; kommunstyrelsen bereder "
                "det (DEL-4). Det går inte när lagen anger att nämnden beslutar (DEL-3) eller "
                "ger beslutet direkt åt en befattning (DEL-5)."
            )
            if referral
            else self.tr(
                "Fullmäktige kan återta ett ärende som nämnden har genom fullmäktiges "
                "delegation: den allmänna kompetensen, eller en lag som anger kommunen (DEL-3, "
                "DEL-4). Från beslutsdagen får ingen besluta i det på nämndens vägnar."
            )
        )
        self.board = QComboBox()
        boards = [
            u for u in org.units.values() if u.kind in (UnitKind.BOARD, UnitKind.EXECUTIVE_BOARD)
        ]
        for unit in sorted(boards, key=lambda u: swedish_sort_key(u.name)):
            self.board.addItem(unit.name, unit.id)
        self.item = searchable_combo()
        # The matters are long: the field should not push the dialog off the screen.
        self.item.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.item.setMinimumContentsLength(40)
        self.matter = QLineEdit()
        self.basis = QComboBox()
        for basis in LegalBasis:
            self.basis.addItem(basis.label(language), basis.value)
        self.basis.setCurrentIndex(self.basis.findData(LegalBasis.GENERAL_COMPETENCE.value))
        self.to = QComboBox()
        for unit in sorted(
            org.units.values(), key=lambda u: u.kind is not UnitKind.MUNICIPAL_COUNCIL
        ):
            if unit.kind in (UnitKind.MUNICIPAL_COUNCIL, UnitKind.EXECUTIVE_BOARD):
                self.to.addItem(unit.name, unit.id)
        self.decided_on = DateField(optional=False)
        self.decided_on.set_date(today)
        self.paragraph = QLineEdit()
        self.paragraph.setPlaceholderText("§ 12" if referral else "KF § 12")
        self.case_number = QLineEdit()
        self.prepared_on = DateField(optional=True)
        self.council_decided_on = DateField(optional=True)
        self.council_paragraph = QLineEdit()
        self.council_paragraph.setPlaceholderText("KF § 40")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        rows: list[tuple[str, str, QWidget]] = [
            ("board", self.tr("Nämnd"), self.board),
            ("item", self.tr("Punkt i delegationsordningen"), self.item),
            ("matter", self.tr("Ärende"), self.matter),
            ("legal_basis", self.tr("Rättslig grund"), self.basis),
        ]
        if referral:
            rows += [
                ("to_unit", self.tr("Hänskjuts till"), self.to),
                ("decided_on", self.tr("Nämndens beslut"), self.decided_on),
                ("paragraph", self.tr("Paragraf"), self.paragraph),
                ("case_number", self.tr("Diarienummer"), self.case_number),
                ("prepared_on", self.tr("Berett av kommunstyrelsen"), self.prepared_on),
                ("council_decided_on", self.tr("Fullmäktiges beslut"), self.council_decided_on),
                ("council_paragraph", self.tr("Fullmäktiges paragraf"), self.council_paragraph),
            ]
        else:
            rows += [
                ("decided_on", self.tr("Fullmäktiges beslut"), self.decided_on),
                ("paragraph", self.tr("Paragraf"), self.paragraph),
                ("case_number", self.tr("Diarienummer"), self.case_number),
            ]
        rows.append(("notes", self.tr("Anteckningar"), self.notes))
        for name, label, widget in rows:
            self.form.add(name, label, widget)
        self.board.currentIndexChanged.connect(self._fill_items)
        self.item.currentIndexChanged.connect(self._item_chosen)
        self.matter.textChanged.connect(self.revalidate)
        for edit in (self.decided_on, self.prepared_on, self.council_decided_on):
            edit.textChanged.connect(self.revalidate)
        if matter is not None:
            self._show(matter)
        else:
            self.board.setCurrentIndex(max(0, self.board.findData(board_unit_id)))
            self._fill_items()
        self.revalidate()

    def _fill_items(self) -> None:
        self.item.blockSignals(True)
        self.item.clear()
        self.item.addItem(self.tr("(ingen punkt: ett enskilt ärende)"), None)
        for item in self._items.get(self.board.currentData(), []):
            # with whom it is delegated to: items of the same matter differ only in that
            who = item.delegate.label(self._org, self._language)
            self.item.addItem(f"{item.number} {item.matter} – {who}", item.id)
        self.item.blockSignals(False)

    def _item_chosen(self) -> None:
        """An item gives the matter its words and its legal basis (the user may adjust)."""
        item_id = self.item.currentData()
        item = next(
            (i for i in self._items.get(self.board.currentData(), []) if i.id == item_id), None
        )
        if item is not None:
            self.matter.setText(item.matter)
            self.basis.setCurrentIndex(self.basis.findData(item.legal_basis.value))

    def _show(self, matter: CouncilMatter) -> None:
        self.board.setCurrentIndex(self.board.findData(matter.board_unit_id))
        self._fill_items()
        self.item.blockSignals(True)
        self.item.setCurrentIndex(max(0, self.item.findData(matter.item_id)))
        self.item.blockSignals(False)
        self.board.setEnabled(False)
        self.matter.setText(matter.matter)
        self.basis.setCurrentIndex(self.basis.findData(matter.legal_basis.value))
        self.to.setCurrentIndex(max(0, self.to.findData(matter.to_unit_id)))
        self.decided_on.set_date(matter.decided_on)
        self.paragraph.setText(matter.paragraph)
        self.case_number.setText(matter.case_number)
        self.prepared_on.set_date(matter.prepared_on)
        self.council_decided_on.set_date(matter.council_decided_on)
        self.council_paragraph.setText(matter.council_paragraph)
        self.notes.setPlainText(matter.notes)

    def validate(self) -> bool:
        valid = self.form.require("matter", self.matter, self.tr("DATA-2: Beskriv ärendet."))
        if self.board.currentData() is None:
            self.form.rows["board"].set_error(self.tr("Det finns ingen nämnd att välja."))
            valid = False
        for name, edit in (
            ("decided_on", self.decided_on),
            ("prepared_on", self.prepared_on),
            ("council_decided_on", self.council_decided_on),
        ):
            if problem := edit.problem():
                self.form.rows[name].set_error(problem)
                valid = False
        return valid

    def council_matter(self) -> CouncilMatter:
        decided_on = self.decided_on.date()
        assert decided_on is not None
        referral = self.kind is CouncilMatterKind.REFERRAL
        matter = CouncilMatter(
            id=self.matter_id,
            kind=self.kind,
            board_unit_id=int(self.board.currentData()),
            matter=self.matter.text().strip(),
            legal_basis=LegalBasis(self.basis.currentData()),
            decided_on=decided_on,
            paragraph=self.paragraph.text().strip(),
            case_number=self.case_number.text().strip(),
            item_id=self.item.currentData(),
            notes=self.notes.toPlainText().strip(),
        )
        if not referral:
            return matter
        return replace(
            matter,
            to_unit_id=self.to.currentData(),
            prepared_on=self.prepared_on.date(),
            council_decided_on=self.council_decided_on.date(),
            council_paragraph=self.council_paragraph.text().strip(),
        )
