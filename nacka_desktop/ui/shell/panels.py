"""The search box with its results, and the Problems panel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import Violation
from nacka_desktop.services.org.queries import OrgQueries
from nacka_desktop.ui.widgets.table_models import RULE_COLUMN, ProblemsModel, SearchModel

SEARCH_DELAY_MS = 150


class SearchBox(QLineEdit):
    """Searches units and persons as you type (after a short pause); Esc clears."""

    resultsChanged = Signal(bool)  # True while there is a search to show
    activated = Signal(str, int)  # "unit" / "person", id

    def __init__(self, queries: OrgQueries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._queries = queries
        self.setPlaceholderText(self.tr("Sök enhet eller person…  (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.model = SearchModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.activated.connect(self._activate)
        self.results.clicked.connect(self._activate)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.textChanged.connect(self._text_changed)
        self.returnPressed.connect(self._activate_first)

    def set_queries(self, queries: OrgQueries) -> None:
        self._queries = queries
        self.clear()

    def _text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.model.set_hits([])
            self.resultsChanged.emit(False)

    def run_search(self) -> None:
        text = self.text().strip()
        self.model.set_hits(self._queries.search(text) if text else [])
        self.resultsChanged.emit(bool(text))

    def _activate(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None:
            self.activated.emit(hit.object_kind, hit.id)

    def _activate_first(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.run_search()
        if self.model.rowCount() > 0:
            self._activate(self.model.index(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0:
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0, 0))
            return
        super().keyPressEvent(event)


class ProblemsPanel(QWidget):
    """Every rule violation on the view date; double-click selects the object concerned, a
    click on the rule opens its page in the guide."""

    objectActivated = Signal(str, int)
    ruleHelpRequested = Signal(str)  # the rule ID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.progress = QProgressBar()
        self.progress.setObjectName("problemsProgress")
        self.progress.setRange(0, 0)  # busy: a full check reports no steps
        self.progress.setMaximumHeight(12)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.model = ProblemsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(100)  # thousands of problems: measure a sample
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 260)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        header_row = QHBoxLayout()
        header_row.addWidget(self.summary)
        header_row.addWidget(self.progress, 1)
        layout.addLayout(header_row)
        layout.addWidget(self.table, 1)
        self.checking = False
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._clicked)
        # Right-click: what a double-click does, the rule's page, the text to paste elsewhere.
        self.go_action = QAction(self.tr("Visa det som berörs"), self)
        self.rule_action = QAction(self.tr("Hjälp om regeln"), self)
        self.copy_action = QAction(self.tr("Kopiera"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.go_action, self.rule_action, self.copy_action])
        self.go_action.triggered.connect(lambda: self._activated(self.table.currentIndex()))
        self.rule_action.triggered.connect(self._help_on_current)
        self.copy_action.triggered.connect(self._copy_current)

    def set_violations(self, violations: list[Violation], language: Language) -> None:
        self.model.set_violations(violations, language)
        counts = self.model.counts()
        self.summary.setText(
            self.tr("Fel: {errors}, varningar: {warnings}, upplysningar: {infos}").format(
                errors=counts[Severity.ERROR],
                warnings=counts[Severity.WARNING],
                infos=counts[Severity.INFO],
            )
        )

    def set_checking(self, checking: bool) -> None:
        """While the rules are checked in the background the last list stays, marked as such."""
        self.checking = checking
        self.progress.setVisible(checking)
        if checking:
            self.summary.setText(self.tr("Kontrollerar reglerna…"))

    def set_failed(self, message: str) -> None:
        self.checking = False
        self.progress.hide()
        text = self.tr("Reglerna kunde inte kontrolleras: {error}")
        self.summary.setText(text.format(error=message))

    def _help_on_current(self) -> None:
        violation = self.model.violation(self.table.currentIndex().row())
        if violation is not None:
            self.ruleHelpRequested.emit(violation.rule_id)

    def _copy_current(self) -> None:
        """The row as text, its cells separated by tabs (a spreadsheet takes it as cells)."""
        row = self.table.currentIndex().row()
        if row < 0:
            return
        cells = [
            str(self.model.index(row, column).data() or "")
            for column in range(self.model.columnCount())
        ]
        QGuiApplication.clipboard().setText("\t".join(cells))

    def _clicked(self, index: QModelIndex) -> None:
        violation = self.model.violation(index.row())
        if violation is not None and index.column() == RULE_COLUMN:
            self.ruleHelpRequested.emit(violation.rule_id)

    def _activated(self, index: QModelIndex) -> None:
        violation = self.model.violation(index.row())
        if violation is not None:
            self.objectActivated.emit(violation.object_kind.value, violation.object_id)
