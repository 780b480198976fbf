"""Valid-on is written once: `domain.dates.is_valid_on` (and `periods_overlap`) in Python, and
`storage.unit_history.in_force_on` as its SQL twin. A copy written out again elsewhere is how
an off-by-one day (an end date taken as inclusive) creeps in; this test finds one."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "nacka_desktop"
ALLOWED = {
    PACKAGE / "domain" / "dates.py",  # the helper itself
    PACKAGE / "storage" / "unit_history.py",  # its SQL twin (a query, not Python values)
}
# `x.valid_to is None or on < x.valid_to` and its mirror images, in any order.
WRITTEN_OUT = re.compile(
    r"valid_to is None or \bon < [\w.]*valid_to|valid_to is None or [\w.]*valid_to > on\b|"
    r"valid_from is None or [\w.]*valid_from <= on\b|[\w.]*valid_from <= on and"
)


def test_valid_on_is_not_written_out_again() -> None:
    copies = [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in ALLOWED
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if WRITTEN_OUT.search(line)
    ]
    assert copies == [], "use domain.dates.is_valid_on:\n" + "\n".join(copies)
