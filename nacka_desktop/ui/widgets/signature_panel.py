"""The signatures in a PDF, beside its preview: for each, who signed, who vouches for them,
when, whether the file is unchanged since, and whether the certificate is trusted (issue 13).
Any PDF, ours or not; the same check as `nacka-desktop verify`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nacka_desktop.signing.errors import SigningError
from nacka_desktop.signing.verify import SignatureCheck, VerifyReport, verify_pdf


class SignaturePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("<b>Underskrifter</b>"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(self.details.textFormat().RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.setMinimumWidth(260)
        self.report: VerifyReport | None = None

    def show_file(self, pdf: bytes, trust_roots: Sequence[Any] = ()) -> None:
        try:
            self.report = verify_pdf(pdf, trust_roots)
        except SigningError as error:
            self.report = None
            self.summary.setText(error.message)
            self.details.setText("")
            return
        checks = self.report.signatures
        if not checks:
            self.summary.setText(self.tr("Filen har inga underskrifter."))
        elif self.report.all_ok:
            self.summary.setText(
                self.tr("Alla {n} underskrifter är hela: filen är oförändrad sedan dess.").format(
                    n=len(checks)
                )
            )
        else:
            broken = sum(1 for check in checks if not check.ok)
            self.summary.setText(
                self.tr("{broken} av {n} underskrifter håller inte.").format(
                    broken=broken, n=len(checks)
                )
            )
        self.details.setText("<br><br>".join(self._describe(check) for check in checks))

    def _describe(self, check: SignatureCheck) -> str:
        when = check.timestamp or check.signing_time
        state = (
            self.tr("<span style='color:#1b7f3b'>✔ oförändrad sedan underskriften</span>")
            if check.ok
            else self.tr("<span style='color:#b00020'>✖ bruten eller ändrad efteråt</span>")
        )
        trust = (
            self.tr("betrott certifikat")
            if check.trusted
            else self.tr("certifikatet är inte betrott")
        )
        lines = [
            f"<b>{_escape(check.field)}</b>: {_escape(check.signer)}",
            self.tr("utfärdat av {issuer}").format(issuer=_escape(check.issuer)),
            when.astimezone().strftime("%Y-%m-%d %H:%M") if when else "",
            state,
            trust,
        ]
        return "<br>".join(line for line in lines if line)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
