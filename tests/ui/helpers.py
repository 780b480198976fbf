"""Small helpers the GUI tests share: find units and persons, read what the window shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QModelIndex

from nacka_desktop.domain.rules import Violation
from nacka_desktop.services.context import Services
from nacka_desktop.ui.org.tree_model import UNIT_ID_ROLE, OrgTreeModel
from nacka_desktop.ui.shell.i18n import LanguageSwitcher
from nacka_desktop.ui.shell.main_window import MainWindow


@dataclass
class MessageBoxes:
    """What the app tried to tell the user with QMessageBox, as (kind, title, text)."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[tuple[str, str, str]]:
        return [call for call in self.calls if call[0] == kind]


def forget_language(switcher: LanguageSwitcher) -> None:
    """Take the switcher's catalogues off the application, so later tests see Swedish."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in switcher._translators:
        app.removeTranslator(translator)
    switcher._translators = []


def unit_id_by_name(services: Services, name: str) -> int:
    matches = [u.id for u in services.queries.snapshot().units.values() if u.name == name]
    assert len(matches) == 1, f"expected one unit called {name!r}, found {len(matches)}"
    return matches[0]


def person_id_by_name(services: Services, full_name: str) -> int:
    persons = services.queries.snapshot().persons.values()
    matches = [p.id for p in persons if p.full_name == full_name]
    assert len(matches) == 1, f"expected one person called {full_name!r}, found {len(matches)}"
    return matches[0]


def child_names(model: OrgTreeModel, parent: QModelIndex) -> list[str]:
    """The names the tree shows directly under `parent` (fetching the level if needed)."""
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def tree_index(window: MainWindow, name: str) -> QModelIndex:
    """The tree index of a unit, fetching the levels above it; invalid if it is not shown."""
    return window.tree_model.index_of_unit(unit_id_by_name(window.services, name))


def select_unit(window: MainWindow, name: str) -> int:
    """Click-equivalent: make the unit the tree's current item, as a user selecting it would."""
    index = tree_index(window, name)
    assert index.isValid(), f"{name} is not in the tree"
    window.tree.setCurrentIndex(index)
    unit_id = int(index.data(UNIT_ID_ROLE))
    assert window.current_object() == ("unit", unit_id)
    return unit_id


def settle_problems(window: MainWindow) -> None:
    """Let a background rule check finish and its answer reach the Problems panel."""
    window.problems_checker.wait()
    QCoreApplication.processEvents()
    assert not window.problems.checking


def problems_rows(window: MainWindow) -> list[Violation]:
    settle_problems(window)
    model = window.problems.model
    rows = [model.violation(row) for row in range(model.rowCount())]
    return [v for v in rows if v is not None]


def has_problem(window: MainWindow, rule_id: str, object_id: int) -> bool:
    return any(v.rule_id == rule_id and v.object_id == object_id for v in problems_rows(window))
