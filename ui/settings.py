"""Desktop preferences kept outside the vault: window layout, idle-lock and backup-reminder delays.

Never store anything read from a vault here (no client names, codes, paths of exports): the file
is plain text beside the vaults, in `workbench.paths.data_dir()` (IPT_WORKBENCH_HOME overrides).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from workbench.paths import data_dir

SETTINGS_NAME = "settings.ini"
IDLE_MINUTES_DEFAULT = 5
IDLE_MINUTES_RANGE = (1, 60)
BACKUP_REMINDER_DAYS_DEFAULT = 7
BACKUP_REMINDER_DAYS_RANGE = (1, 90)

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/caseload_splitter"
_IDLE = "lock/idle_minutes"
_RECENT = "vaults/recent"
_BACKUP_DAYS = "backup/reminder_days"
RECENT_MAX = 6


def settings_path() -> Path:
    return data_dir() / SETTINGS_NAME


def clamp_idle_minutes(minutes: int) -> int:
    low, high = IDLE_MINUTES_RANGE
    return max(low, min(high, minutes))


class AppSettings:
    """Typed access to the settings file; a damaged or missing value falls back to the default."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._store.fileName())

    def idle_minutes(self) -> int:
        try:
            value = int(str(self._store.value(_IDLE, IDLE_MINUTES_DEFAULT)))
        except ValueError:
            return IDLE_MINUTES_DEFAULT
        return clamp_idle_minutes(value)

    def set_idle_minutes(self, minutes: int) -> None:
        self._store.setValue(_IDLE, clamp_idle_minutes(minutes))
        self._store.sync()

    def backup_reminder_days(self) -> int:
        """Days after the last verified backup before the app reminds (once per unlock)."""
        low, high = BACKUP_REMINDER_DAYS_RANGE
        try:
            value = int(str(self._store.value(_BACKUP_DAYS, BACKUP_REMINDER_DAYS_DEFAULT)))
        except ValueError:
            return BACKUP_REMINDER_DAYS_DEFAULT
        return max(low, min(high, value))

    def set_backup_reminder_days(self, days: int) -> None:
        low, high = BACKUP_REMINDER_DAYS_RANGE
        self._store.setValue(_BACKUP_DAYS, max(low, min(high, days)))
        self._store.sync()

    def recent_vaults(self) -> list[Path]:
        """Vault folders opened lately, newest first: paths only, never anything inside them."""
        value = self._store.value(_RECENT)
        values = value if isinstance(value, list) else [value] if value else []
        return [Path(str(v)) for v in values if str(v)][:RECENT_MAX]

    def add_recent_vault(self, folder: Path) -> None:
        folder = folder.absolute()
        kept = [folder] + [p for p in self.recent_vaults() if p != folder]
        self._store.setValue(_RECENT, [str(p) for p in kept[:RECENT_MAX]])
        self._store.sync()

    def save_window(self, window: QMainWindow) -> None:
        self._store.setValue(_GEOMETRY, window.saveGeometry())
        self._store.setValue(_STATE, window.saveState())
        self._store.sync()

    def restore_window(self, window: QMainWindow) -> bool:
        """Put the window back where it was; False when nothing usable was saved."""
        geometry = self._store.value(_GEOMETRY)
        state = self._store.value(_STATE)
        restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            window.restoreState(state)
        return restored

    def save_splitter(self, splitter: QSplitter) -> None:
        # no sync() here: a drag emits many moves; Qt writes soon after, and on close
        self._store.setValue(_SPLITTER, [int(size) for size in splitter.sizes()])

    def restore_splitter(self, splitter: QSplitter) -> bool:
        value = self._store.value(_SPLITTER)
        values = value if isinstance(value, list) else [value] if value is not None else []
        try:
            sizes = [int(str(size)) for size in values]
        except ValueError:
            return False
        if len(sizes) != splitter.count() or not all(size >= 0 for size in sizes) or not any(sizes):
            return False
        splitter.setSizes(sizes)
        return True
