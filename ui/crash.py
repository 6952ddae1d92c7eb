"""Unexpected errors: a plain message to the user, a traceback without values on stderr."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from ui.i18n import QT_TRANSLATE_NOOP, translate

USER_MESSAGE = QT_TRANSLATE_NOOP(
    "Crash",
    "Something unexpected went wrong. Everything already saved is safe. "
    "If it happens again, please report it; the details written to the terminal contain "
    "no client data.",
)


def private_traceback(kind: type[BaseException], tb: TracebackType | None) -> str:
    """Where it failed (files, lines, functions) and the error type, but never its message:
    exception text can quote a record."""
    frames = traceback.extract_tb(tb)
    lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
    return "Traceback (values omitted):\n" + "\n".join(lines) + f"\n{kind.__name__}\n"


def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    sys.stderr.write(private_traceback(kind, tb))
    if QApplication.instance() is not None:
        title = translate("Crash", "IPT Workbench")
        QMessageBox.critical(None, title, translate("Crash", USER_MESSAGE))


def install() -> None:
    sys.excepthook = excepthook
