"""The org chart's layout: boxes that never overlap, the branch and depth asked for, text that
fits its box."""

from __future__ import annotations

import random
from datetime import date

import pytest

from nacka_desktop.domain.enums import Role, UnitKind
from nacka_desktop.domain.language import Language
from nacka_desktop.exports.orgchart.layout import (
    BOX_WIDTH,
    PADDING,
    STRIPE,
    Box,
    BoxState,
    ChartLayout,
    layout_chart,
)
from nacka_desktop.services.org.orgchart import ChartHolder, ChartUnit, OrgChart


def measure(text: str, size: float, bold: bool) -> float:
    return len(text) * size * (0.62 if bold else 0.55)


def random_chart(seed: int, count: int) -> OrgChart:
    """A random tree of `count` units: bushy near the top, some deep lines, manager, t.f.
    and vacancies mixed."""
    rng = random.Random(seed)
    parents: dict[int, int | None] = {1: None}
    for unit_id in range(2, count + 1):
        parents[unit_id] = rng.choice([1, *range(max(1, unit_id - 30), unit_id)])
    children: dict[int, list[int]] = {i: [] for i in parents}
    for unit_id, parent in parents.items():
        if parent is not None:
            children[parent].append(unit_id)
    units = {}
    for unit_id, parent in parents.items():
        luck = rng.random()
        manager = ChartHolder(f"Chef {unit_id}", Role.UNIT_MANAGER, False, unit_id)
        acting = ChartHolder(f"Tf {unit_id}", Role.UNIT_MANAGER, True, -unit_id)
        units[unit_id] = ChartUnit(
            unit_id,
            f"C{unit_id}",
            f"Enheten nummer {unit_id} med ett {'mycket ' * rng.randint(0, 6)}långt namn",
            UnitKind.UNIT,
            parent,
            tuple(children[unit_id]),
            manager if luck > 0.2 else None,
            acting if 0.1 < luck < 0.3 else None,
            True,
        )
    return OrgChart(date(2026, 1, 1), units, (1,))


def assert_no_overlaps(layout: ChartLayout) -> None:
    boxes = sorted(layout.boxes, key=lambda b: b.x)
    for index, box in enumerate(boxes):
        for other in boxes[index + 1 :]:
            if other.x >= box.x + box.width:
                break
            assert not box.overlaps(other), (box.name, other.name)


def depth_of(chart: OrgChart, unit_id: int, root: int) -> int:
    path = chart.path_to(unit_id)
    return len(path) - path.index(root) - 1


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("depth", [None, 0, 1, 2, 4])
def test_no_two_boxes_overlap_and_each_unit_is_drawn_once(seed: int, depth: int | None) -> None:
    chart = random_chart(seed, 300)
    layout = layout_chart(chart, measure, Language.SWEDISH, None, depth)
    assert_no_overlaps(layout)
    drawn = [b.unit_id for b in layout.boxes]
    assert len(drawn) == len(set(drawn))
    expected = {u.id for u, _level in chart.walk(1, depth)}
    assert set(drawn) == expected
    assert all(b.x >= 0 and b.y >= 0 for b in layout.boxes)
    assert max(b.x + b.width for b in layout.boxes) == pytest.approx(layout.width)


def test_a_branch_shows_the_unit_and_what_is_below_it_to_the_depth() -> None:
    chart = random_chart(7, 400)
    branch = max(chart.units.values(), key=lambda u: chart.count_below(u.id) if u.id != 1 else 0)
    layout = layout_chart(chart, measure, Language.SWEDISH, branch.id, 2)
    shown = {b.unit_id for b in layout.boxes}
    assert branch.id in shown
    assert all(depth_of(chart, unit_id, branch.id) <= 2 for unit_id in shown)
    assert shown == {u.id for u, _level in chart.walk(branch.id, 2)}
    assert layout.boxes[0].unit_id == branch.id  # the top box is the branch's own
    # the boxes at the cut say how many units are below them
    cut = [b for b in layout.boxes if depth_of(chart, b.unit_id, branch.id) == 2]
    for box in cut:
        assert box.hidden_below == chart.count_below(box.unit_id)
    assert_no_overlaps(layout)


def test_a_parent_is_above_its_children() -> None:
    chart = random_chart(3, 200)
    layout = layout_chart(chart, measure, Language.SWEDISH)
    where = {b.unit_id: b for b in layout.boxes}
    for box in layout.boxes:
        parent = chart.units[box.unit_id].parent_id
        if parent is not None:
            assert where[parent].y + where[parent].height <= box.y


def text_lines(box: Box) -> list[str]:
    return [line.text for line in box.lines]


def test_text_fits_its_box_and_the_states_are_told_apart() -> None:
    chart = random_chart(1, 120)
    layout = layout_chart(chart, measure, Language.SWEDISH)
    room = BOX_WIDTH - STRIPE - 2 * PADDING
    for box in layout.boxes:
        unit = chart.units[box.unit_id]
        for line in box.lines:
            assert measure(line.text, line.size, line.bold) <= room + 0.01
            assert box.y < line.y < box.y + box.height
        lines = text_lines(box)
        if unit.vacant:
            assert box.state is BoxState.VACANT and "Vakant" in lines
        elif unit.acting is not None:
            assert box.state is BoxState.ACTING
            assert any(t.startswith("T.f. enhetschef: Tf") for t in lines)
        else:
            assert box.state is BoxState.MANAGER
            assert f"Enhetschef: Chef {unit.id}" in lines
    english = layout_chart(chart, measure, Language.ENGLISH)
    vacant = next(b for b in english.boxes if b.state is BoxState.VACANT)
    assert "Vacant" in text_lines(vacant)


def test_a_long_name_is_wrapped_on_two_lines_and_shortened() -> None:
    chart = random_chart(2, 3)
    long_name = "Förvaltningen för " + "mycket " * 20 + "långa namn"
    unit = chart.units[1]
    chart.units[1] = ChartUnit(
        unit.id, unit.code, long_name, unit.kind, None, unit.children, None, None, True
    )
    layout = layout_chart(chart, measure, Language.SWEDISH, 1, 0)
    names = [line.text for line in layout.boxes[0].lines if line.bold and line.size > 8]
    assert len(names) == 2
    assert names[0].startswith("Förvaltningen för")
    assert names[1].endswith("…")


def test_a_negative_depth_is_refused() -> None:
    with pytest.raises(ValueError):
        layout_chart(random_chart(0, 5), measure, Language.SWEDISH, None, -1)
