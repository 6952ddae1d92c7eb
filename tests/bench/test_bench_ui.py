"""Desktop responsiveness at 10,000 clients: caseload after unlock, search keystrokes, workspace.

Run with: pytest -m bench -s tests/bench
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.bench.conftest import SECRET
from ui.models.caseload_model import CaseloadModel
from ui.tasks import TaskRunner
from ui.views.caseload import CaseloadPage
from ui.views.workspace_view import ClientWorkspace
from workbench.services import caseload, episodes
from workbench.store.vault import Vault

pytestmark = pytest.mark.bench
TYPED = ("Kovács", "Παπαδοπούλου", "Смирнова", "Whitfield", "Nguyễn")


def test_desktop_stays_responsive(qtbot: QtBot, big_vault: Path) -> None:
    vault = Vault.unlock(big_vault, SECRET)
    runner = TaskRunner()
    try:
        start = time.perf_counter()
        page = CaseloadPage(vault, runner)
        qtbot.addWidget(page)
        page.show()
        page.start()
        qtbot.waitUntil(lambda: page.clients.model.rowCount() >= 10_000, timeout=10_000)
        usable = time.perf_counter() - start

        model = CaseloadModel()
        keystrokes = []
        for name in TYPED:
            for end in range(1, len(name) + 1):
                t = time.perf_counter()
                model.set_rows(caseload.find_clients(vault, name[:end]))
                keystrokes.append(time.perf_counter() - t)

        opened = []
        summaries = caseload.find_clients(vault)[::1000]
        for client in summaries:
            t = time.perf_counter()
            episode = episodes.current_episode(vault, client.id)
            workspace = ClientWorkspace(vault, runner, client.id, episode.id)
            qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
            opened.append(time.perf_counter() - t)
            workspace.clear()
            workspace.deleteLater()
    finally:
        runner.cancel_all()
        vault.close()
    keystroke_ms = statistics.median(keystrokes) * 1000
    open_ms = statistics.median(opened) * 1000
    print(
        f"\n[bench] caseload of 10,000 shown {usable * 1000:.0f} ms after unlock (target ≤ 1000)"
        f"\n[bench] search keystroke (query + model) median {keystroke_ms:.1f} ms, "
        f"max {max(keystrokes) * 1000:.1f} ms over {len(keystrokes)} keystrokes (target ≤ 50)"
        f"\n[bench] open a client's workspace median {open_ms:.0f} ms (target ≤ 200)"
    )
