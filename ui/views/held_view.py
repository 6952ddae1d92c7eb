"""Drafts a lock could not save: kept sealed in memory, saved at the next unlock of their vault."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.tasks import TaskRunner
from workbench.services.held_drafts import HeldDrafts, Outcome, save_held
from workbench.services.vaults import Vault

Say = Callable[[str, int], None]


class HeldDraftsKeeper(QObject):
    """Holds sealed blobs only (never plain text); `save_into` tries them on their vault."""

    def __init__(self, runner: TaskRunner, say: Say, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._say = say
        self.blobs: list[HeldDrafts] = []
        self._open: Vault | None = None

    def keep(self, held: HeldDrafts) -> None:
        self.blobs.append(held)

    def save_into(self, vault: Vault) -> None:
        """Save the drafts held since a lock of *vault*; other vaults' stay held, untouched."""
        self._open = vault
        for held in self.blobs:
            if held.belongs_to(vault):
                self._runner.submit(
                    partial(save_held, vault, held),
                    partial(self._saved, held),
                    lambda error: self._say(error.user_message, 0),
                    on_discard=partial(self._saved, held),
                )
        if any(not held.belongs_to(vault) for held in self.blobs):
            self._say(
                self.tr(
                    "Text typed before an earlier lock of another vault is still held, "
                    "encrypted; it is saved when that vault is unlocked."
                ),
                15_000,
            )

    def _saved(self, held: HeldDrafts, outcome: Outcome) -> None:
        if held not in self.blobs:
            return
        index = self.blobs.index(held)
        unlocked = self._open is not None and self._open.is_open
        if outcome.left is None:
            del self.blobs[index]
            if unlocked:
                self._say(self.tr("Text typed before the lock was saved."), 15_000)
            return
        self.blobs[index] = outcome.left
        reason = outcome.error.user_message if outcome.error is not None else ""
        if unlocked:
            self._say(
                self.tr(
                    "Text typed before the lock is still not saved; it is kept encrypted and "
                    "saved at your next unlock. {0}"
                ).format(reason),
                0,
            )

    def quit_losing_them(self, parent: QWidget) -> bool:
        """Ask before quitting with held drafts: they exist only in this window's memory."""
        answer = QMessageBox.question(
            parent,
            self.tr("Quit without the unsaved text?"),
            self.tr(
                "Some text typed before the lock could not be saved (for example because the "
                "disk is full). It is kept encrypted in this window's memory only.\n\n"
                "Quit anyway and lose it? Choose No to keep the app open, free some space and "
                "unlock the vault: the text is then saved."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
