"""The window with the workspace: open a client, type a note, idle-lock, unlock back to it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.reports.course import CLIENT, record_course
from tests.support import PASSPHRASE
from ui.views.main_window import MainWindow
from ui.workspace.sessions_page import SessionsPage
from workbench.services import sessions as session_service

CANARY = "ZQXDRAFT kept through the lock"


def _open_first_client(qtbot: QtBot, window: MainWindow) -> None:
    caseload = window.caseload
    assert caseload is not None
    caseload.clients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)


def _sessions_page(qtbot: QtBot, window: MainWindow) -> SessionsPage:
    workspace = window.workspace
    assert workspace is not None
    index = next(i for i, p in enumerate(workspace.pages) if isinstance(p, SessionsPage))
    workspace.setCurrentIndex(index)
    page = workspace.pages[index]
    assert isinstance(page, SessionsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return page


def test_draft_survives_an_idle_lock_and_unlock_returns_to_it(
    qtbot: QtBot, make_window, new_vault, unlock
) -> None:
    vault, _ = new_vault("course")
    record_course(vault, sessions_held=4)  # sessions 1-3 signed, session 4 a draft
    vault.close()
    window = make_window([str(vault.folder)], idle_ms=60_000)
    unlock(window, PASSPHRASE)
    _open_first_client(qtbot, window)
    page = _sessions_page(qtbot, window)
    draft_row = next(
        r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "4"
    )
    page.table.selectRow(draft_row)
    qtbot.waitUntil(
        lambda: page.drafts.note_id is not None and not page.editor.is_read_only(), timeout=10_000
    )
    client_id = page.client_id
    tab = window.workspace.currentIndex() if window.workspace else -1
    page.editor.fields["check_in"].setPlainText(CANARY)

    window.idle.idle.emit()  # the idle timer fires (injected, no waiting)
    qtbot.waitUntil(lambda: window.vault is None)
    texts = "\n".join(_all_texts())
    assert CANARY not in texts and CLIENT[1] not in texts  # nothing survives the lock

    unlock(window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.workspace.client_id == client_id
    assert window.workspace.currentIndex() == tab
    opened = window.vault
    assert opened is not None
    qtbot.waitUntil(lambda: not window._runner.busy, timeout=10_000)  # the vault is serial
    bodies = []
    for sid, *_ in _session_rows(opened, window.workspace.episode_id):
        note_id = session_service.session_note_id(opened, sid)
        if note_id is not None:
            bodies.append(session_service.get_note(opened, note_id).body)
    assert any(body.get("check_in") == CANARY for body in bodies)


def _all_texts() -> list[str]:
    from tests.ui.conftest import widget_texts

    return widget_texts()


def _session_rows(vault, episode_id: int):  # type: ignore[no-untyped-def]
    from workbench.services import episodes

    return episodes.sessions(vault, episode_id)
