"""Saves, results and new risk flags reach a screen reader as accessible announcements."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from pytestqt.qtbot import QtBot

from tests.ui.workspace_driver import idle
from ui.session import MEASURES, RISK
from ui.views.main_window import MainWindow
from ui.workspace.sessions_page import SessionsPage
from workbench.services import measures

Polite = QAccessible.AnnouncementPoliteness.Polite
Assertive = QAccessible.AnnouncementPoliteness.Assertive


@pytest.fixture
def spoken(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """What the app hands to assistive technology as announcements: (text, politeness)."""
    heard: list[tuple[str, object]] = []

    def update(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append((event.message(), event.politeness()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    return heard


def test_a_save_is_announced(
    qtbot: QtBot, course_window: MainWindow, spoken: list[tuple[str, object]]
) -> None:
    workspace = course_window.workspace
    assert workspace is not None
    index, page = workspace.page_of(SessionsPage)
    workspace.setCurrentIndex(index)
    idle(qtbot, course_window)
    page.new_button.click()
    qtbot.waitUntil(lambda: ("New session recorded.", Polite) in spoken, timeout=10_000)


def test_a_new_risk_flag_is_announced_at_once(
    qtbot: QtBot, course_window: MainWindow, spoken: list[tuple[str, object]]
) -> None:
    window = course_window
    session, workspace, view = window.session, window.workspace, window.view
    assert session is not None and workspace is not None and view is not None
    qtbot.waitUntil(lambda: view.header.name.text() != "", timeout=10_000)
    shown = view.header.risk.text()
    session.op(
        lambda vault: measures.record(
            vault, workspace.episode_id, "PHQ-9", [1] * 9, administered_on="2026-02-02"
        ),
        lambda _recorded: None,
        changes={MEASURES, RISK},
    )
    qtbot.waitUntil(lambda: view.header.risk.text() != shown, timeout=10_000)
    urgent = [text for text, politeness in spoken if politeness == Assertive]
    assert urgent == [f"New risk flag. {view.header.risk.text()}"]
    idle(qtbot, window)
    assert not [text for text, politeness in spoken if politeness == Assertive][1:]  # once
