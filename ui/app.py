"""Composition root: parse arguments, build the window and its task runner, run the event loop."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui import crash
from ui.idle import IDLE_LOCK_MS
from ui.tasks import TaskRunner
from ui.views.main_window import APP_TITLE, MainWindow
from workbench.paths import default_vault
from workbench.store.vault import vault_path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ipt-workbench", description=APP_TITLE)
    parser.add_argument("vault", nargs="?", type=Path, help="the .iptvault folder to open")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo vault of invented clients (created when missing)",
    )
    return parser.parse_args(argv)


def start(window: MainWindow, args: argparse.Namespace) -> None:
    """Show the first page: demo, the given vault, the default vault, or the first-run choice."""
    if args.demo:
        window.open_demo()
    elif args.vault is not None:
        window.show_unlock(vault_path(args.vault))
    elif vault_path(default_vault()).exists():
        window.show_unlock(vault_path(default_vault()))
    else:
        window.show_first_run()


def build_window(argv: list[str], *, idle_ms: int = IDLE_LOCK_MS) -> MainWindow:
    """The main window wired to its own task runner, on its first page (needs a QApplication)."""
    args = parse_args(argv)
    runner = TaskRunner()
    window = MainWindow(runner, idle_ms=idle_ms)
    runner.setParent(window)
    start(window, args)
    return window


def main(argv: list[str]) -> int:
    """Run the desktop app; returns the process exit code."""
    os.umask(0o077)  # every file the app creates is private to the user
    crash.install()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "ipt-workbench"])
    app.setApplicationName(APP_TITLE)
    window = build_window(argv)
    window.show()
    return int(app.exec())
