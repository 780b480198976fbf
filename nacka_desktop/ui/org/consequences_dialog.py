"""Before a risky edit (closing a unit, ending an appointment, moving a unit): what follows
from it, for the user to confirm or cancel. What is listed comes from the services
(`ConsequenceService`), which try the edit and roll it back."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.labels import appointment_label
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot
from nacka_desktop.services.org.consequences import Consequences
from nacka_desktop.ui.widgets.dialogs import open_with_input_focus

MOST_LISTED = 40  # per group; the rest is counted


class ConsequencesDialog(QDialog):
    def __init__(
        self,
        title: str,
        intro: str,
        confirm: str,
        consequences: Consequences,
        org: OrgSnapshot,
        parent: QWidget | None = None,
        language: Language = Language.SWEDISH,
    ) -> None:
        super().__init__(parent)
        open_with_input_focus(self)
        self.setWindowTitle(title)
        self.language = language
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.details = QLabel(self._details(consequences, org))
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        scroll.setMinimumHeight(220)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = None
        if not consequences.refused:
            self.confirm_button = self.buttons.addButton(
                confirm, QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.confirm_button.setDefault(True)
            self.confirm_button.setAutoDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 460)
        if self.confirm_button is not None:
            self.confirm_button.setFocus()

    def _details(self, consequences: Consequences, org: OrgSnapshot) -> str:
        parts: list[str] = []

        def group(heading: str, lines: list[str]) -> None:
            if not lines:
                return
            shown = [
                f'<li style="margin-bottom:4px">{escape(line)}</li>' for line in lines[:MOST_LISTED]
            ]
            if len(lines) > MOST_LISTED:
                more = self.tr("… och {count} till").format(count=len(lines) - MOST_LISTED)
                shown.append(f"<li><i>{escape(more)}</i></li>")
            parts.append(f"<p><b>{escape(heading)} ({len(lines)})</b></p><ul>{''.join(shown)}</ul>")

        group(
            self.tr("Ändringen kan inte göras"),
            [f"{v.rule_id}: {v.text(self.language)}" for v in consequences.refused],
        )
        group(self.tr("Underliggande enheter som avslutas"), [u.name for u in consequences.units])
        group(
            self.tr("Förordnanden som avslutas"),
            [appointment_label(org, a, self.language) for a in consequences.appointments],
        )
        new = consequences.added
        group(
            self.tr("Fel som uppstår"),
            [
                self._violation(v.rule_id, v.label(self.language), v.text(self.language))
                for v in new
                if v.severity is Severity.ERROR
            ],
        )
        group(
            self.tr("Det här behöver åtgärdas efteråt"),
            [
                self._violation(v.rule_id, v.label(self.language), v.text(self.language))
                for v in new
                if v.severity is not Severity.ERROR
            ],
        )
        return "".join(parts)

    @staticmethod
    def _violation(rule_id: str, label: str, text: str) -> str:
        return f"{rule_id} · {label}: {text}" if label else f"{rule_id}: {text}"
