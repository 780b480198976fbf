"""Opening the guide from anywhere: F1, a rule in the Problems panel, the *Help* button of a
refusal, a click on a rule's error line under a field.

The guide opens in the UI's language: the one the language switcher made Qt's default locale
(`ui/shell/i18n.py`), unless the caller names it. One help window per top-level window, a
child of it, so a modal dialog that asks for help does not block the guide's window.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QToolTip, QWidget

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import Violation
from nacka_desktop.domain.rules.catalogue import RULES
from nacka_desktop.ui.help import pages
from nacka_desktop.ui.help.window import HelpWindow

_RULE_ID = re.compile(r"\b(?:ORG|HR|AM|DEL|DATA)-\d+\b")


def ui_language() -> Language:
    english = QLocale().language() == QLocale.Language.English
    return Language.ENGLISH if english else Language.SWEDISH


def show_help(
    parent: QWidget | None, page: str = pages.HOME, language: Language | None = None
) -> HelpWindow:
    """Show the guide at `page`, in the window the parent's top-level window already has."""
    language = language or ui_language()
    owner = parent.window() if parent is not None else None
    window = None
    if owner is not None:
        found = owner.findChildren(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
        window = next((w for w in found if w.language is language), None)
    if window is None:
        window = HelpWindow(language, owner)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.open_page(page)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def show_rule_help(
    parent: QWidget | None, rule_id: str, language: Language | None = None
) -> HelpWindow:
    return show_help(parent, pages.rule_page(rule_id), language)


def rule_ids(text: str) -> list[str]:
    """The catalogue's rule IDs a text names, in order, each once."""
    found = [match.group(0) for match in _RULE_ID.finditer(text)]
    return [rule for i, rule in enumerate(found) if rule in RULES and rule not in found[:i]]


def warn_refusal(
    parent: QWidget | None, title: str, violations: Sequence[Violation], language: Language
) -> None:
    """A refusal as a message, each line led by its rule; *Help* opens the first rule's page
    (which links to the others)."""
    text = "\n\n".join(f"{v.rule_id}: {v.text(language)}" for v in violations)
    rules = [v.rule_id for v in violations if v.rule_id in RULES]
    if not rules:
        QMessageBox.warning(parent, title, text)
        return
    answer = QMessageBox.warning(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Help,
        QMessageBox.StandardButton.Ok,
    )
    if answer == QMessageBox.StandardButton.Help:
        show_rule_help(parent, rules[0], language)


class RuleHelpOnClick(QObject):
    """Makes a label that shows a refusal ("AM-7: …") open the rule's page when clicked."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.label:
            return False
        rules = rule_ids(self.label.text())
        if event.type() == QEvent.Type.MouseButtonRelease and rules:
            show_rule_help(self.label, rules[0])
            return True
        if event.type() == QEvent.Type.ToolTip and rules:
            tip = QCoreApplication.translate("RuleHelp", "Klicka för att läsa om regel {rule}")
            QToolTip.showText(event.globalPos(), tip.format(rule=rules[0]), self.label)  # type: ignore[attr-defined]
            return True
        if event.type() == QEvent.Type.Enter:
            shape = Qt.CursorShape.PointingHandCursor if rules else Qt.CursorShape.ArrowCursor
            self.label.setCursor(shape)
        return False
