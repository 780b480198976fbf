"""The organisation's letterhead: who every letter is from (saved in the database, the same
for every user; the sample's when nothing is saved)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nacka_desktop.domain.letterhead import Letterhead
from nacka_desktop.domain.rules import ObjectKind
from nacka_desktop.domain.text import clean_text
from nacka_desktop.services.editing import Editor, refusal, refuse_stale
from nacka_desktop.storage.models import OrganisationSetting

_NAME, _LINES, _LOGO = "letterhead.municipality", "letterhead.lines", "letterhead.logo"
MAX_LOGO_BYTES = 2 * 1024 * 1024  # a logo, not a photograph: it is printed 14 mm high
MAX_LINES = 3


class LetterheadService:
    def __init__(self, editor: Editor) -> None:
        self._editor = editor

    def letterhead(self) -> Letterhead:
        with self._editor.database.reader() as session:
            return _read(session)

    def set_letterhead(
        self, letterhead: Letterhead, loaded: Letterhead | None = None
    ) -> Letterhead:
        """Save the letterhead; returns the one before (for undo). `loaded`: the letterhead
        as the dialog showed it (changed by someone else since: refused)."""
        name = clean_text(letterhead.municipality)
        lines = tuple(clean_text(line) for line in letterhead.lines if clean_text(line))
        if not name:
            raise refusal(
                "DATA-2",
                "Ange kommunens (eller regionens) namn.",
                "Enter the municipality's (or region's) name.",
                ObjectKind.UNIT,
                0,
                "municipality",
            )
        if len(lines) > MAX_LINES:
            raise refusal(
                "DATA-2",
                f"Högst {MAX_LINES} rader under namnet.",
                f"At most {MAX_LINES} lines under the name.",
                ObjectKind.UNIT,
                0,
                "lines",
            )
        if letterhead.logo is not None and len(letterhead.logo) > MAX_LOGO_BYTES:
            raise refusal(
                "DATA-2",
                f"Logotypen är {len(letterhead.logo) // 1024} kB; högst "
                f"{MAX_LOGO_BYTES // 1024 // 1024} MB.",
                f"The logo is {len(letterhead.logo) // 1024} kB; at most 2 MB.",
                ObjectKind.UNIT,
                0,
                "logo",
            )
        with self._editor.edit() as session:
            previous = _read(session)
            refuse_stale(loaded, previous, "brevhuvudet", "the letterhead")
            _put(session, _NAME, name)
            _put(session, _LINES, "\n".join(lines))
            row = session.get(OrganisationSetting, _LOGO)
            if letterhead.logo is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(OrganisationSetting(name=_LOGO, text="", data=letterhead.logo))
            else:
                row.data = letterhead.logo
            self._editor.audit(
                session,
                "letterhead.update",
                ObjectKind.UNIT,
                0,
                {
                    "before": {"municipality": previous.municipality, "lines": previous.lines},
                    "after": {"municipality": name, "lines": lines},
                    "logo_bytes": len(letterhead.logo) if letterhead.logo else 0,
                },
            )
            return previous


def _read(session: Session) -> Letterhead:
    rows = {row.name: row for row in session.query(OrganisationSetting)}
    default = Letterhead()
    name = rows[_NAME].text if _NAME in rows else default.municipality
    lines = tuple(rows[_LINES].text.splitlines()) if _LINES in rows else default.lines
    logo = rows[_LOGO].data if _LOGO in rows else None
    return Letterhead(name or default.municipality, lines, logo)


def _put(session: Session, name: str, text: str) -> None:
    row = session.get(OrganisationSetting, name)
    if row is None:
        session.add(OrganisationSetting(name=name, text=text))
    else:
        row.text = text
