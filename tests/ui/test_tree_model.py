"""The organisation tree model on its own: Qt's model contract, lazy levels, one query a level."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from nacka_desktop.domain.enums import UnitKind
from nacka_desktop.services.context import Services
from nacka_desktop.services.org.units import UnitDraft
from nacka_desktop.ui.org.tree_model import (
    UNIT_ID_ROLE,
    UNIT_KIND_ROLE,
    UNIT_MIME_TYPE,
    OrgTreeModel,
)
from tests.conftest import TODAY

from .helpers import child_names, unit_id_by_name

pytestmark = pytest.mark.gui


def fetch_levels(model: OrgTreeModel, levels: int) -> None:
    parents = [QModelIndex()]
    for _ in range(levels):
        children = []
        for parent in parents:
            if model.canFetchMore(parent):
                model.fetchMore(parent)
            children += [model.index(row, 0, parent) for row in range(model.rowCount(parent))]
        parents = children


class CountingQueries:
    """Counts the tree queries the model makes, passing them on to the real service."""

    def __init__(self, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[int | None] = []
        real = services.queries.tree_children

        def counted(parent_id: int | None, *args: Any, **kwargs: Any) -> Any:
            self.calls.append(parent_id)
            return real(parent_id, *args, **kwargs)

        monkeypatch.setattr(services.queries, "tree_children", counted)


@pytest.fixture
def model(sample_services: Services) -> OrgTreeModel:
    return OrgTreeModel(sample_services.queries, TODAY)


def test_model_passes_qt_model_checks_over_fetched_levels(model, qtmodeltester, qtlog):
    fetch_levels(model, 4)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)  # Qt's own C++ tester as well; it reports through qWarning
    fetch_levels(model, 6)
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []


def test_root_level_is_the_municipal_council(model):
    assert child_names(model, QModelIndex()) == ["Kommunfullmäktige"]
    kf = model.index(0, 0)
    assert kf.data(UNIT_KIND_ROLE) == "municipal_council"
    assert "KF" in kf.data(Qt.ItemDataRole.ToolTipRole)
    assert not model.parent(kf).isValid()


def test_levels_are_fetched_lazily(model, sample_services):
    assert model.rowCount() == 0  # nothing is read before the view asks
    assert model.hasChildren()
    model.fetchMore(QModelIndex())
    kf = model.index(0, 0)
    assert model.rowCount(kf) == 0
    assert model.hasChildren(kf)
    assert model.canFetchMore(kf)

    model.fetchMore(kf)

    assert not model.canFetchMore(kf)
    names = [model.index(row, 0, kf).data() for row in range(model.rowCount(kf))]
    assert "Kommunstyrelsen" in names
    assert "Utbildningsnämnden" in names
    ks = model.index(names.index("Kommunstyrelsen"), 0, kf)
    assert model.parent(ks) == kf
    assert ks.data(UNIT_ID_ROLE) == unit_id_by_name(sample_services, "Kommunstyrelsen")


def test_a_leaf_has_no_children_to_fetch(model, sample_services):
    leaf = model.index_of_unit(unit_id_by_name(sample_services, "Planenheten"))
    assert leaf.isValid()
    assert not model.hasChildren(leaf)
    assert not model.canFetchMore(leaf)


def test_fetching_a_level_is_one_query(model, sample_services, monkeypatch):
    queries = CountingQueries(sample_services, monkeypatch)
    model.fetchMore(QModelIndex())
    kf = model.index(0, 0)
    model.fetchMore(kf)
    assert len(queries.calls) == 2  # one per level, not one per unit
    assert model.rowCount(kf) >= 6

    model.fetchMore(kf)  # already fetched: no new query
    assert len(queries.calls) == 2


def test_revealing_a_deep_unit_costs_one_query_per_level_above_it(
    model, sample_services, monkeypatch
):
    unit_id = unit_id_by_name(sample_services, "Nattpatrullen Fisksätra")
    path = sample_services.queries.unit_path(unit_id, TODAY)
    queries = CountingQueries(sample_services, monkeypatch)

    index = model.index_of_unit(unit_id, path)

    assert index.data() == "Nattpatrullen Fisksätra"
    assert len(queries.calls) == len(path)  # root, KF, KS, SLK, … down to the unit's level


def test_units_are_dragged_by_id(model, sample_services):
    unit_id = unit_id_by_name(sample_services, "Planenheten")
    index = model.index_of_unit(unit_id)
    mime = model.mimeData([index])
    assert model.mimeTypes() == [UNIT_MIME_TYPE]
    assert bytes(mime.data(UNIT_MIME_TYPE).data()).decode() == str(unit_id)
    assert model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.supportedDropActions() == Qt.DropAction.MoveAction


def test_dropping_a_unit_on_itself_requests_nothing(model, sample_services, qtbot):
    index = model.index_of_unit(unit_id_by_name(sample_services, "Planenheten"))
    with qtbot.assertNotEmitted(model.moveRequested):
        dropped = model.dropMimeData(
            model.mimeData([index]), Qt.DropAction.MoveAction, -1, 0, index
        )
    assert dropped is False


def test_refresh_signals_removing_the_last_child_of_a_fetched_level(model, sample_services):
    """Moving the only child out of an opened unit (or undoing 'new unit' under a leaf) must
    tell the views the row is gone; a level dropped silently left dangling indexes behind
    and crashed a QTreeView (segfault) before this was fixed."""
    parent_id = unit_id_by_name(sample_services, "Hemtjänst Fisksätra")
    only_child = unit_id_by_name(sample_services, "Nattpatrullen Fisksätra")
    model.index_of_unit(only_child)  # the level under Hemtjänst Fisksätra is now fetched
    assert model.rowCount(model.index_of_unit(parent_id)) == 1
    removed: list[tuple[Any, int, int]] = []
    model.rowsAboutToBeRemoved.connect(
        lambda parent, first, last: removed.append((parent.data(UNIT_ID_ROLE), first, last))
    )

    sample_services.units.move(only_child, unit_id_by_name(sample_services, "Hemtjänst Boo"))
    model.refresh()

    parent = model.index_of_unit(parent_id)
    assert model.rowCount(parent) == 0
    assert not model.hasChildren(parent)
    assert (parent_id, 0, 0) in removed


def test_refresh_puts_a_renamed_unit_in_its_sorted_place(
    model, sample_services, qtmodeltester, qtlog
):
    """A refresh that re-sorts a level emits layoutChanged (it used to raise TypeError:
    PySide6 only lets Python emit layoutAboutToBeChanged/layoutChanged without arguments)."""
    unit_id = unit_id_by_name(sample_services, "Lön och pension")
    parent = model.index_of_unit(unit_id).parent()
    assert child_names(model, parent) == ["HR-stöd", "Lön och pension"]
    persistent = QPersistentModelIndex(model.index_of_unit(unit_id))
    qtmodeltester.check(model)
    layouts: list[str] = []
    model.layoutChanged.connect(lambda *_: layouts.append("changed"))

    sample_services.units.rename(unit_id, "Arbetsgivarservice")
    model.refresh()

    parent = model.index_of_unit(unit_id).parent()
    assert child_names(model, parent) == ["Arbetsgivarservice", "HR-stöd"]
    assert layouts
    assert persistent.row() == 0 and persistent.data() == "Arbetsgivarservice"
    assert [r.message for r in qtlog.records if "FAIL" in r.message] == []


def test_refresh_after_a_new_unit_inserts_it_in_sorted_place(model, sample_services):
    area_id = unit_id_by_name(sample_services, "Personal och organisation")
    area = model.index_of_unit(area_id)
    assert child_names(model, area) == ["Juridik- och kanslienheten", "Personalenheten"]
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))

    sample_services.units.create(
        UnitDraft("1300", "Lönecentrum", UnitKind.SUPPORT_UNIT, area_id, valid_from=TODAY)
    )
    model.refresh()

    area = model.index_of_unit(area_id)
    assert child_names(model, area) == [
        "Juridik- och kanslienheten",
        "Lönecentrum",
        "Personalenheten",
    ]
    assert len(inserted) == 1
