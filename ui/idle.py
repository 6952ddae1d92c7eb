"""Idle detection for auto-lock: any keyboard or mouse input restarts the countdown."""

# Input reaches a widget through its top-level QWindow, so the watcher filters the windows, not
# the application: an application-wide Python filter is called for every event of every object
# (thousands while a workspace is built) and made opening one 2.2x slower.

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

IDLE_LOCK_MS = 5 * 60 * 1000

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` once after *timeout_ms* without user input, while armed."""

    idle = Signal()

    def __init__(
        self,
        timeout_ms: int = IDLE_LOCK_MS,
        parent: QObject | None = None,
        timer: QTimer | None = None,
    ) -> None:
        super().__init__(parent)
        self._timer = timer if timer is not None else QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        app = QCoreApplication.instance()
        self._gui = isinstance(app, QGuiApplication)
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch_windows)
        self._watch_windows()

    def _watch_windows(self, *_: object) -> None:
        """Filter every top-level window: on arming, and when a window (a dialog) takes focus.
        Installing the filter twice on a window keeps one."""
        if self._gui:
            for window in QGuiApplication.topLevelWindows():
                window.installEventFilter(self)

    @property
    def timer(self) -> QTimer:
        return self._timer

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout(self, timeout_ms: int) -> None:
        """Apply a new delay now; a running countdown starts again from the new delay."""
        self._timer.setInterval(timeout_ms)
        if self._timer.isActive():
            self._timer.start()

    def arm(self) -> None:
        self._watch_windows()
        self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False
