"""Composition root: parse arguments, build the window and its task runner, run the event loop."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ui import crash
from ui.i18n import install_translators
from ui.look import apply_look, release_look
from ui.settings import AppSettings
from ui.tasks import TaskRunner
from ui.views.main_window import APP_TITLE, MainWindow
from workbench.paths import default_vault, demo_vault
from workbench.services.vaults import vault_path
from workbench.version import app_version


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ipt-workbench", description=APP_TITLE)
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version()}")
    parser.add_argument("vault", nargs="?", type=Path, help="the .iptvault folder to open")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo vault of invented clients (created when missing)",
    )
    parser.add_argument(
        "--practice",
        action="store_true",
        help="open Practice mode only: fictional cases, no clinical vault",
    )
    return parser.parse_args(argv)


def own_vault(settings: AppSettings) -> Path | None:
    """The user's own vault to offer first: the last one opened, else the default one."""
    demo = vault_path(demo_vault()).absolute()
    for folder in [*settings.recent_vaults(), vault_path(default_vault())]:
        if folder.absolute() != demo and (folder / "keyslots.json").exists():
            return folder
    return None


def start(window: MainWindow, args: argparse.Namespace) -> None:
    """Show the first page: demo, the given vault, the user's own vault, or the first-run page."""
    if args.demo:
        window.open_demo()
    elif args.vault is not None:
        window.show_unlock(vault_path(args.vault))
    elif (folder := own_vault(window.settings)) is not None:
        window.show_unlock(folder)
    else:
        window.show_first_run()


def build_window(
    argv: list[str], *, idle_ms: int | None = None, settings: AppSettings | None = None
) -> MainWindow:
    """The main window wired to its own task runner, on its first page (needs a QApplication).

    An explicit *idle_ms* (tests, screenshots) wins over the idle minutes in the settings.
    """
    args = parse_args(argv)
    apply_look()  # contrast-checked palette and focus ring, for the window and its dialogs
    settings = settings or AppSettings()
    if idle_ms is None:
        idle_ms = settings.idle_minutes() * 60_000
    runner = TaskRunner()
    window = MainWindow(runner, idle_ms=idle_ms, settings=settings)
    runner.setParent(window)
    settings.restore_window(window)
    start(window, args)
    return window


DESKTOP_ID = "org.iptworkbench.IPTWorkbench"  # packaging/linux/<id>.desktop
APP_ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "ipt-workbench.svg"
FIRST_PAGE_EXIT = "IPT_WORKBENCH_FIRST_PAGE_EXIT"  # packaging smoke test: cold start, then quit


def quit_when_shown(app: QCoreApplication, window: MainWindow) -> None:
    """Once the event loop has shown the window, name its first page on stdout and quit."""

    def report() -> None:
        print(f"first page: {type(window.current_page()).__name__}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)


def main(argv: list[str]) -> int:
    """Run the desktop app; returns the process exit code."""
    os.umask(0o077)  # every file the app creates is private to the user
    crash.install()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "ipt-workbench"])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_TITLE)
    app.setDesktopFileName(DESKTOP_ID)  # Wayland matches the window to the menu entry and icon
    app.setWindowIcon(QIcon(str(APP_ICON)))
    install_translators(app)
    if parse_args(argv).practice:
        from ui.practice.launch import open_practice

        practice = open_practice()  # no main window: no vault is looked for, created or unlocked
        if os.environ.get(FIRST_PAGE_EXIT):
            shown = f"first page: {type(practice).__name__}"
            QTimer.singleShot(0, lambda: (print(shown, flush=True), app.quit()))
        return int(app.exec())
    window = build_window(argv)
    window.show()
    if os.environ.get(FIRST_PAGE_EXIT):
        quit_when_shown(app, window)
    status = int(app.exec())
    release_look(app)  # the Python-made style goes while Python is still there
    return status
