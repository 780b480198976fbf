"""The organisation tree as a lazily fetched QAbstractItemModel.

Each level is one query (children plus whether they have children of their own); a level is
fetched only when it is expanded. After an edit, `refresh()` re-reads the levels already
fetched and merges the difference, so expansion and selection survive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from nacka_desktop.domain.language import Language
from nacka_desktop.services.org.queries import OrgQueries, TreeRow
from nacka_desktop.ui.shell.icons import unit_icon

UNIT_MIME_TYPE = "application/x-nacka-unit-id"
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT_KIND_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    row: TreeRow | None  # None for the invisible root
    parent: _Node | None
    children: list[_Node] | None = None  # None until fetched

    @property
    def unit_id(self) -> int | None:
        return self.row.id if self.row else None

    def row_in_parent(self) -> int:
        assert self.parent is not None and self.parent.children is not None
        return self.parent.children.index(self)


class OrgTreeModel(QAbstractItemModel):
    moveRequested = Signal(int, int)  # unit id, new parent id
    renameRequested = Signal(int, str)

    def __init__(self, queries: OrgQueries, on: date, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._queries = queries
        self._on = on
        self._include_closed = False
        self._root = _Node(None, None)
        self.language = Language.SWEDISH

    # -- configuration -------------------------------------------------------------------
    def set_view_date(self, on: date, include_closed: bool) -> None:
        self.beginResetModel()
        self._on = on
        self._include_closed = include_closed
        self._root = _Node(None, None)
        self.endResetModel()

    @property
    def view_date(self) -> date:
        return self._on

    # -- structure -----------------------------------------------------------------------
    def _node(self, index: Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row_in_parent(), 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node.children is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        node = self._node(parent)
        if node.children is not None:
            return bool(node.children)
        return node.row is None or node.row.has_children

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        return node.children is None and (node.row is None or node.row.has_children)

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node.children is not None:
            return
        rows = self._queries.tree_children(node.unit_id, self._on, self._include_closed)
        node.children = []
        if not rows:
            return
        self.beginInsertRows(parent, 0, len(rows) - 1)
        node.children = [_Node(row, node) for row in rows]
        self.endInsertRows()

    # -- data ----------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._node(index).row
        assert row is not None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = row.kind.label(self.language)
            return f"{row.name}\n{kind} · {row.code}"
        if role == Qt.ItemDataRole.DecorationRole:
            return unit_icon(row.kind)
        if role == UNIT_ID_ROLE:
            return row.id
        if role == UNIT_KIND_ROLE:
            return row.kind.value
        closed = row.valid_to is not None and row.valid_to <= self._on
        future = row.valid_from is not None and row.valid_from > self._on
        if role == Qt.ItemDataRole.FontRole and (closed or future):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and closed:
            return QBrush(QColor("#8a8a8a"))
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._node(index).row
        text = str(value).strip()
        if row is None or not text or text == row.name:
            return False
        self.renameRequested.emit(row.id, text)
        return False  # the rename command updates the tree through refresh()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsEditable
        )

    # -- drag and drop -------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [UNIT_MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        ids = [str(self._node(i).unit_id) for i in indexes if i.isValid()]
        mime.setData(UNIT_MIME_TYPE, QByteArray(",".join(ids[:1]).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(UNIT_MIME_TYPE) and parent.isValid()

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(UNIT_MIME_TYPE).data()).decode()
        target = self._node(parent).unit_id
        if not text or target is None or int(text) == target:
            return False
        self.moveRequested.emit(int(text), target)
        return False  # nothing is removed by the view; the move command refreshes the tree

    # -- finding and refreshing ----------------------------------------------------------
    def index_of_unit(self, unit_id: int, path: list[int] | None = None) -> QModelIndex:
        """The index of a unit, fetching the levels above it as needed (path: root → unit)."""
        path = path if path is not None else self._queries.unit_path(unit_id, self._on)
        parent = QModelIndex()
        for step in path:
            if self.canFetchMore(parent):
                self.fetchMore(parent)
            node = self._node(parent)
            match = next(
                (i for i, child in enumerate(node.children or []) if child.unit_id == step), None
            )
            if match is None:
                return QModelIndex()
            parent = self.index(match, 0, parent)
        return parent

    def refresh(self) -> None:
        """Re-read every fetched level and merge the changes in (insert, remove, reorder)."""
        self._refresh_node(self._root)

    def _refresh_node(self, node: _Node) -> None:
        if node.children is None:
            return
        parent_index = self._index_of_node(node)
        rows = self._queries.tree_children(node.unit_id, self._on, self._include_closed)
        wanted = {row.id: row for row in rows}
        for position in reversed(range(len(node.children))):
            if node.children[position].unit_id not in wanted:
                self.beginRemoveRows(parent_index, position, position)
                del node.children[position]
                self.endRemoveRows()
        present = {child.unit_id for child in node.children}
        for child in node.children:
            assert child.unit_id is not None
            # A fetched level is re-read by the recursion below, with proper remove/insert
            # signals; only the row (name, dates, has_children) is replaced here.
            child.row = wanted[child.unit_id]
        new_rows = [row for row in rows if row.id not in present]
        if new_rows:
            start = len(node.children)
            self.beginInsertRows(parent_index, start, start + len(new_rows) - 1)
            node.children.extend(_Node(row, node) for row in new_rows)
            self.endInsertRows()
        self._reorder(node, parent_index, [row.id for row in rows])
        if node.children:
            self.dataChanged.emit(
                self.index(0, 0, parent_index),
                self.index(len(node.children) - 1, 0, parent_index),
            )
        for child in list(node.children):
            self._refresh_node(child)

    def _reorder(self, node: _Node, parent_index: QModelIndex, order: list[int]) -> None:
        assert node.children is not None
        current = [child.unit_id for child in node.children]
        if current == order:
            return
        self.layoutAboutToBeChanged.emit()
        position = {unit_id: i for i, unit_id in enumerate(order)}
        node.children.sort(key=lambda child: position[child.unit_id])  # type: ignore[index]
        for persistent in self.persistentIndexList():
            child = persistent.internalPointer()
            if isinstance(child, _Node) and child.parent is node:
                new_index = self.createIndex(node.children.index(child), persistent.column(), child)
                self.changePersistentIndex(persistent, new_index)
        self.layoutChanged.emit()

    def _index_of_node(self, node: _Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row_in_parent(), 0, node)
