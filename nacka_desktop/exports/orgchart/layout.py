"""The org chart's layout, in pure Python: boxes with their text and positions and the lines
between them, in points (1/72 inch), y downwards. The PDF, the SVG and the window all draw
this one layout, so what is printed is what is shown.

A top-down tree: each unit's children side by side under it, the unit centred above them;
a unit whose children have none shown below them stacks them in a column under itself
(the "hanging" form of printed org charts), which keeps a wide level of small units from
making the chart kilometres wide. Every subtree has its own band of x, so no two boxes can
overlap. Text is measured by a function the caller gives (the PDF's DejaVu metrics), and
wrapped or shortened with "…" to fit its box.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from nacka_desktop.domain.labels import label, role_title
from nacka_desktop.domain.language import Language
from nacka_desktop.services.org.orgchart import ChartHolder, ChartUnit, OrgChart

Measure = Callable[[str, float, bool], float]  # (text, size, bold) -> width in points

BOX_WIDTH = 168.0
PADDING = 6.0
STRIPE = 4.0  # the band on the left that tells manager, t.f. and vakant apart
NAME_SIZE = 8.5
NAME_LEADING = 10.5
SMALL_SIZE = 7.0
SMALL_LEADING = 9.0
PERSON_SIZE = 7.5
PERSON_LEADING = 9.5
NAME_LINES = 2
H_GAP = 12.0  # between sibling subtrees
V_GAP = 30.0  # between levels
STACK_INDENT = 18.0  # a stacked column's offset from its parent
STACK_GAP = 8.0
STACK_FROM = 3  # stack leaf children when there are at least this many
WRAP_FROM = 8  # and from this many, in several columns side by side
COLUMN_WIDTH = STACK_INDENT + BOX_WIDTH
COLUMN_GAP = STACK_INDENT + H_GAP  # between hanging columns: room for the next one's line
BOX_HEIGHT = (
    2 * PADDING + NAME_LINES * NAME_LEADING + SMALL_LEADING + 2 * PERSON_LEADING + 2.0
)  # name (2 lines), kind and code, manager, t.f.


class BoxState(Enum):
    MANAGER = "manager"  # an ordinary manager holds the leading appointment
    ACTING = "acting"  # a t.f. holds it (with or without an ordinary manager beside)
    VACANT = "vacant"  # no one does
    NONE = "none"  # a kind of unit no one leads


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float  # left, in the chart
    y: float  # baseline, in the chart
    size: float
    bold: bool = False
    muted: bool = False
    alert: bool = False  # "Vakant"


@dataclass(frozen=True)
class Box:
    unit_id: int
    x: float
    y: float
    width: float
    height: float
    state: BoxState
    lines: tuple[TextLine, ...]
    hidden_below: int  # units below it the depth limit leaves out (0: none)
    name: str
    code: str

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.x + other.width
            and other.x < self.x + self.width
            and self.y < other.y + other.height
            and other.y < self.y + self.height
        )


Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


@dataclass(frozen=True)
class ChartLayout:
    boxes: tuple[Box, ...]
    lines: tuple[Segment, ...]
    width: float
    height: float
    root_id: int | None  # the branch shown (None: the whole organisation)
    depth: int | None


@dataclass
class _Node:
    unit: ChartUnit | None  # None: a column of leaf siblings, hanging from its parent's bar
    children: list[_Node]
    hidden_below: int
    level: int
    row: list[_Node] = field(default_factory=list)  # the children when side by side
    stacked: bool = False
    width: float = 0.0  # its band: its box and all below it
    height: float = 0.0
    offset: float = 0.0  # its box's centre, from the left of its band
    span: float = 0.0  # its children's bands side by side
    columns: int = 1  # a column group (no unit): how many columns its leaves fill
    split: list[list[_Node]] = field(default_factory=list)  # stacked: children per column
    column_width: float = 0.0  # stacked: the widest child's band


ASPECT = 1.55  # the shape the layout aims for: the room on a landscape A3 or A4 page
WRAPS = (0.0, 0.5, 1.0, 2.0)  # how eagerly long hanging lists go to columns (0: never)


def layout_chart(
    chart: OrgChart,
    measure: Measure,
    language: Language,
    root_id: int | None = None,
    depth: int | None = None,
) -> ChartLayout:
    """The branch under `root_id` (None: every top unit), `depth` levels below it (None:
    all; 0: the unit alone). From which level down children hang in columns is chosen so
    the chart best fits a landscape page."""
    if depth is not None and depth < 0:
        raise ValueError("depth must be 0 or more")
    roots = [root_id] if root_id is not None else list(chart.roots)
    trees = [_build(chart, unit_id, depth) for unit_id in roots]
    orders = [_post_order(tree) for tree in trees]
    deepest = max((n.level for order in orders for n in order), default=0)
    best: tuple[float, int, float] | None = None
    for hang_from in range(deepest + 1, -1, -1):
        for wrap in WRAPS:
            width, height = _measure(trees, orders, hang_from, wrap)
            fit = min(ASPECT / width, 1.0 / height)
            if best is None or fit > best[0] * 1.02:
                best = (fit, hang_from, wrap)
    _measure(trees, orders, *(best[1:] if best else (deepest + 1, 0.0)))
    boxes: list[Box] = []
    lines: list[Segment] = []
    texts = _Texts(measure, language)
    x = 0.0
    for tree in trees:
        _place(tree, x, 0.0, boxes, lines, texts)
        x += tree.width + H_GAP
    width = max((b.x + b.width for b in boxes), default=0.0)
    height = max((b.y + b.height for b in boxes), default=0.0)
    return ChartLayout(tuple(boxes), tuple(lines), width, height, root_id, depth)


def _build(chart: OrgChart, root_id: int, depth: int | None) -> _Node:
    """The nodes to show, built without recursion (a deep chart cannot overflow the stack)."""
    top = _Node(chart.units[root_id], [], 0, 0)
    stack = [(top, chart.units[root_id])]
    while stack:
        node, unit = stack.pop()
        if depth is not None and node.level >= depth:
            node.hidden_below = chart.count_below(unit.id) if unit.children else 0
            continue
        for child_id in unit.children:
            child = _Node(chart.units[child_id], [], 0, node.level + 1)
            node.children.append(child)
            stack.append((child, chart.units[child_id]))
    for node in _post_order(top):
        node.row = _row(node.children)
    return top


def _row(children: list[_Node]) -> list[_Node]:
    """Children side by side, except that the leaves among children that also have some
    with children below them hang in one column at the left (boards beside the executive
    board), which keeps a level of small units from spreading the chart wide."""
    leaves = [c for c in children if not c.children]
    if len(leaves) == len(children) >= WRAP_FROM:
        return [_group(leaves)]
    if len(leaves) < 2 or len(leaves) == len(children):
        return children
    return [_group(leaves), *[c for c in children if c.children]]


def _group(leaves: list[_Node]) -> _Node:
    """Leaves in columns, about as much wider than tall as a page (many: several columns)."""
    count = len(leaves)
    columns = 1
    if count >= WRAP_FROM:
        wanted = math.sqrt(count * (BOX_HEIGHT + STACK_GAP) * ASPECT / (COLUMN_WIDTH + H_GAP))
        columns = max(1, min(count, round(wanted)))
    return _Node(None, leaves, 0, leaves[0].level, columns=columns)


def _column_chunks(group: _Node) -> list[list[_Node]]:
    per_column = math.ceil(len(group.children) / group.columns)
    return [group.children[i : i + per_column] for i in range(0, len(group.children), per_column)]


def _spines(group: _Node) -> list[float]:
    """Where, from the left of the group's band, each column's line comes down."""
    return [
        i * (COLUMN_WIDTH + H_GAP) + STACK_INDENT / 2 for i in range(len(_column_chunks(group)))
    ]


def _post_order(top: _Node) -> list[_Node]:
    order: list[_Node] = []
    stack = [top]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children)
    return list(reversed(order))


def _measure(
    trees: list[_Node], orders: list[list[_Node]], hang_from: int, wrap: float
) -> tuple[float, float]:
    """Each node's band and height with children hanging in a column from `hang_from` down
    (and wherever all of at least `STACK_FROM` children have none below them); the size of
    the whole."""
    for order in orders:
        for node in order:
            _measure_node(node, hang_from, wrap)
    width = sum(t.width for t in trees) + H_GAP * (len(trees) - 1)
    return max(width, 1.0), max((t.height for t in trees), default=1.0)


def _measure_node(node: _Node, hang_from: int, wrap: float) -> None:
    children = node.children
    if node.unit is None:  # columns of leaves, no box of its own
        chunks = _column_chunks(node)
        node.width = len(chunks) * COLUMN_WIDTH + H_GAP * (len(chunks) - 1)
        node.height = max(
            sum(c.height for c in chunk) + STACK_GAP * (len(chunk) - 1) for chunk in chunks
        )
        spines = _spines(node)
        node.offset = (spines[0] + spines[-1]) / 2
        return
    if not children:
        node.stacked = False
        node.width, node.height, node.offset = BOX_WIDTH, BOX_HEIGHT, BOX_WIDTH / 2
        return
    leaves = all(not c.children for c in children)
    node.stacked = node.level >= hang_from or (leaves and STACK_FROM <= len(children) < WRAP_FROM)
    if node.stacked:
        node.split = _balanced(children, wrap)
        node.column_width = max(c.width for c in children)
        count = len(node.split)
        node.width = STACK_INDENT + count * (node.column_width + COLUMN_GAP) - COLUMN_GAP
        node.height = _columns_top(count) + max(
            sum(STACK_GAP + c.height for c in column) for column in node.split
        )
        node.offset = BOX_WIDTH / 2
        return
    row = node.row
    for entry in row:
        if entry.unit is None:
            _measure_node(entry, hang_from, wrap)
    node.span = sum(c.width for c in row) + H_GAP * (len(row) - 1)
    node.width = max(BOX_WIDTH, node.span)
    node.height = BOX_HEIGHT + V_GAP + max(c.height for c in row)
    left = (node.width - node.span) / 2
    first = left + row[0].offset
    last = left + node.span - row[-1].width + row[-1].offset
    node.offset = (first + last) / 2


def _place(
    top: _Node,
    left: float,
    y: float,
    boxes: list[Box],
    lines: list[Segment],
    texts: _Texts,
) -> None:
    stack = [(top, left, y)]
    while stack:
        node, x0, y0 = stack.pop()
        if node.unit is None:  # columns of leaves under the bar
            for spine_offset, chunk in zip(_spines(node), _column_chunks(node), strict=True):
                spine, child_y, middle = x0 + spine_offset, y0, y0
                for child in chunk:
                    middle = child_y + BOX_HEIGHT / 2
                    lines.append((spine, middle, spine + STACK_INDENT / 2, middle))
                    stack.append((child, spine + STACK_INDENT / 2, child_y))
                    child_y += child.height + STACK_GAP
                lines.append((spine, y0, spine, middle))
            continue
        bx = x0 + node.offset - BOX_WIDTH / 2
        boxes.append(texts.box(node.unit, bx, y0, node.hidden_below))
        if not node.children:
            continue
        if node.stacked:
            _place_columns(node, bx, y0, stack, lines)
            continue
        centre = bx + BOX_WIDTH / 2
        bar = y0 + BOX_HEIGHT + V_GAP / 2
        child_y = y0 + BOX_HEIGHT + V_GAP
        lines.append((centre, y0 + BOX_HEIGHT, centre, bar))
        cx = x0 + (node.width - node.span) / 2
        ends = [centre]
        for child in node.row:
            drops = [cx + o for o in _spines(child)] if child.unit is None else [cx + child.offset]
            for drop in drops:
                ends.append(drop)
                lines.append((drop, bar, drop, child_y))
            stack.append((child, cx, child_y))
            cx += child.width + H_GAP
        lines.append((min(ends), bar, max(ends), bar))


def _balanced(children: list[_Node], wrap: float) -> list[list[_Node]]:
    """Hanging children in one column, or, when that would be long, in several side by side
    of about equal height (in their order, down the first column, then the next), as many as
    make the block about as wide as a page is to its height."""
    total = sum(c.height + STACK_GAP for c in children)
    if not wrap or total <= WRAP_FROM * (BOX_HEIGHT + STACK_GAP) or len(children) < 2:
        return [children]
    width = max(c.width for c in children) + COLUMN_GAP
    count = max(1, min(len(children), round(math.sqrt(total * ASPECT * wrap / width))))
    target = total / count
    columns: list[list[_Node]] = [[]]
    height = 0.0
    for child in children:
        tall = child.height + STACK_GAP
        if columns[-1] and height + tall / 2 > target and len(columns) < count:
            columns.append([])
            height = 0.0
        columns[-1].append(child)
        height += tall
    return columns


def _columns_top(count: int) -> float:
    """From a stacked node's top to the line its first children hang below: one column
    starts right under the box, several leave room for the bar that joins them."""
    return BOX_HEIGHT if count == 1 else BOX_HEIGHT + V_GAP - STACK_GAP


def _place_columns(
    node: _Node,
    bx: float,
    y0: float,
    stack: list[tuple[_Node, float, float]],
    lines: list[Segment],
) -> None:
    """A stacked node's children under it: one spine per column, the columns' spines joined
    by a bar just under the node's box."""
    bar = y0 + BOX_HEIGHT + V_GAP / 2
    spines = []
    for index, column in enumerate(node.split):
        left = bx + STACK_INDENT + index * (node.column_width + COLUMN_GAP)
        spine = left - STACK_INDENT / 2
        spines.append(spine)
        child_y = y0 + _columns_top(len(node.split)) + STACK_GAP
        middle = child_y
        for child in column:
            middle = child_y + BOX_HEIGHT / 2
            lines.append((spine, middle, left, middle))
            stack.append((child, left, child_y))
            child_y += child.height + STACK_GAP
        lines.append((spine, y0 + BOX_HEIGHT if index == 0 else bar, spine, middle))
    if len(spines) > 1:
        lines.append((spines[0], bar, spines[-1], bar))


class _Texts:
    """The lines of each box, fitted to its width."""

    def __init__(self, measure: Measure, language: Language) -> None:
        self._measure = measure
        self._language = language
        self._room = BOX_WIDTH - STRIPE - 2 * PADDING

    def box(self, unit: ChartUnit, x: float, y: float, hidden_below: int) -> Box:
        language = self._language
        left = x + STRIPE + PADDING
        baseline = y + PADDING + NAME_SIZE
        lines: list[TextLine] = []
        for text in _wrap(unit.name, self._room, NAME_SIZE, True, self._measure, NAME_LINES):
            lines.append(TextLine(text, left, baseline, NAME_SIZE, bold=True))
            baseline += NAME_LEADING
        baseline += SMALL_LEADING - NAME_LEADING + 1
        kind = label(unit.kind, language)
        small = f"{kind} · {unit.code}" if unit.code else kind
        if hidden_below:
            small += language.pick(f" · {hidden_below} under", f" · {hidden_below} below")
        lines.append(
            TextLine(self._fit(small, SMALL_SIZE, False), left, baseline, SMALL_SIZE, muted=True)
        )
        baseline += PERSON_LEADING + 1
        holders = [h for h in (unit.manager, unit.acting) if h is not None]
        for holder in holders:
            lines.append(TextLine(self._holder(holder), left, baseline, PERSON_SIZE))
            baseline += PERSON_LEADING
        if unit.vacant:
            text = language.pick("Vakant", "Vacant")
            lines.append(TextLine(text, left, baseline, PERSON_SIZE, bold=True, alert=True))
        return Box(
            unit.id,
            x,
            y,
            BOX_WIDTH,
            BOX_HEIGHT,
            _state(unit),
            tuple(lines),
            hidden_below,
            unit.name,
            unit.code,
        )

    def _holder(self, holder: ChartHolder) -> str:
        title = role_title(holder.role, holder.acting, self._language)
        title = title[:1].upper() + title[1:]
        return self._fit(f"{title}: {holder.person_name}", PERSON_SIZE, False)

    def _fit(self, text: str, size: float, bold: bool) -> str:
        return _elide(text, self._room, size, bold, self._measure)


def _state(unit: ChartUnit) -> BoxState:
    if unit.acting is not None:
        return BoxState.ACTING
    if unit.manager is not None:
        return BoxState.MANAGER
    return BoxState.VACANT if unit.vacant else BoxState.NONE


def _elide(text: str, room: float, size: float, bold: bool, measure: Measure) -> str:
    if measure(text, size, bold) <= room:
        return text
    while text and measure(text + "…", size, bold) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(
    text: str, room: float, size: float, bold: bool, measure: Measure, most: int
) -> list[str]:
    """The text in at most `most` lines, broken between words, the last shortened with "…"
    if it does not fit."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if measure(trial, size, bold) <= room or not current:
            current = trial
            continue
        if len(lines) == most - 1:
            current = " ".join([current, *words[index:]])
            break
        lines.append(current)
        current = word
    lines.append(current)
    lines[-1] = _elide(lines[-1], room, size, bold, measure)
    return [_elide(line, room, size, bold, measure) for line in lines]
