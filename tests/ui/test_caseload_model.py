"""Item models: Qt's model checks, what each column shows, and sorting through the proxy."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from ui.models.caseload_model import NAME_COLUMN as NAME
from ui.models.caseload_model import CaseloadModel
from ui.models.note_hits_model import NoteHitsModel
from ui.models.rows import SORT_ROLE
from ui.widgets.date_fields import show_date
from workbench.domain.caseload import ClientSummary, NoteHit
from workbench.domain.phase import Phase

ROWS = [
    ClientSummary(1, "C-AAAAAA", "Imogen Ashworth", Phase.MIDDLE, 5, 12, 0, 9, 12, "2026-12-01"),
    ClientSummary(2, "C-BBBBBB", "Declan Hollis", Phase.INITIAL, 2, 16, 2),
    ClientSummary(3, "C-CCCCCC", "Maisie Pemberton", None, 0, None, 0),
]
SESSION, RISK = 2, 4
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
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Name", "Phase", "Session", "PHQ-9", "Risk flags", "Next review", "Code"]
    review = show_date("2026-12-01")
    assert cells(model, 0) == [
        "Imogen Ashworth", "middle", "5 of 12", "9 (−3)", "0", review, "C-AAAAAA",
    ]  # fmt: skip
    assert cells(model, 1)[3:6] == ["—", "2 open", ""]
    assert cells(model, 2)[1:3] == ["no episode", "no episode"]
    assert model.client_id(1) == 2


def test_zero_risk_flags_get_no_reassuring_colour() -> None:
    model = CaseloadModel()
    model.set_rows(ROWS)
    index = model.index(0, RISK)
    for role in (
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.DecorationRole,
    ):
        assert index.data(role) is None


def test_note_hits_show_missing_values_plainly() -> None:
    model = NoteHitsModel()
    model.set_rows(HITS)
    held_on = show_date("2026-02-03")  # the system locale's short date
    assert cells(model, 0) == ["Imogen Ashworth", "4", held_on, HITS[0].excerpt]
    assert cells(model, 1)[1:3] == ["—", "—"]


def test_model_sorts_by_number_and_keeps_sorting_new_rows(qtmodeltester) -> None:
    model = CaseloadModel()
    model.set_rows(ROWS)
    model.sort(RISK, Qt.SortOrder.DescendingOrder)
    assert model.index(0, NAME).data() == "Declan Hollis"
    model.sort(SESSION, Qt.SortOrder.AscendingOrder)
    assert model.index(0, NAME).data() == "Maisie Pemberton"
    model.set_rows(list(reversed(ROWS)))  # a new filter result stays sorted by session
    assert model.index(0, NAME).data() == "Maisie Pemberton"
    qtmodeltester.check(model)
    model.sort(-1)
    assert model.index(0, NAME).data() == ROWS[-1].display_name


def test_a_proxy_can_sort_by_the_sort_role() -> None:
    model = CaseloadModel()
    model.set_rows(ROWS)
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    proxy.sort(RISK, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, NAME).data() == "Declan Hollis"
