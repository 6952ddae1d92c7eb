"""The probe of the session object: what one page saves shows everywhere at once, no re-unlock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.workspace_driver import choose_data, show_page, wait_for
from ui.views.main_window import MainWindow
from ui.workspace.measures_page import MeasuresPage
from ui.workspace.sessions_page import SessionsPage

ITEM9_ONCE = (1, 1, 1, 1, 1, 1, 1, 1, 1)  # total 9, item 9 "several days"


def _row(window: MainWindow) -> dict[str, str]:
    caseload = window.caseload
    assert caseload is not None and window.workspace is not None
    model = caseload.clients.model
    for row in range(model.rowCount()):
        if model.row_at(row).id == window.workspace.client_id:
            heads = [
                model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            ]
            return {str(h): str(model.index(row, c).data()) for c, h in enumerate(heads)}
    raise AssertionError("the open client is not in the caseload")


def test_a_phq9_and_a_signed_note_show_everywhere_without_unlocking_again(
    qtbot: QtBot, course_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = course_window
    workspace = window.workspace
    assert workspace is not None and window.view is not None
    assert window.export_action.isEnabled()
    before = _row(window)
    header = window.view.header
    wait_for(qtbot, window, lambda: header.name.text() != "")
    flags_before = int(before["Risk flags"].split()[0]) if before["Risk flags"][:1].isdigit() else 0
    assert "session 4 of" in header.details.text()

    page = show_page(qtbot, window, MeasuresPage)
    choose_data(page.instrument, "PHQ-9")
    for item, value in enumerate(ITEM9_ONCE):
        page.form.groups[item].button(value).click()  # type: ignore[attr-defined]
    page.record_button.click()
    wait_for(qtbot, window, lambda: _row(window) != before)
    after = _row(window)
    assert after["PHQ-9"] != before["PHQ-9"], after  # the new total enters the trend
    assert after["Risk flags"] != before["Risk flags"]
    wait_for(qtbot, window, header.risk.isVisible)
    assert header.risk.text() == f"Open risk flags: {flags_before + 1}"

    sessions = show_page(qtbot, window, SessionsPage)
    sessions.table.selectRow(3)
    wait_for(qtbot, window, lambda: sessions.editor.isEnabled())
    sessions.editor.fields["check_in"].setPlainText("Mood steadier this week.")
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    sessions.pane.sign_button.click()
    wait_for(qtbot, window, lambda: sessions.model.row_at(3).signed)
    assert "open risk flag" in asked[0] and "risk note" in asked[0]  # a reminder, not a block
    monkeypatch.undo()
    sessions.new_button.click()  # session 5 starts: the caseload and status line follow
    wait_for(qtbot, window, lambda: "session 5 of" in window.episode_label.text())
    wait_for(qtbot, window, lambda: "5 of" in _row(window)["Session"])
    assert "session 5 of" in header.details.text()
    assert window.export_action.isEnabled()
