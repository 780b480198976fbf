"""Dialogs of the Delegation window: an item of an order, adoption, a delegated decision."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from nacka_desktop.domain.delegation.council_matters import ReportRoute, report_route
from nacka_desktop.domain.delegation.format import NUMBER_PATTERN
from nacka_desktop.domain.delegation.laws import LAWS, law
from nacka_desktop.domain.delegation.orders import (
    CONSULTATION_KINDS,
    ELECTED_DELEGATES,
    NEED_TEST_KINDS,
    BoardSetting,
    DecisionKind,
    Delegate,
    DelegateKind,
    DelegationItem,
    DelegationOrder,
    LegalBasis,
    area_words,
    infer_decision_kind,
)
from nacka_desktop.domain.enums import Role, Severity, UnitKind
from nacka_desktop.domain.labels import appointment_label, person_picker_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot, swedish_sort_key
from nacka_desktop.domain.rules.delegation import check_item
from nacka_desktop.services.delegation.queries import RightView
from nacka_desktop.ui.org.dialogs import FormDialog
from nacka_desktop.ui.shell.background import Worker
from nacka_desktop.ui.widgets.fields import DateField, searchable_combo, set_choices, side_by_side

NO_SUBSTITUTE = "none"
UNIT_PICKER_CHARACTERS = 22  # beside the kind, the role and the title, in a 720 px dialog


def item_label(
    org: OrgSnapshot, order: DelegationOrder, item: DelegationItem, language: Language
) -> str:
    """ "1.21 Disciplinåtgärd mot medarbetare – enhetschef inom Vård och omsorg
    (Kommunstyrelsen, Personalärenden)": an item told from its look-alikes by its number and
    whom it is delegated to, with its board and section."""
    board = org.units.get(order.board_unit_id)
    where = ", ".join(part for part in (board.name if board else "", item.section) if part)
    who = item.delegate.label(org, language)
    return f"{item.number} {item.matter} – {who}" + (f" ({where})" if where else "")


class DelegateEditor(QWidget):
    """Who decides: a position (a role or a title, optionally within a unit), the chair, a
    member, or one of the board's committees. Never a named person (DEL-8)."""

    def __init__(
        self,
        org: OrgSnapshot,
        board_unit_id: int,
        optional: bool,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        if optional:
            self.kind.addItem(self.tr("(ingen)"), NO_SUBSTITUTE)
        # A position first: most items go to one (DOMAIN.md §4).
        for kind in (
            DelegateKind.POSITION,
            DelegateKind.CHAIR,
            DelegateKind.VICE_CHAIR,
            DelegateKind.MEMBER,
            DelegateKind.COMMITTEE,
        ):
            self.kind.addItem(kind.label(language), kind.value)
        self.role = QComboBox()
        self.role.addItem(self.tr("(titel)"), None)
        for role in Role:
            if not role.is_political:
                self.role.addItem(role.label(language), role.value)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("t.ex. Kommunjurist"))
        # Which unit the position is in, or which committee: typed to search (each word the
        # start of a word, `domain.text.matches_search`), as in the other pickers; there are
        # 5,000 units at Stockholm size.
        self.unit = searchable_combo()
        self.unit.setMinimumContentsLength(UNIT_PICKER_CHARACTERS)
        self._committees = [
            u
            for u in org.units.values()
            if u.kind is UnitKind.COMMITTEE and u.parent_id == board_unit_id
        ]
        self._units = sorted(
            (u for u in org.units.values() if not u.kind.is_political),
            key=lambda u: swedish_sort_key(u.name),
        )
        self._committee_listed: bool | None = None  # which list the unit picker holds
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.role, self.title, self.unit):
            layout.addWidget(widget, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.role.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        position = kind == DelegateKind.POSITION.value
        self.role.setVisible(position)
        self.title.setVisible(position and self.role.currentData() is None)
        self.unit.setVisible(position or kind == DelegateKind.COMMITTEE.value)
        committee = kind == DelegateKind.COMMITTEE.value
        if committee == self._committee_listed:
            return  # the list stays (a role chosen, or another kind of position)
        self._committee_listed = committee
        self.unit.blockSignals(True)
        selected = self.unit.currentData()
        choices: list[tuple[str, object]]
        if committee:
            choices = [(unit.name, unit.id) for unit in self._committees]
        else:
            within = self.tr("inom {unit}")
            choices = [(self.tr("(hela organisationen)"), None)] + [
                (within.format(unit=unit.name), unit.id) for unit in self._units
            ]
        set_choices(self.unit, choices)
        self.unit.setCurrentIndex(max(self.unit.findData(selected), 0))
        self.unit.blockSignals(False)

    def set_delegate(self, delegate: Delegate | None) -> None:
        if delegate is None:
            self.kind.setCurrentIndex(max(self.kind.findData(NO_SUBSTITUTE), 0))
            return
        self.kind.setCurrentIndex(self.kind.findData(delegate.kind.value))
        self.role.setCurrentIndex(
            self.role.findData(delegate.role.value if delegate.role else None)
        )
        self.title.setText(delegate.title)
        self._kind_changed()
        self.unit.setCurrentIndex(max(self.unit.findData(delegate.unit_id), 0))

    def delegate(self) -> Delegate | None:
        kind = self.kind.currentData()
        if kind == NO_SUBSTITUTE:
            return None
        delegate_kind = DelegateKind(kind)
        if delegate_kind in ELECTED_DELEGATES:
            return Delegate(delegate_kind)
        unit = self.unit.currentData()
        if delegate_kind is DelegateKind.COMMITTEE:
            return Delegate(delegate_kind, unit_id=unit)
        role = self.role.currentData()
        return Delegate(
            delegate_kind,
            Role(role) if role else None,
            "" if role else self.title.text().strip(),
            unit,
        )


# The fields of an item whose rules the form runs as the user fills it in.
ITEM_CHECKED_FIELDS = ("delegate", "substitute", "decision_kind")


class ItemDialog(FormDialog):
    def __init__(
        self,
        org: OrgSnapshot,
        board_unit_id: int,
        item: DelegationItem | None = None,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(self.tr("Ändra punkt") if item else self.tr("Ny punkt"), parent, language)
        self.setMinimumWidth(720)
        self._id = item.id if item else 0
        self._org, self._board_unit_id = org, board_unit_id
        self.section = QLineEdit()
        self.number = QLineEdit()
        self.matter = QLineEdit()
        self.kind = QComboBox()
        for kind in DecisionKind:
            self.kind.addItem(kind.label(language), kind.value)
        # DEL-14: a kind chosen against the matter's words says why (stored with who and when).
        self.kind_reason = QLineEdit()
        self.kind_reason.setPlaceholderText(
            self.tr("Varför ärendet är av en annan typ än orden säger")
        )
        self._stamp = ("", None) if item is None else (item.kind_set_by, item.kind_set_on)
        self.delegate_editor = DelegateEditor(org, board_unit_id, optional=False, language=language)
        self.substitute_editor = DelegateEditor(
            org, board_unit_id, optional=True, language=language
        )
        self.lagrum = QLineEdit()
        self.basis = QComboBox()
        for basis in LegalBasis:
            self.basis.addItem(basis.label(language), basis.value)
        self.basis.setCurrentIndex(self.basis.findData(LegalBasis.GENERAL_COMPETENCE.value))
        self.limits = QLineEdit()
        self.subdelegation = QCheckBox(self.tr("Får vidaredelegeras (DEL-10)"))
        self.report = QCheckBox(self.tr("Besluten anmäls till nämnden (DEL-11)"))
        self.report.setChecked(True)
        self.notes = QLineEdit()
        for name, label, widget in (
            ("section", self.tr("Avsnitt"), self.section),
            ("number", self.tr("Nr"), self.number),
            ("matter", self.tr("Ärende"), self.matter),
            ("decision_kind", self.tr("Beslutstyp"), self.kind),
            ("kind_reason", self.tr("Skäl för beslutstyp"), self.kind_reason),
            ("delegate", self.tr("Delegat"), self.delegate_editor),
            ("substitute", self.tr("Ersättare"), self.substitute_editor),
            ("lagrum", self.tr("Lagrum"), self.lagrum),
            ("legal_basis", self.tr("Rättslig grund"), self.basis),
            ("limits", self.tr("Begränsningar"), self.limits),
            ("subdelegation_allowed", "", self.subdelegation),
            ("report_to_board", "", self.report),
            ("notes", self.tr("Anmärkning"), self.notes),
        ):
            self.form.add(name, label, widget)
        self._kind_chosen = item is not None
        if item is not None:
            self.section.setText(item.section)
            self.number.setText(item.number)
            self.matter.setText(item.matter)
            self.kind.setCurrentIndex(self.kind.findData(item.decision_kind.value))
            self.delegate_editor.set_delegate(item.delegate)
            self.substitute_editor.set_delegate(item.substitute)
            self.lagrum.setText(item.lagrum)
            self.basis.setCurrentIndex(self.basis.findData(item.legal_basis.value))
            self.limits.setText(item.limits)
            self.subdelegation.setChecked(item.subdelegation_allowed)
            self.report.setChecked(item.report_to_board)
            self.notes.setText(item.notes)
            self.kind_reason.setText(item.kind_reason)
        self.matter.textChanged.connect(self._matter_changed)
        self.kind.activated.connect(self._kind_activated)
        self.matter.textChanged.connect(self._show_reason)
        self.kind.currentIndexChanged.connect(self._show_reason)
        self._show_reason()
        for edit in (self.number, self.matter):
            edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def _kind_activated(self) -> None:
        self._kind_chosen = True  # the user corrected the recognised kind: keep theirs

    def _show_reason(self) -> None:
        """The reason is asked for only when the kind differs from what the words say."""
        differs = self.kind.currentData() != infer_decision_kind(self.matter.text()).value
        self.form.layout.setRowVisible(self.form.rows["kind_reason"], differs)

    def _matter_changed(self, text: str) -> None:
        if not self._kind_chosen:
            inferred = infer_decision_kind(text)
            self.kind.setCurrentIndex(self.kind.findData(inferred.value))

    def validate(self) -> bool:
        valid = self.form.require("matter", self.matter, self.tr("DATA-2: Ange ärendet."))
        number = self.number.text().strip()
        if not NUMBER_PATTERN.match(number):
            self.form.rows["number"].set_error(
                self.tr("DATA-2: Ange ett nummer som 3, 3.2 eller 3.2a.")
            )
            valid = False
        return self._check_delegates() and valid

    def _check_delegates(self) -> bool:
        """The item's own rules (HR-4, DEL-7, DEL-8 …) run again at each change of the
        delegate, the substitute or the kind: a message goes once the delegate is right."""
        if self.delegate_editor.delegate() is None:
            return True
        errors = [
            v
            for v in check_item(self._org, self._board_unit_id, self.item())
            if v.severity is Severity.ERROR and v.field in ITEM_CHECKED_FIELDS
        ]
        for violation in errors:
            self.form.rows[violation.field or ""].set_error(
                f"{violation.rule_id}: {violation.text(self.language)}"
            )
        return not errors

    def item(self) -> DelegationItem:
        delegate = self.delegate_editor.delegate()
        assert delegate is not None
        return DelegationItem(
            id=self._id,
            section=self.section.text().strip(),
            number=self.number.text().strip(),
            matter=self.matter.text().strip(),
            decision_kind=DecisionKind(self.kind.currentData()),
            delegate=delegate,
            substitute=self.substitute_editor.delegate(),
            lagrum=self.lagrum.text().strip(),
            legal_basis=LegalBasis(self.basis.currentData()),
            limits=self.limits.text().strip(),
            subdelegation_allowed=self.subdelegation.isChecked(),
            report_to_board=self.report.isChecked(),
            notes=self.notes.text().strip(),
            kind_reason=self.kind_reason.text().strip(),
            kind_set_by=self._stamp[0],
            kind_set_on=self._stamp[1],
        )


class BoardSettingDialog(FormDialog):
    """What the board decided about its own order: its förvaltningschef (DEL-10) and within
    how many days delegated decisions are reported to it (DEL-11)."""

    def __init__(
        self,
        org: OrgSnapshot,
        setting: BoardSetting,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(self.tr("Nämndens förvaltningschef och anmälan"), parent, language)
        self.setMinimumWidth(820)  # the label and the three pickers of the position
        self.set_intro(
            self.tr(
                "Bara förvaltningschefen får vidaredelegera (KL 7 kap 6 §). Besluten på "
                "delegation anmäls till nämnden i den takt nämnden bestämt (KL 6 kap 40 §); "
                "ett beslut som inte anmälts i tid visas som en varning."
            )
        )
        self.board_unit_id = setting.board_unit_id
        self.head = DelegateEditor(org, setting.board_unit_id, optional=True, language=language)
        for index in reversed(range(self.head.kind.count())):  # a position, or none named
            if self.head.kind.itemData(index) not in (NO_SUBSTITUTE, DelegateKind.POSITION.value):
                self.head.kind.removeItem(index)
        self.head.kind.setItemText(0, self.tr("(ej utsedd)"))
        self.head.set_delegate(setting.head)
        self.days = QSpinBox()
        self.days.setRange(0, 366)
        self.days.setSpecialValueText(self.tr("(ingen rytm)"))
        self.days.setSuffix(self.tr(" dagar"))
        self.days.setValue(setting.report_within_days or 0)
        # DEL-2: the laws the board's reglemente gives it, by short form
        self.laws = QLineEdit(" ".join(sorted(setting.laws)))
        self.laws.setPlaceholderText(self.tr("t.ex. KL FL OSL SL (tomt: kontrolleras inte)"))
        self.laws.setToolTip(", ".join(f"{known.short}: {known.name}" for known in LAWS))
        self.form.add("head", self.tr("Förvaltningschef"), self.head)
        self.form.add("report_within_days", self.tr("Anmäls inom"), self.days)
        self.form.add("laws", self.tr("Reglementets lagar"), self.laws)
        self.areas = QLineEdit(", ".join(sorted(setting.areas)))
        self.areas.setPlaceholderText(
            self.tr("ord som ärendena använder, t.ex. gator, gatubelysning, parker")
        )
        self.form.add("areas", self.tr("Reglementets områden"), self.areas)
        self.laws.textChanged.connect(self.revalidate)
        self.revalidate()

    def validate(self) -> bool:
        unknown = [short for short in self.laws.text().replace(",", " ").split() if not law(short)]
        if unknown:
            self.form.rows["laws"].set_error(
                self.tr("DEL-2: okänd lag {laws}; se listan i verktygstipset.").format(
                    laws=", ".join(unknown)
                )
            )
        return not unknown

    def setting(self) -> BoardSetting:
        shorts = self.laws.text().replace(",", " ").split()
        return BoardSetting(
            self.board_unit_id,
            self.head.delegate(),
            self.days.value() or None,
            frozenset(known.short for short in shorts if (known := law(short))),
            area_words(self.areas.text()),
        )


class AdoptDialog(FormDialog):
    def __init__(
        self, today: date, parent: QWidget | None = None, language: Language = Language.SWEDISH
    ) -> None:
        super().__init__(self.tr("Anta delegationsordningen"), parent, language)
        self.set_intro(
            self.tr(
                "Nämndens beslut: datum och paragraf. Versionen som gäller i dag ersätts och "
                "kan inte längre ändras."
            )
        )
        self.adopted_on = DateField(optional=False)
        self.adopted_on.set_date(today)
        self.paragraph = QLineEdit()
        self.paragraph.setPlaceholderText("§ 12")
        self.form.add("adopted_on", self.tr("Antagen"), self.adopted_on)
        self.form.add("paragraph", self.tr("Paragraf"), self.paragraph)
        self.adopted_on.textChanged.connect(self.revalidate)
        self.paragraph.textChanged.connect(self.revalidate)
        self.revalidate()

    def validate(self) -> bool:
        valid = self.form.check_period(self.adopted_on, None, "")
        return self.form.require("paragraph", self.paragraph, self.tr("Ange paragrafen.")) and valid


log = logging.getLogger(__name__)

Choice = tuple[str, object]


def concern_choices(org: OrgSnapshot, on: date, language: Language) -> list[Choice]:
    """Every person of the organisation with what they are on the day, by surname."""
    people = sorted(
        org.persons.values(), key=lambda p: swedish_sort_key(f"{p.last_name} {p.first_name}")
    )
    return [(person_picker_label(org, p, on, language), p.id) for p in people]


class DecisionDialog(FormDialog):
    """Record a decision taken on delegation: which item, who, when, what."""

    def __init__(
        self,
        org: OrgSnapshot,
        items: list[tuple[str, DelegationItem]],
        today: date,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
        rights: Callable[[int, date], Sequence[RightView]] | None = None,
    ) -> None:
        super().__init__(self.tr("Nytt delegationsbeslut"), parent, language)
        self.setMinimumWidth(760)  # an item's number, matter and delegate; who, role and unit
        self._org, self._language, self._rights = org, language, rights
        self._chosen: object = None
        self._items = {item.id: item for _label, item in items}
        # Each item by its number, matter and delegate: six "Disciplinåtgärd mot medarbetare"
        # differ only in whose staff they concern.
        self.item_combo = searchable_combo()
        set_choices(self.item_combo, [(label, item.id) for label, item in items])
        self.item_combo.setCurrentIndex(-1)
        # Who may decide the chosen item on the decision date (a right under the order, as
        # *Vem får besluta?* shows it), with role and unit; *Visa alla* for anyone else in
        # the administration (never the elected members: they do not decide on delegation).
        self.decided_by = searchable_combo()
        self.show_all = QCheckBox(self.tr("Visa alla befattningar"))
        self.show_all.setToolTip(
            self.tr(
                "Visar alla anställdas befattningar, inte bara de som har rätt att besluta i "
                "punkten den dagen."
            )
        )
        decided_by_row = side_by_side(self.decided_by, self.show_all)
        self.decided_on = DateField(optional=False)
        self.decided_on.set_date(today)
        self.description = QLineEdit()
        self.case_number = QLineEdit()
        self.need_tested_on = DateField(optional=True)
        self.need_tested_by = QLineEdit()
        self.need_tested_by.setPlaceholderText(
            self.tr("t.ex. stadsdirektören och personaldirektören")
        )
        self.consulted_on = DateField(optional=True)
        self.consulted_with = QLineEdit()
        self.consulted_with.setPlaceholderText(self.tr("t.ex. enhetschefens chef"))
        # DEL-13: whom the decision concerns, so a decision about oneself is refused. Each
        # person with role and unit on the decision date, as the other person pickers show
        # them, so that two namesakes are told apart.
        self.concerns = searchable_combo()
        set_choices(self.concerns, [(self.tr("(ingen särskild person)"), None)])
        self._concerns_on: date | None = None  # the date asked for
        self._concerns_shown_on: object = None  # the date whose list is shown
        self._concerns_worker = Worker(self)
        self._concerns_worker.finished.connect(self._concerns_named)
        self._fill_concerns()
        self.appealable = QCheckBox(self.tr("Kan överklagas genom laglighetsprövning (KL 13 kap.)"))
        self.appealable.setToolTip(
            self.tr(
                "Inte för beslut som överklagas genom förvaltningsbesvär enligt en annan lag, "
                "till exempel skollagen eller socialtjänstlagen."
            )
        )
        self.route_hint = QLabel()
        self.route_hint.setWordWrap(True)
        for name, label, widget in (
            ("item", self.tr("Punkt"), self.item_combo),
            ("decided_by", self.tr("Beslutsfattare"), decided_by_row),
            ("decided_on", self.tr("Beslutsdatum"), self.decided_on),
            ("description", self.tr("Beslut"), self.description),
            ("case_number", self.tr("Diarienummer"), self.case_number),
            ("concerns", self.tr("Gäller person"), self.concerns),
            ("need_tested_on", self.tr("Behovet prövat (HR-2)"), self.need_tested_on),
            ("need_tested_by", self.tr("Prövat av"), self.need_tested_by),
            ("consulted_on", self.tr("Samråd hölls (HR-3)"), self.consulted_on),
            ("consulted_with", self.tr("Samråd med"), self.consulted_with),
            ("appealable", self.tr("Överklagande"), self.appealable),
            ("route", self.tr("Anmälan"), self.route_hint),
        ):
            self.form.add(name, label, widget)
        self.appealable.toggled.connect(self._show_route)
        for combo in (self.item_combo, self.decided_by):
            combo.currentIndexChanged.connect(self.revalidate)
        for edit in (self.decided_on, self.description, self.need_tested_on, self.consulted_on):
            edit.textChanged.connect(self.revalidate)
        self.item_combo.currentIndexChanged.connect(self._item_changed)
        self.item_combo.currentIndexChanged.connect(self._fill_decided_by)
        self.decided_on.textChanged.connect(self._fill_decided_by)
        self.decided_on.textChanged.connect(self._fill_concerns)
        self.show_all.toggled.connect(self._fill_decided_by)
        self._item_changed()
        self._fill_decided_by()
        self.revalidate()

    def _fill_concerns(self) -> None:
        """Every person, by name, with what they are on the decision date; filled again when
        another whole date is given, keeping the one chosen. Naming 43,000 persons takes a
        fifth of a second: it is done in a worker thread, so neither opening the dialog nor
        typing a date stops it; the list follows a moment later."""
        on = self.decided_on.date()
        if on is None or on == self._concerns_on:
            return
        self._concerns_on = on
        org, language = self._org, self._language
        self._concerns_worker.start(on, lambda: concern_choices(org, on, language))

    def _concerns_named(self, on: object, choices: object, error: BaseException | None) -> None:
        if error is not None:  # a bug: the list stays as it was, and the log says why
            log.error("Personerna kunde inte listas", exc_info=error)
            return
        if on != self._concerns_on:
            return  # another date was given meanwhile: its list is on its way
        chosen = self.concerns.currentData()
        self.concerns.blockSignals(True)
        set_choices(
            self.concerns,
            [(self.tr("(ingen särskild person)"), None), *cast(list[Choice], choices)],
        )
        self.concerns.setCurrentIndex(max(self.concerns.findData(chosen), 0))
        self.concerns.blockSignals(False)
        self._concerns_shown_on = on

    def concerns_ready(self) -> bool:
        """The list of persons is the decision date's (a test waits for it)."""
        return self._concerns_shown_on is not None and self._concerns_shown_on == (
            self._concerns_on
        )

    def _fill_decided_by(self) -> None:
        """The decision makers of the chosen item on the decision date, keeping the one
        chosen when they still may."""
        org, language = self._org, self._language
        # kept while the date is half typed (no one listed), chosen again when they may
        self._chosen = self.decided_by.currentData() or self._chosen
        chosen = self._chosen
        on = self.decided_on.date()
        item = self.selected_item()
        choices: list[tuple[str, object]] = []
        if on is not None and self.show_all.isChecked():
            choices = [
                (appointment_label(org, a, language), a.id)
                for a in org.appointments.values()
                if a.is_valid_on(on) and not a.role.is_political
            ]
        elif on is not None and item is not None and self._rights is not None:
            seen: set[int] = set()
            for right in self._rights(item.id, on):
                appointment = org.appointments.get(right.appointment_id)
                if appointment is None or appointment.id in seen:
                    continue
                seen.add(appointment.id)
                label = appointment_label(org, appointment, language)
                choices.append((f"{label} – {right.how(language)}", appointment.id))
        choices.sort(key=lambda choice: swedish_sort_key(choice[0]))
        self.decided_by.blockSignals(True)
        set_choices(self.decided_by, choices)
        self.decided_by.setCurrentIndex(self.decided_by.findData(chosen) if choices else -1)
        self.decided_by.blockSignals(False)
        line = self.decided_by.lineEdit()
        if line is not None:
            line.setPlaceholderText(
                self.tr("Välj punkten först")
                if item is None
                else self.tr("Ingen har rätt att besluta i punkten den dagen")
                if not choices
                else self.tr("Skriv för att söka")
            )
        self.revalidate()

    def selected_item(self) -> DelegationItem | None:
        item_id = self.item_combo.currentData()
        return self._items.get(int(item_id)) if item_id is not None else None

    def _item_changed(self) -> None:
        item = self.selected_item()
        kind = item.decision_kind if item else None
        for name in ("need_tested_on", "need_tested_by"):
            self.form.layout.setRowVisible(self.form.rows[name], kind in NEED_TEST_KINDS)
        for name in ("consulted_on", "consulted_with"):
            self.form.layout.setRowVisible(self.form.rows[name], kind in CONSULTATION_KINDS)
        self._show_route()

    def _show_route(self) -> None:
        """Where the decision goes (DEL-11), so the user sees what follows from the tick."""
        item = self.selected_item()
        if item is None:
            self.route_hint.setText("")
            return
        route = report_route(item, self.appealable.isChecked())
        self.route_hint.setText(
            {
                ReportRoute.REPORT_TO_BOARD: self.tr("Anmäls till nämnden (DEL-11)."),
                ReportRoute.SEPARATE_RECORD: self.tr(
                    "Anmäls inte, men kan laglighetsprövas: protokollförs särskilt (DEL-11)."
                ),
                ReportRoute.NONE: self.tr("Anmäls inte till nämnden."),
            }[route]
        )

    def validate(self) -> bool:
        valid = True
        if self.selected_item() is None:
            self.form.rows["item"].set_error(self.tr("Välj punkten i delegationsordningen."))
            valid = False
        if self.decided_by.currentData() is None:
            self.form.rows["decided_by"].set_error(self.tr("Välj vem som beslutade."))
            valid = False
        valid &= self.form.require(
            "description", self.description, self.tr("DATA-2: Beskriv beslutet.")
        )
        for name, edit in (
            ("decided_on", self.decided_on),
            ("need_tested_on", self.need_tested_on),
            ("consulted_on", self.consulted_on),
        ):
            if problem := edit.problem():
                self.form.rows[name].set_error(problem)
                valid = False
        return valid

    def named(self) -> dict[str, object]:
        """The keyword arguments of `DelegatedDecisionService.record` beside `values`."""
        concerns = self.concerns.currentData()
        return {
            "need_tested_by": self.need_tested_by.text().strip(),
            "consulted_with": self.consulted_with.text().strip(),
            "concerns_person_id": int(concerns) if concerns is not None else None,
        }

    def values(self) -> tuple[int, int, date, str, str, date | None, date | None, bool]:
        item = self.selected_item()
        assert item is not None and self.decided_on.date() is not None
        return (
            item.id,
            int(self.decided_by.currentData()),
            self.decided_on.date(),  # type: ignore[return-value]
            self.description.text().strip(),
            self.case_number.text().strip(),
            self.need_tested_on.date(),
            self.consulted_on.date(),
            self.appealable.isChecked(),
        )


class SubdelegationDialog(FormDialog):
    """The delegate passes an item on to another employee's position (DEL-10)."""

    def __init__(
        self,
        org: OrgSnapshot,
        board_unit_id: int,
        item: DelegationItem,
        givers: list[tuple[int, str]],
        today: date,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(self.tr("Vidaredelegera"), parent, language)
        self.setMinimumWidth(640)
        self.item_id = item.id
        self.set_intro(
            self.tr(
                "Punkt {number}: {matter}. Den som har fått rätten kan föra den vidare till en "
                "annan anställds befattning, om nämnden tillåtit det; besluten anmäls då till den "
                "som vidaredelegerade (DEL-10)."
            ).format(number=item.number, matter=item.matter)
        )
        self.giver = searchable_combo()  # who holds the right: person, role and unit
        set_choices(self.giver, [(label, appointment_id) for appointment_id, label in givers])
        self.giver.setCurrentIndex(0 if givers else -1)
        self.to = DelegateEditor(org, board_unit_id, optional=False, language=language)
        self.to.kind.setEnabled(False)  # always an employee's position
        self.valid_from = DateField(optional=False)
        self.valid_from.set_date(today)
        self.valid_to = DateField(optional=True)
        self.form.add("by", self.tr("Från"), self.giver)
        self.form.add("to", self.tr("Till"), self.to)
        self.form.add("valid_from", self.tr("Gäller fr.o.m."), self.valid_from)
        self.form.add("valid_to", self.tr("Upphör fr.o.m."), self.valid_to)
        for edit in (self.valid_from, self.valid_to):
            edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def validate(self) -> bool:
        valid = self.form.check_period(
            self.valid_from,
            self.valid_to,
            self.tr("DATA-1: Vidaredelegationen måste upphöra efter att den börjat."),
        )
        if self.giver.currentData() is None:
            self.form.rows["by"].set_error(
                self.tr("Ingen har rätten i dag; den kan inte vidaredelegeras.")
            )
            valid = False
        return valid
