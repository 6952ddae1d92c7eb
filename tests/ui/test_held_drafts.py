"""Text a lock could not save (disk full) is held sealed, then saved at the next unlock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.reports.course import record_course
from tests.support import PASSPHRASE
from tests.ui.conftest import Unlock, widget_texts
from tests.ui.workspace_driver import idle, show_page, wait_for
from ui.dialogs.unlock import UnlockPage
from ui.views.main_window import MainWindow
from ui.workspace.risk_page import RiskPage
from ui.workspace.sessions_page import SessionsPage
from workbench.domain.episode import Contract
from workbench.errors import DiskFull
from workbench.services import episodes
from workbench.services import form_drafts as draft_service
from workbench.services import sessions as session_service
from workbench.services.form_drafts import RISK_NOTE, load_draft
from workbench.store.vault import Vault

NOTE_CANARY = "QZXHELDNOTE check-in typed before the lock"
RISK_CANARY = "QZXHELDRISK formulation typed before the lock"
SAVED = "Text typed before the lock was saved."
Answer = QMessageBox.StandardButton


class Questions:
    """The quit questions asked, and the answers to give (Yes once none is left)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answers: list[Answer] = []

    def __call__(self, _parent: object, title: str, *_args: object) -> Answer:
        self.asked.append(title)
        return self.answers.pop(0) if self.answers else Answer.Yes


@pytest.fixture(autouse=True)
def questions() -> Iterator[Questions]:
    """QMessageBox.question, patched past the test's own monkeypatch.undo() (never modal)."""
    with pytest.MonkeyPatch.context() as patch:
        answer = Questions()
        patch.setattr(QMessageBox, "question", answer)
        yield answer


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(session_service, "save_note", full)
    monkeypatch.setattr(draft_service, "save_draft", full)


def _draft_session(qtbot: QtBot, window: MainWindow) -> SessionsPage:
    page = show_page(qtbot, window, SessionsPage)
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "4")
    page.table.selectRow(row)
    wait_for(qtbot, window, lambda: page.drafts.note_id is not None)
    assert not page.editor.is_read_only()
    return page


def _type_both(qtbot: QtBot, window: MainWindow) -> None:
    """A session note and a risk note typed; the Risk tab is the one open at the lock."""
    _draft_session(qtbot, window).editor.fields["check_in"].setPlainText(NOTE_CANARY)
    qtbot.keyClicks(show_page(qtbot, window, RiskPage).form.formulation, RISK_CANARY)


def _lock(qtbot: QtBot, window: MainWindow) -> None:
    window.idle.idle.emit()
    qtbot.waitUntil(lambda: window.vault is None, timeout=10_000)
    shown = "\n".join(widget_texts())
    assert NOTE_CANARY not in shown and RISK_CANARY not in shown
    assert window.held.blobs, "the unsaved text is held"
    for held in window.held.blobs:
        for canary in (NOTE_CANARY, RISK_CANARY):
            assert canary.encode() not in held.blob
            assert b"QZXHELD" not in held.blob


def _record(window: MainWindow) -> list[str]:
    """Every message the status bar shows from now on."""
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    return messages


def _stored(vault: Vault, episode_id: int) -> tuple[str, str]:
    """The check-in of session 4's note and the risk-note draft's formulation, as stored."""
    fourth = [s for s in episodes.sessions(vault, episode_id) if s[1] == 4]
    assert fourth
    note_id = session_service.session_note_id(vault, fourth[0][0])
    assert note_id is not None
    check_in = str(session_service.get_note(vault, note_id).body.get("check_in", ""))
    risk = load_draft(vault, episode_id, RISK_NOTE, "") or {}
    return check_in, str(risk.get("risk_formulation", ""))


def test_text_a_full_disk_kept_from_the_lock_is_saved_at_the_next_unlock(
    qtbot: QtBot, course_window: MainWindow, unlock: Unlock, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = course_window
    _disk_full(monkeypatch)
    _type_both(qtbot, window)
    _lock(qtbot, window)

    monkeypatch.undo()  # space freed
    messages = _record(window)
    unlock(window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    idle(qtbot, window)
    assert SAVED in messages
    assert window.held.blobs == []
    vault, workspace = window.vault, window.workspace
    assert vault is not None and workspace is not None
    assert _stored(vault, workspace.episode_id) == (NOTE_CANARY, RISK_CANARY)

    risk = show_page(qtbot, window, RiskPage)
    wait_for(qtbot, window, lambda: risk.form.formulation.toPlainText() == RISK_CANARY)
    notes = _draft_session(qtbot, window)
    wait_for(qtbot, window, lambda: notes.editor.fields["check_in"].toPlainText() == NOTE_CANARY)


def test_when_saving_fails_again_the_text_stays_held_and_the_window_says_so(
    qtbot: QtBot, course_window: MainWindow, unlock: Unlock, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = course_window
    _disk_full(monkeypatch)
    _type_both(qtbot, window)
    _lock(qtbot, window)
    first = list(window.held.blobs)

    messages = _record(window)
    unlock(window, PASSPHRASE)  # the disk is still full
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    idle(qtbot, window)
    assert SAVED not in messages
    assert any("still not saved" in m and DiskFull.message in m for m in messages)
    assert len(window.held.blobs) == 1 and window.held.blobs != first  # sealed again, fresh nonce

    _lock(qtbot, window)
    monkeypatch.undo()
    unlock(window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    idle(qtbot, window)
    assert window.held.blobs == []
    vault, workspace = window.vault, window.workspace
    assert vault is not None and workspace is not None
    assert _stored(vault, workspace.episode_id) == (NOTE_CANARY, RISK_CANARY)


def test_another_vault_unlocked_leaves_the_held_text_alone(
    qtbot: QtBot,
    course_window: MainWindow,
    unlock: Unlock,
    new_vault: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = course_window
    other, _ = new_vault("other")
    record_course(other, sessions_held=2)
    other.close()
    _disk_full(monkeypatch)
    _type_both(qtbot, window)
    _lock(qtbot, window)
    held = list(window.held.blobs)
    monkeypatch.undo()

    messages = _record(window)
    window.show_unlock(other.folder)
    unlock(window, PASSPHRASE)
    idle(qtbot, window)
    assert window.held.blobs == held  # neither applied nor dropped
    assert SAVED not in messages
    assert any("another vault" in m for m in messages)


def test_quitting_with_held_text_asks_first_and_keeping_it_open_offers_the_unlock(
    qtbot: QtBot,
    course_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    questions: Questions,
) -> None:
    window = course_window
    _disk_full(monkeypatch)
    _type_both(qtbot, window)
    questions.answers.append(Answer.No)

    window.close()  # the close itself cannot save: the text is held, the user is asked
    assert len(questions.asked) == 1
    assert window.isVisible()
    assert window.vault is None and window.held.blobs
    assert isinstance(window.current_page(), UnlockPage)
    shown = "\n".join(widget_texts())
    assert NOTE_CANARY not in shown and RISK_CANARY not in shown

    window.close()  # asked again; Yes: quit, and the held bytes go with the window
    assert len(questions.asked) == 2
    assert not window.isVisible()
    assert window.held.blobs == []


def test_a_client_with_unsaved_text_is_not_closed_by_choosing_another(
    qtbot: QtBot, course_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = course_window
    vault = window.vault
    assert vault is not None
    other = episodes.add_client(vault, "Quill", "Ostrander")
    episodes.open_episode(vault, other, Contract("WMK", 12), "2026-02-02")
    course = window.workspace.client_id
    _disk_full(monkeypatch)
    _draft_session(qtbot, window).editor.fields["check_in"].setPlainText(NOTE_CANARY)
    messages = _record(window)

    window.view._open_workspace(other, episodes.current_episode(vault, other).id)
    assert window.workspace.client_id == course  # kept open: nothing typed is dropped
    assert any("could not be saved yet" in m for m in messages)
    assert NOTE_CANARY in "\n".join(widget_texts())

    monkeypatch.undo()  # space freed
    window.view._open_workspace(other, episodes.current_episode(vault, other).id)
    assert window.workspace.client_id == other
    idle(qtbot, window)
    assert _stored(vault, episodes.current_episode(vault, course).id)[0] == NOTE_CANARY
