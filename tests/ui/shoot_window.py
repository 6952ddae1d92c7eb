"""Screenshots of every page of the real window, light and dark (run by hand or CI).

    xvfb-run -s '-screen 0 1280x800x24' .venv/bin/python tests/ui/shoot_window.py \
        [--out docs/screenshots] [--only light] [--size 1280x800]

The small laptop size: `-screen 0 1024x700x24` with `--size 1024x700`.

Drives the app as a clinician would on a fresh machine: first run, create a vault, the recovery
code, then a caseload of invented clients with one full 12-session course, every workspace page,
the dialogs, the course actions (profile, renegotiation, ending review, IPT-M, new
episode, the course line), the lock, and practice mode. Grabs the whole X screen so dialogs are in
the picture. Everything happens in a temporary IPT_WORKBENCH_HOME that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.reports.course import CLIENT, record_course  # noqa: E402
from tests.support import FAST_KDF  # noqa: E402
from tests.ui.shoot_course import shoot_course  # noqa: E402
from tests.ui.workspace.shoot_pages import dark_palette, settle, wait  # noqa: E402
from ui.practice.launch import open_practice  # noqa: E402
from ui.views.main_window import MainWindow  # noqa: E402
from ui.workspace.inventory_page import InventoryPage  # noqa: E402
from workbench.demo.build import fill_demo  # noqa: E402
from workbench.store import keyslots  # noqa: E402
from workbench.store import vault as vault_module  # noqa: E402

SIZE = [1280, 800]  # --size WxH
SHOT_PASSPHRASE = "amber lantern quietly folds ninety paper cranes"  # invented


class Shooter:
    """Saves numbered PNGs of the whole screen."""

    def __init__(self, out: Path, theme: str) -> None:
        self.out, self.theme, self.count = out, theme, 0

    def __call__(self, name: str) -> None:
        wait(250)
        self.count += 1
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0, 0, 0, *SIZE)
        path = self.out / f"{self.count:02d}-{name}-{self.theme}.png"
        image.save(str(path))
        print(path)


def _page(window: MainWindow) -> QWidget | None:
    return window.current_page()


def _wait_for(condition: object, ms: int = 20_000) -> None:
    for _ in range(ms // 50):
        if callable(condition) and condition():
            return
        wait(50)
    raise TimeoutError("the window did not reach the expected page")


def shoot_theme(window: MainWindow, shoot: Shooter) -> None:
    runner = window._runner
    window.show_first_run()
    shoot("first-run")

    window.show_create()
    page = _page(window)
    for field in ("passphrase", "confirm"):
        getattr(page, field).setText(SHOT_PASSPHRASE)
    wait(1200)  # the strength meter scores after a pause in typing
    shoot("create-vault")
    page.submit()  # type: ignore[union-attr]
    _wait_for(lambda: window.vault is not None)
    settle(runner)
    shoot("recovery-code")

    vault = window.vault
    assert vault is not None
    client = record_course(vault, sessions_held=12)
    fill_demo(vault, 40, seed=3)
    window.enter_vault(vault)
    caseload = window.caseload
    assert caseload is not None
    settle(runner)
    table = caseload.clients.table
    model = table.model()
    row = next(
        r
        for r in range(model.rowCount())
        if CLIENT[1] in str(model.index(r, 0).data()) or CLIENT[1] in str(model.index(r, 1).data())
    )
    table.selectRow(row)
    _wait_for(lambda: window.workspace is not None and window.workspace.client_id == client)
    workspace = window.workspace
    assert workspace is not None
    for index in range(workspace.count()):
        workspace.setCurrentIndex(index)
        settle(runner, 400)
        name = workspace.tabText(index).replace("&", "").lower().replace(" ", "-")
        shoot(f"workspace-{index + 1}-{name}")
        page = workspace.pages[index]
        if isinstance(page, InventoryPage):
            page.tabs.setCurrentIndex(1)
            settle(runner, 400)
            shoot(f"workspace-{index + 1}-closeness-circle")

    caseload.tabs.setCurrentWidget(caseload.notes)
    caseload.notes.search.setText("sister")
    settle(runner, 600)
    shoot("search-notes")
    caseload.tabs.setCurrentWidget(caseload.clients)
    table.selectRow(row)
    settle(runner)

    window.show_new_client()
    settle(runner)
    shoot("new-client")
    if window._new_client is not None:
        window._new_client.reject()
    settle(runner)
    window.show_export()
    settle(runner)
    shoot("export")
    if window.export_dialog is not None:
        window.export_dialog.reject()
    settle(runner)

    window.show_preferences()
    settle(runner)
    shoot("preferences")
    if window.preferences_dialog is not None:
        window.preferences_dialog.reject()
    settle(runner)

    shoot_course(window, shoot, SIZE)
    settle(runner)

    window.lock()
    settle(runner)
    shoot("locked")

    practice = open_practice()
    practice.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    practice.setGeometry(0, 0, *SIZE)
    practice.show()
    settle(practice.runner)
    shoot("practice-cases")
    practice.open_case("G")
    settle(practice.runner)
    shoot("practice-case-g")
    practice.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--only", choices=("light", "dark"))
    parser.add_argument("--size", default="1280x800", help="window size, e.g. 1024x700")
    args = parser.parse_args()
    SIZE[:] = [int(part) for part in args.size.lower().split("x")]
    args.out.mkdir(parents=True, exist_ok=True)
    vault_module.tune_kdf = lambda: FAST_KDF  # screenshots need no tuned Argon2id
    keyslots.KDF_FLOOR = FAST_KDF  # ... and accept it below the app's floor, as the tests do
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    light = app.palette()
    from ui.app import build_window

    for theme, palette in (("light", light), ("dark", dark_palette())):
        if args.only and theme != args.only:
            continue
        app.setPalette(palette)
        with tempfile.TemporaryDirectory() as home:
            os.environ["IPT_WORKBENCH_HOME"] = home
            window = build_window([], idle_ms=3_600_000)
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            window.setGeometry(0, 0, *SIZE)
            window.show()
            shoot_theme(window, Shooter(args.out, theme))
            window.close()
            window.deleteLater()
            wait(200)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
