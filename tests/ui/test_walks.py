"""Two scripted walks through the real window, counting a user's actions (issue: one live
workspace). Newcomer: first run → new vault → first client → PHQ-9 scored (≤ 25). Routine
middle-phase session: open client → next session → PHQ-9 → structured note → sign (≤ 20)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.reports.course import record_course
from tests.support import PASSPHRASE
from tests.ui.conftest import MakeWindow, Unlock
from tests.ui.walk import Walk
from tests.ui.workspace_driver import WAIT_MS, idle, wait_for
from ui.dialogs.create_vault import CreateVaultPage
from ui.dialogs.new_client import NewClientDialog
from ui.dialogs.profile_dialog import ProfileDialog
from ui.dialogs.recovery_code import RecoveryCodePage
from ui.views.first_run import FirstRunPage
from ui.views.main_window import MainWindow
from ui.workspace.measures_page import MeasuresPage
from ui.workspace.sessions_page import SessionsPage

NEWCOMER_GOAL, ROUTINE_GOAL = 25, 20
NEW_PASSPHRASE = "lantern orchard quietly folding maps"
PHQ9 = (2, 2, 1, 2, 1, 1, 0, 1, 0)


def answer_phq9(walk: Walk, qtbot: QtBot, window: MainWindow) -> MeasuresPage:
    """Show Measures, answer the nine items on their buttons and record."""
    workspace = window.workspace
    assert workspace is not None
    index, page = workspace.page_of(MeasuresPage)
    walk.tab(workspace, index, "Measures")
    wait_for(qtbot, window, lambda: page.form.instrument.id == "PHQ-9")
    recorded = page.model.rowCount()
    for item, value in enumerate(PHQ9, start=1):
        walk.click(page.form.groups[item - 1].button(value), f"PHQ-9 item {item} = {value}")
    walk.click(page.record_button, "Record")
    wait_for(qtbot, window, lambda: page.model.rowCount() == recorded + 1)
    assert str(sum(PHQ9)) in page.notice.text()
    return page


def test_newcomer_walk(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window([])
    first = window.current_page()
    assert isinstance(first, FirstRunPage)
    walk = Walk(qtbot, "newcomer: first run to a scored PHQ-9")
    walk.click(first.create_button, "Create a new vault")
    create = window.current_page()
    assert isinstance(create, CreateVaultPage)
    walk.type(create.passphrase, NEW_PASSPHRASE, "passphrase")
    walk.type(create.confirm, NEW_PASSPHRASE, "passphrase again")
    qtbot.waitUntil(create.create_button.isEnabled, timeout=WAIT_MS)
    walk.click(create.create_button, "Create vault")
    qtbot.waitUntil(lambda: isinstance(window.current_page(), RecoveryCodePage), timeout=30_000)
    code_page = window.current_page()
    assert isinstance(code_page, RecoveryCodePage)
    code = code_page.code.text().strip()
    walk.click(code_page.written, "I have written it down")
    walk.click(code_page.continue_button, "Continue")
    walk.type(code_page.tail, "-".join(code.split("-")[-2:]), "last two groups of the code")
    walk.click(code_page.finish_button, "Continue")
    qtbot.waitUntil(lambda: window.caseload is not None, timeout=WAIT_MS)
    wait_for(qtbot, window, lambda: isinstance(window.actions_.course.dialog, ProfileDialog))
    profile = window.actions_.course.dialog
    assert isinstance(profile, ProfileDialog)
    later = profile.buttons.button(profile.buttons.StandardButton.Cancel)
    assert later is not None and later.text() == "Later"
    walk.click(later, "Later (the clinician profile, asked once)")
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)  # the dialog gave the window back

    caseload = window.caseload
    assert caseload is not None
    walk.key(caseload, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, "Ctrl+N new client")
    dialog = window.findChild(NewClientDialog)
    assert dialog is not None and dialog.isVisible()
    walk.type(dialog.given, "Ines", "given name")
    walk.type(dialog.family, "Marlowe", "family name")
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert save is not None
    walk.click(save, "Save")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT_MS)
    assert window.view is not None
    wait_for(
        qtbot,
        window,
        lambda: window.view is not None and window.view.header.name.text() == "Ines Marlowe",
    )
    answer_phq9(walk, qtbot, window)

    line = walk.report(NEWCOMER_GOAL)
    assert walk.count <= NEWCOMER_GOAL, line


def test_routine_session_walk(
    qtbot: QtBot, make_window: MakeWindow, unlock: Unlock, new_vault: Any
) -> None:
    vault, _ = new_vault("routine")
    record_course(vault, sessions_held=6)
    folder: Path = vault.folder
    vault.close()
    window = make_window([str(folder)])
    caseload = unlock(window, PASSPHRASE)
    idle(qtbot, window)
    walk = Walk(qtbot, "routine middle-phase session")

    table = caseload.clients.table
    walk.click_at(table.viewport(), table.visualRect(table.model().index(0, 0)).center(), "client")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT_MS)
    workspace = window.workspace
    assert workspace is not None
    idle(qtbot, window)
    walk.key(
        table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        "Ctrl+Shift+N next session",
    )
    _, sessions = workspace.page_of(SessionsPage)
    wait_for(qtbot, window, lambda: sessions.model.rowCount() == 7 and sessions.editor.isEnabled())
    fields = sessions.editor.fields
    walk.type(
        fields["check_in"], "Sleep better; PHQ-9 down. Argued less with her partner.", "check-in"
    )
    walk.type(
        fields["problem_area_work"],
        "Role dispute: both want fewer late shifts.",
        "problem-area work",
    )
    walk.type(fields["between_session_plan"], "Ask for one shared evening a week.", "plan")

    answer_phq9(walk, qtbot, window)

    index, _ = workspace.page_of(SessionsPage)
    walk.tab(workspace, index, "Sessions")
    wait_for(qtbot, window, lambda: sessions.pane.sign_button.isEnabled())
    walk.yes_to_next_question("sign the note")
    walk.click(sessions.pane.sign_button, "Sign note…")
    wait_for(qtbot, window, lambda: sessions.model.row_at(6).signed)
    assert "session 7 of" in window.episode_label.text()

    line = walk.report(ROUTINE_GOAL)
    assert walk.count <= ROUTINE_GOAL, line
