"""Screenshots of the Overview, Sessions, Measures and Risk pages (not a test; run by hand).

    xvfb-run -s '-screen 0 1280x800x24' /work/venv/bin/python tests/ui/workspace/shoot_pages.py \
        [--out /tmp/ws-shots] [--width 1280] [--height 800]

Builds each page in a QMainWindow on a temporary vault filled with the fictional course of
tests/reports/course.py, in the light and a dark palette, and saves PNGs to --out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from tests.reports.course import record_course  # noqa: E402
from tests.support import FAST_KDF, PASSPHRASE  # noqa: E402
from tests.ui.session_support import session_for  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402
from ui.workspace.base import WorkspacePage  # noqa: E402
from ui.workspace.measures_page import MeasuresPage  # noqa: E402
from ui.workspace.overview_page import OverviewPage  # noqa: E402
from ui.workspace.risk_page import RiskPage  # noqa: E402
from ui.workspace.sessions_page import SessionsPage  # noqa: E402
from workbench.services import episodes  # noqa: E402
from workbench.store.vault import Vault  # noqa: E402


def wait(ms: int) -> None:
    """Run the event loop for *ms* (a tight processEvents() loop would also do, but each call
    costs PySide6 6.12 a reference to None on Python 3.11: thousands of them abort)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(runner: TaskRunner, ms: int = 300) -> None:
    """Wait until the worker is idle, then a little longer for layouts to settle."""
    for _ in range(200):
        if not runner.busy:
            break
        wait(50)
    wait(ms)


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2b2b2b",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Mid: "#5a5a5a",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


Scene = Callable[[WorkspacePage, TaskRunner], None]


def _signed_session(page: WorkspacePage, runner: TaskRunner) -> None:
    """Session 2 with an addendum, scrolled down to the addenda."""
    assert isinstance(page, SessionsPage)
    page.table.selectRow(1)
    settle(runner)
    page.addenda.text.setPlainText("Correction: the visit was on Saturday, not Sunday.")
    page.add_addendum()
    settle(runner)
    page.pane.scroll_area.ensureWidgetVisible(page.addenda.add_button)


def _process_notes(page: WorkspacePage, runner: TaskRunner) -> None:
    assert isinstance(page, SessionsPage)
    page.process.text.setPlainText("I felt impatient when she changed the subject again.")
    page.save_process_note()
    settle(runner)
    page.tabs.setCurrentIndex(1)


def _phq9_answers(page: WorkspacePage, _runner: TaskRunner) -> None:
    assert isinstance(page, MeasuresPage)
    for n, value in enumerate([2, 2, 1, 2, 1, 1, 1, 0], start=1):
        page.form.answer(n, value)


def _phq9_recorded(page: WorkspacePage, runner: TaskRunner) -> None:
    """Recorded with item 9 endorsed: the flag text and where to act."""
    assert isinstance(page, MeasuresPage)
    for n, value in enumerate([2, 2, 1, 2, 1, 1, 1, 0, 1], start=1):
        page.form.answer(n, value)
    page.record()
    settle(runner)


def _hamd(page: WorkspacePage, _runner: TaskRunner) -> None:
    assert isinstance(page, MeasuresPage)
    page.instrument.setCurrentIndex(page.instrument.findData("HAM-D-17"))


def _epds(page: WorkspacePage, _runner: TaskRunner) -> None:
    assert isinstance(page, MeasuresPage)
    page.instrument.setCurrentIndex(page.instrument.findData("EPDS"))


SHOTS: list[tuple[str, type[WorkspacePage], Scene | None]] = [
    ("overview", OverviewPage, None),
    ("sessions-draft", SessionsPage, None),
    ("sessions-signed", SessionsPage, _signed_session),
    ("sessions-process", SessionsPage, _process_notes),
    ("measures-phq9", MeasuresPage, _phq9_answers),
    ("measures-flag", MeasuresPage, _phq9_recorded),
    ("measures-hamd", MeasuresPage, _hamd),
    ("measures-epds", MeasuresPage, _epds),
    ("risk", RiskPage, None),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/ws-shots"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    light = app.palette()
    runner = TaskRunner()
    for theme, palette in (("light", light), ("dark", dark_palette())):
        app.setPalette(palette)
        with tempfile.TemporaryDirectory() as folder:  # the same course for both themes
            vault, _ = Vault.create(Path(folder) / "shots", PASSPHRASE, kdf=FAST_KDF)
            client = record_course(vault, sessions_held=12)
            episode_id = episodes.current_episode(vault, client).id
            for name, page_class, scene in SHOTS:
                window = QMainWindow()
                page = page_class(session_for(vault, runner), client, episode_id)
                window.setCentralWidget(page)
                window.setWindowTitle(page.title)
                window.resize(args.width, args.height)
                window.show()
                page.reload()
                settle(runner)
                if scene is not None:
                    scene(page, runner)
                    settle(runner)
                path = args.out / f"{name}-{theme}-{args.width}.png"
                window.grab().save(str(path))
                print(path)
                page.clear()
                window.close()
                window.deleteLater()
                settle(runner, 50)
            runner.cancel_all()
            vault.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
