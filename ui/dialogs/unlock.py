"""The unlock page: passphrase or recovery code, checked off the UI thread; waits; restore path."""

from __future__ import annotations

import math
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.tasks import TaskRunner
from ui.widgets.page import CardPage, wrapped_label
from workbench.clock import Clock, utc_now
from workbench.errors import (
    KeySlotsDamaged,
    TooManyAttempts,
    VaultDamaged,
    VaultNotFound,
    WorkbenchError,
)
from workbench.services.vault_access import unlock_wait_seconds
from workbench.services.vaults import Vault

CONTEXT = "UnlockPage"
TITLE = QT_TRANSLATE_NOOP("UnlockPage", "Unlock the vault")
PASSPHRASE_PROMPT = QT_TRANSLATE_NOOP("UnlockPage", "Passphrase")
CODE_PROMPT = QT_TRANSLATE_NOOP("UnlockPage", "Recovery code (the word groups you wrote down)")
EMPTY_ENTRY = QT_TRANSLATE_NOOP("UnlockPage", "Type the passphrase or recovery code first.")
UNLOCKING = QT_TRANSLATE_NOOP(
    "UnlockPage", "Unlocking… checking the passphrase takes a second or two."
)
TOO_MANY = QT_TRANSLATE_NOOP("UnlockPage", "Too many wrong attempts in a row.")
NOT_FOUND = QT_TRANSLATE_NOOP(
    "UnlockPage",
    "No vault was found at that location. If you have a backup of it, choose "
    "“Restore from a backup…” below.",
)
TICK_MS = 250
# Errors after which the vault cannot be opened as it is: restoring a backup is the way on.
RESTORE_HELPS = (VaultDamaged, KeySlotsDamaged, VaultNotFound)


def _close_vault(vault: object) -> None:
    if isinstance(vault, Vault):
        vault.close()


class UnlockPage(CardPage):
    """Emits `unlocked(Vault)` or `restore_requested()`; errors stay on the page, in plain words."""

    unlocked = Signal(object)
    restore_requested = Signal()

    def __init__(
        self,
        folder: Path,
        runner: TaskRunner,
        *,
        demo_passphrase: str | None = None,
        clock: Clock = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate(CONTEXT, TITLE), "", parent)
        self._folder = folder
        self._runner = runner
        self._clock = clock
        self._busy = False
        self._wait_until: float | None = None  # clock timestamp when the next attempt is allowed
        self.fill_button: QPushButton | None = None
        self.body.addWidget(wrapped_label(self.tr("Vault: {0}").format(folder.name), self.card))

        self.notice = wrapped_label("", self.card)
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet("padding: 6px; border: 1px solid palette(highlight);")
        self.notice.hide()
        self.body.addWidget(self.notice)

        self.secret = QLineEdit(self.card)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self._set_prompt(translate(CONTEXT, PASSPHRASE_PROMPT))
        self.secret.returnPressed.connect(self.submit)
        self.body.addWidget(self.secret)

        self.use_code = QCheckBox(self.tr("Use recovery code instead"), self.card)
        self.use_code.setAccessibleName(self.tr("Use recovery code instead"))
        self.use_code.toggled.connect(self._code_toggled)
        self.unlock_button = QPushButton(self.tr("Unlock"), self.card)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.use_code)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        self.body.addLayout(row)

        self.countdown = wrapped_label("", self.card)
        self.countdown.setObjectName("countdown")
        self.countdown.hide()
        self.body.addWidget(self.countdown)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)

        if demo_passphrase is not None:
            self._add_demo_hint(demo_passphrase)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"), self.card)
        self.restore_button.setAccessibleName(self.tr("Restore this vault from a backup file"))
        self.restore_button.clicked.connect(self.restore_requested)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)
        self.body.addLayout(restore_row)
        self.finish_layout()
        self.setFocusProxy(self.secret)
        self._start_wait()  # a wait from an earlier run (or window) still applies

    def _add_demo_hint(self, passphrase: str) -> None:
        hint = wrapped_label(
            self.tr(
                "This is the demo vault: every client in it is invented. Its passphrase is: “{0}”"
            ).format(passphrase),
            self.card,
        )
        hint.setObjectName("demoHint")
        self.body.addWidget(hint)
        self.fill_button = QPushButton(self.tr("Fill in the demo passphrase"), self.card)
        self.fill_button.setAccessibleName(self.tr("Fill in the demo passphrase"))
        self.fill_button.clicked.connect(lambda: self.secret.setText(passphrase))
        self.body.addWidget(self.fill_button)

    def show_notice(self, text: str) -> None:
        """A neutral note above the field (e.g. what a restore just did)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _set_prompt(self, prompt: str) -> None:
        self.secret.setPlaceholderText(prompt)
        self.secret.setAccessibleName(prompt)

    def _code_toggled(self, use_code: bool) -> None:
        self.secret.clear()
        self._set_prompt(translate(CONTEXT, CODE_PROMPT if use_code else PASSPHRASE_PROMPT))
        self.secret.setFocus()

    def submit(self) -> None:
        """Start unlocking with what was typed; the field is cleared straight away."""
        if self._runner.busy or self._busy or self._wait_until is not None:
            return
        text = self.secret.text()
        self.secret.clear()
        if not text:
            self.show_message(translate(CONTEXT, EMPTY_ENTRY))
            return
        if self.use_code.isChecked():
            work = partial(Vault.unlock, self._folder, recovery_code=text, clock=self._clock)
        else:
            work = partial(Vault.unlock, self._folder, text, clock=self._clock)
        del text
        self._set_busy(True)
        self._runner.submit(work, self._done, self._failed, on_discard=_close_vault)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.set_busy(busy, translate(CONTEXT, UNLOCKING))
        for widget in (self.secret, self.use_code, self.fill_button, self.restore_button):
            if widget is not None:
                widget.setEnabled(not busy)
        self._update_button()

    def _update_button(self) -> None:
        self.unlock_button.setEnabled(not self._busy and self._wait_until is None)

    def _done(self, vault: object) -> None:
        self._set_busy(False)
        self.unlocked.emit(vault)

    def _failed(self, error: WorkbenchError) -> None:
        self._set_busy(False)
        if isinstance(error, TooManyAttempts):
            self.show_message(translate(CONTEXT, TOO_MANY))
        else:
            self.show_message(error.user_message)
        if isinstance(error, VaultNotFound):
            self.show_message(translate(CONTEXT, NOT_FOUND))
        if isinstance(error, RESTORE_HELPS):
            self.unlock_button.setDefault(False)
            self.restore_button.setDefault(True)
            self.restore_button.setFocus()
            return
        self._start_wait()
        self.secret.setFocus()

    # ----- waiting after too many wrong attempts --------------------------------------------

    def _start_wait(self) -> None:
        now = self._clock().timestamp()
        wait = unlock_wait_seconds(self._folder, now)
        if wait <= 0:
            return
        self._wait_until = now + wait
        self._tick()
        self._ticker.start()

    def _tick(self) -> None:
        """Count down to the next allowed attempt; the button comes back when the wait is over."""
        if self._wait_until is None:
            return
        left = self._wait_until - self._clock().timestamp()
        if left <= 0:
            self._wait_until = None
            self._ticker.stop()
            self.countdown.hide()
            self.countdown.clear()
            if self.message.text() == translate(CONTEXT, TOO_MANY):
                self.show_message("")
            self._update_button()
            return
        seconds = math.ceil(left)
        self.countdown.setText(
            self.tr("After several wrong attempts the next one must wait: try again in 1 second.")
            if seconds == 1
            else self.tr(
                "After several wrong attempts the next one must wait: try again in {0} seconds."
            ).format(QLocale().toString(seconds))
        )
        self.countdown.show()
        self._update_button()
