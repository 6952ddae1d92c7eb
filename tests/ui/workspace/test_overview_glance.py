"""Overview at a glance on a real vault: focus, goals, next session, change, folded phases,
and starting session 1 for a client who has none yet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel

from tests.reports.course import record_course
from tests.ui.session_support import session_for
from ui.session import EPISODE, SESSIONS
from ui.tasks import TaskRunner
from ui.workspace.overview_page import OverviewPage
from workbench.domain.episode import Contract
from workbench.protocol import load_profile
from workbench.protocol.model import Phase
from workbench.services import episodes, status
from workbench.services.glance import SHOWN_ITEMS
from workbench.store.vault import Vault


@pytest.fixture
def runner(vault: Vault) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()


def overview(qtbot, vault: Vault, runner: TaskRunner, episode_id: int) -> OverviewPage:
    page = OverviewPage(session_for(vault, runner), 1, episode_id)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.phase.text() != "" and not runner.busy)
    return page


def test_a_middle_phase_client_at_a_glance(qtbot, vault, runner):
    episode_id = episodes.current_episode(vault, record_course(vault, sessions_held=4)).id
    profile = load_profile("WMK")
    for item in profile.items_for(Phase.INITIAL):
        status.set_item(vault, episode_id, item.id, "done")
    page = overview(qtbot, vault, runner, episode_id)
    assert page.focus.text() == "Role disputes"
    assert page.goals.text().startswith("• ")
    assert page.next_session.text().startswith("Session 5 of 20 · due around")
    assert "weekly" in page.next_session.text()
    assert page.start_button.isHidden()
    assert page.risk_line.text() == "1 open flag(s): see the banner above."
    required = page.required.text()
    assert "✓ Initial phase: every required item done" in required
    for item in profile.items_for(Phase.INITIAL):
        assert item.text not in required  # a finished phase is one line
    bullets = [line for line in required.splitlines() if line.strip().startswith("•")]
    assert 0 < len(bullets) <= SHOWN_ITEMS
    assert page.items_view.isHidden()  # the full list only on request
    page.all_items_button.click()
    assert page.items_view.isVisible() and page.items_model.rowCount() > 0
    phq = page.tiles["PHQ-9"].caption.text()
    assert "−11 since the one before; −16 since the baseline (18)." in phq
    for label in page.findChildren(QLabel):
        assert label.accessibleName() in ("", label.text()), label.text()


def test_a_client_without_a_session_can_start_session_1(qtbot, vault, runner):
    client = episodes.add_client(vault, "Tamsin", "Oakes")
    episode_id = episodes.open_episode(vault, client, Contract("SR", 12), "2026-03-02")
    page = overview(qtbot, vault, runner, episode_id)
    assert page.start_button.isVisible()
    assert page.next_session.text().startswith("Session 1 is not recorded yet")
    assert page.required.text() == "The checklist starts with session 1."
    assert page.focus.text() == "Not chosen yet (Formulation page)."
    with qtbot.waitSignal(page.vault_session.changed) as changed:
        page.start_button.click()
    assert set(changed.args[0]) >= {SESSIONS, EPISODE}
    qtbot.waitUntil(lambda: "Session 1 recorded" in page.notice.text() and not runner.busy)
    assert [n for _, n, _, _ in episodes.sessions(vault, episode_id)] == [1]
    qtbot.waitUntil(lambda: page.start_button.isHidden())
    assert page.next_session.text().startswith("Session 2 of 12")
