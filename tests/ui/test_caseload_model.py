"""Item models: Qt's model checks, what each column shows, and sorting through the proxy."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from ui.models.caseload_model import CaseloadModel
from ui.models.note_hits_model import NoteHitsModel
from ui.models.rows import SORT_ROLE
from workbench.domain.caseload import ClientSummary, NoteHit
from workbench.domain.phase import Phase

ROWS = [
    ClientSummary(1, "C-AAAAAA", "Imogen Ashworth", Phase.MIDDLE, 5, 12, 0),
    ClientSummary(2, "C-BBBBBB", "Declan Hollis", Phase.INITIAL, 2, 16, 2),
    ClientSummary(3, "C-CCCCCC", "Maisie Pemberton", None, 0, None, 0),
]
HITS = [
    NoteHit(
        10,
        1,
        "Imogen Ashworth",
        4,
        "2026-02-03",
        body="Her mood lifted after the visit.",
        words=("mood",),
    ),
    NoteHit(11, 3, "Maisie Pemberton", None, None, body="Intake note.", words=("intake",)),
]


def cells(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_caseload_model_passes_qt_checks(qtmodeltester) -> None:
    model = CaseloadModel()
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_note_hits_model_passes_qt_checks(qtmodeltester) -> None:
    model = NoteHitsModel()
    model.set_rows(HITS)
    qtmodeltester.check(model)


def test_caseload_columns_show_plain_values() -> None:
    model = CaseloadModel()
    model.set_rows(ROWS)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Code", "Name", "Phase", "Session", "Risk flags"]
    assert cells(model, 0) == ["C-AAAAAA", "Imogen Ashworth", "middle", "5 of 12", "0"]
    assert cells(model, 1)[4] == "2"
    assert cells(model, 2)[2:4] == ["no episode", "no episode"]
    assert model.client_id(1) == 2


def test_zero_risk_flags_get_no_reassuring_colour() -> None:
    model = CaseloadModel()
    model.set_rows(ROWS)
    index = model.index(0, 4)
    for role in (
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.DecorationRole,
    ):
        assert index.data(role) is None


def test_note_hits_show_missing_values_plainly() -> None:
    model = NoteHitsModel()
    model.set_rows(HITS)
    assert cells(model, 0) == ["Imogen Ashworth", "4", "2026-02-03", HITS[0].excerpt]
    assert cells(model, 1)[1:3] == ["—", "—"]


def test_model_sorts_by_number_and_keeps_sorting_new_rows(qtmodeltester) -> None:
    model = CaseloadModel()
    model.set_rows(ROWS)
    model.sort(4, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data() == "Declan Hollis"
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 1).data() == "Maisie Pemberton"
    model.set_rows(list(reversed(ROWS)))  # a new filter result stays sorted by session
    assert model.index(0, 1).data() == "Maisie Pemberton"
    qtmodeltester.check(model)
    model.sort(-1)
    assert model.index(0, 1).data() == ROWS[-1].display_name


def test_a_proxy_can_sort_by_the_sort_role() -> None:
    model = CaseloadModel()
    model.set_rows(ROWS)
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    proxy.sort(4, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 1).data() == "Declan Hollis"
