"""Screenshots of the inventory, timeline, formulation, plan and audit pages (light and dark).

Run under Xvfb:  xvfb-run -s '-screen 0 1280x800x24' /work/venv/bin/python \
    tests/ui/workspace/shoot_pages_2.py [OUT_DIR]   (default /tmp/ws-shots2)
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDeadlineTimer, QEventLoop, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QStyleFactory  # noqa: E402

from tests.reports.course import record_course  # noqa: E402
from tests.support import FAST_KDF, PASSPHRASE  # noqa: E402
from tests.ui.session_support import session_for  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402
from ui.workspace.audit_page import AuditPage  # noqa: E402
from ui.workspace.base import WorkspacePage  # noqa: E402
from ui.workspace.formulation_page import FormulationPage  # noqa: E402
from ui.workspace.inventory_page import InventoryPage  # noqa: E402
from ui.workspace.plan_page import PlanPage  # noqa: E402
from ui.workspace.timeline_page import TimelinePage  # noqa: E402
from workbench.services import episodes  # noqa: E402
from workbench.store.vault import Vault  # noqa: E402

SIZES = {"wide": (1280, 800), "pane": (900, 720)}


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202020",
        QPalette.ColorRole.WindowText: "#f0f0f0",
        QPalette.ColorRole.Base: "#2b2b2b",
        QPalette.ColorRole.AlternateBase: "#323232",
        QPalette.ColorRole.Text: "#f0f0f0",
        QPalette.ColorRole.Button: "#2d2d2d",
        QPalette.ColorRole.ButtonText: "#f0f0f0",
        QPalette.ColorRole.Highlight: "#2f6fb0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2b2b",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def settle(runner: TaskRunner, ready: Callable[[], bool]) -> None:
    """Process events until *ready()* and the worker is idle (at most ten seconds)."""
    deadline = QDeadlineTimer(10_000)
    while not (ready() and not runner.busy) and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QApplication.processEvents()


def shoot(window: QMainWindow, out: Path, name: str) -> None:
    QApplication.processEvents()
    path = out / f"{name}.png"
    window.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ws-shots2")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle(QStyleFactory.create("Fusion"))
    light = app.palette()
    with tempfile.TemporaryDirectory() as folder:
        vault, _ = Vault.create(Path(folder) / "shots", PASSPHRASE, kdf=FAST_KDF)
        client = record_course(vault, sessions_held=12)
        episode = episodes.current_episode(vault, client).id
        runner = TaskRunner()
        for theme, palette in (("light", light), ("dark", dark_palette())):
            app.setPalette(palette)
            for size_name, (width, height) in SIZES.items():
                if theme == "dark" and size_name != "wide":
                    continue
                suffix = f"{theme}-{size_name}"
                for cls in (InventoryPage, TimelinePage, FormulationPage, PlanPage, AuditPage):
                    window = QMainWindow()
                    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
                    page: WorkspacePage = cls(session_for(vault, runner), client, episode)
                    window.setCentralWidget(page)
                    window.resize(width, height)
                    window.show()
                    page.reload()
                    settle(runner, lambda p=page: bool(getattr(p, "loaded", True)))
                    stem = cls.__name__.removesuffix("Page").lower()
                    extra_shots(page, window, runner, out, stem, suffix)
                    if not isinstance(page, InventoryPage):  # its two tabs are shot above
                        shoot(window, out, f"{stem}-{suffix}")
                    page.clear()
                    window.close()
                    window.deleteLater()
                    QApplication.processEvents()
        runner.cancel_all()
        vault.close()
    return 0


def extra_shots(
    page: WorkspacePage, window: QMainWindow, runner: TaskRunner, out: Path, stem: str, suffix: str
) -> None:
    """Second views: the circle tab with the compare view, a selected event, the WMK rule-outs."""
    if isinstance(page, InventoryPage):
        page.table.selectRow(0)
        shoot(window, out, f"{stem}-people-{suffix}")
        page.tabs.setCurrentWidget(page.circle)
        page.circle.compare.setChecked(True)
        ids = [page.model.person_id(r) for r in range(page.model.rowCount())]
        if ids:
            page.circle.editor.move_person(ids[0], 1)
        shoot(window, out, f"{stem}-circle-{suffix}")
    if isinstance(page, TimelinePage):
        page.table.selectRow(0)
    if isinstance(page, FormulationPage):
        page.primary.setCurrentIndex(page.primary.findData("interpersonal_deficits"))
        page.save()
        settle(runner, lambda: page.error.isVisible())
        shoot(window, out, f"{stem}-refused-{suffix}")
        page.reload()
        settle(runner, lambda: page.primary.currentData() == "role_dispute")


if __name__ == "__main__":
    raise SystemExit(main())
