"""Open the one Practice window from anywhere (first run, the main menu, `--practice`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:  # the window is imported when first opened, not at the app's start-up
    from ui.practice.window import PracticeWindow

_open: list[PracticeWindow] = []  # the window alive now, kept so Python does not collect it


def open_practice() -> PracticeWindow:
    """Show the Practice window (raising it if it is already open); no vault is involved."""
    if _open:
        window = _open[0]
    else:
        from ui.practice.window import PracticeWindow

        window = PracticeWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_: _open.clear())
        _open.append(window)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def practice_window() -> PracticeWindow | None:
    """The open Practice window, if any."""
    return _open[0] if _open else None
