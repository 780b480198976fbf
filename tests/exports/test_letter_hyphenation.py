"""Words in the letters' narrow table cells break only where Swedish hyphenation allows, with
a hyphen, and a "§" never starts a line: what issue 9 saw as "riktlinjerför" and
"personaldirekt/ören"."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from nacka_desktop.domain.delegation.format import format_citation
from nacka_desktop.exports.letters._layout import esc, styles
from nacka_desktop.services.context import Services
from tests.conftest import TODAY, build_sample

# The order's columns: Ärende, Delegat, Ersättare, Lagrum (minus the cell padding).
WIDTHS = [38 * mm, 29 * mm, 28 * mm, 27 * mm]


def lines(text: str, width: float) -> list[str]:
    paragraph = Paragraph(esc(text), styles().cell)
    paragraph.wrap(width - 8, 10_000)
    found = []
    for line in paragraph.blPara.lines:
        words = line[1] if isinstance(line, tuple) else [getattr(w, "text", "") for w in line.words]
        found.append(" ".join(str(w) for w in words))
    return found


@pytest.fixture(scope="module")
def cells(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, float]]:
    services = Services.open(tmp_path_factory.mktemp("hyphen") / "s.db", lambda: TODAY)
    build_sample(services.database, TODAY)
    org = services.queries.snapshot()
    found = []
    for order in services.delegation.orders():
        for item in order.items:
            texts = (
                item.matter,
                item.delegate.label(org),
                item.substitute.label(org) if item.substitute else "",
                format_citation(item.lagrum),
            )
            found += [(text, width) for text, width in zip(texts, WIDTHS, strict=True) if text]
    services.close()
    return found


def test_a_word_breaks_only_at_a_hyphen_and_a_paragraph_sign_stays_with_its_number(
    cells: list[tuple[str, float]],
) -> None:
    broken = []
    for text, width in cells:
        shown = lines(text, width)
        if rejoined(shown) != text.replace("\u00a0", " ").split():
            broken.append((text, shown))
        if any(line.startswith("§") for line in shown):
            broken.append((text, shown))
    assert broken == []
    assert len(cells) > 150  # the sample's orders, every cell of the four text columns


def rejoined(shown: list[str]) -> list[str]:
    """The words of the laid-out lines, a word hyphenated at a line end joined again."""
    words: list[str] = []
    carry = ""
    for line in shown:
        tokens = line.replace("\u00a0", " ").split()
        if carry and tokens:
            tokens[0] = carry + tokens[0]
            carry = ""
        if tokens and tokens[-1].endswith("-") and line is not shown[-1]:
            carry = tokens.pop()[:-1]
        words += tokens
    return words + ([carry + "-"] if carry else [])
