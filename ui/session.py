"""The unlocked vault as the desktop app sees it: workers, operations, change notices, the lock."""

from __future__ import annotations

import contextlib
import gc
import weakref
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.tasks import OnDone, OnError, TaskRunner
from workbench.errors import WorkbenchError
from workbench.services.held_drafts import HeldDrafts, UnsavedDraft, hold
from workbench.services.vaults import Vault

# What an operation can change; views reload when a kind they show is named.
CLIENTS = "clients"  # a client added, renamed or removed
EPISODE = "episode"  # contract, phase, checklist, lifecycle
SESSIONS = "sessions"  # sessions, notes, addenda, process notes
MEASURES = "measures"
RISK = "risk"  # flags and risk notes
RECORD = "record"  # inventory, circle, timeline, formulation, plan
ALL_KINDS = frozenset({CLIENTS, EPISODE, SESSIONS, MEASURES, RISK, RECORD})
# The caseload row and the status line summarise these.
SUMMARY_KINDS = frozenset({CLIENTS, EPISODE, SESSIONS, MEASURES, RISK})


class VaultSession(QObject):
    """Owns the open vault and its two workers, from unlock to lock.

    - `op(work, on_done, changes=...)` runs *work(vault)* on the serial database worker; once it
      succeeded, `changed(kinds, origin)` is emitted once, after *on_done*.
    - `latest(key, work, on_done)` is a read whose answer is dropped when a newer read with the
      same key was started (latest answer wins), or when the session locked meanwhile.
    - `render(work, on_done)` runs CPU work (PDF building, encryption) on a second worker, so a
      long export never queues the database behind it.
    - `close()` emits `locking` (every view drops what it shows), stops both workers, seals the
      drafts a view could not save and closes the vault.
    """

    changed = Signal(frozenset, object)  # kinds, the object that asked (None if unknown)
    locking = Signal()
    message = Signal(str)

    def __init__(
        self, vault: Vault, db: TaskRunner, cpu: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self.db = db
        self.cpu = cpu
        self._tickets: dict[object, int] = {}
        self._released: weakref.WeakSet[object] = weakref.WeakSet()
        self._next_ticket = 0
        self.held: HeldDrafts | None = None  # drafts the lock sealed (set by `close`)

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            raise WorkbenchError("The vault is locked.")
        return self._vault

    @property
    def is_open(self) -> bool:
        return self._vault is not None

    def op(
        self,
        work: Callable[[Vault], Any],
        on_done: OnDone | None = None,
        *,
        changes: Iterable[str] = (),
        origin: object = None,
        on_error: OnError | None = None,
        description: str = "",
    ) -> int:
        """Change (or read) the vault on the serial worker; announce *changes* on success."""
        kinds = frozenset(changes)
        unknown = kinds - ALL_KINDS
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")
        vault = self.vault
        return self.db.submit(
            partial(work, vault),
            partial(self._done, kinds, origin, on_done),
            partial(self._failed, origin, on_error or self._report),
            description=description,
        )

    def latest(
        self,
        key: object,
        work: Callable[[Vault], Any],
        on_done: OnDone,
        *,
        on_error: OnError | None = None,
    ) -> None:
        """A read whose answer counts only if no newer read with *key* was started since."""
        self._next_ticket += 1
        ticket = self._tickets[key] = self._next_ticket
        vault = self.vault
        self.db.submit(
            partial(work, vault),
            partial(self._if_current, key, ticket, on_done),
            partial(self._if_current, key, ticket, on_error or self._report),
        )

    def release(self, owner: object) -> None:
        """*owner* is going away: its reads and the callbacks of its operations are dropped.

        Its operations still run and still announce their changes; only the answers are lost.
        Read keys are `(owner, name)` tuples.
        """
        self._released.add(owner)
        for key in [k for k in self._tickets if isinstance(k, tuple) and k and k[0] is owner]:
            del self._tickets[key]

    def render(self, work: Callable[[], Any], on_done: OnDone, on_error: OnError) -> int:
        """CPU work that needs no database (PDF building, encryption) on the second worker."""
        return self.cpu.submit(work, on_done, on_error)

    def _done(
        self, kinds: frozenset[str], origin: object, on_done: OnDone | None, value: Any
    ) -> None:
        if on_done is not None and not self._is_released(origin):
            on_done(value)
        if kinds and self._vault is not None:
            self.changed.emit(kinds, origin)

    def _failed(self, origin: object, on_error: OnError, error: WorkbenchError) -> None:
        if not self._is_released(origin):
            on_error(error)

    def _is_released(self, origin: object) -> bool:
        return origin is not None and origin in self._released

    def _if_current(
        self, key: object, ticket: int, callback: Callable[[Any], None], value: Any
    ) -> None:
        if self._tickets.get(key) == ticket and self._vault is not None:
            del self._tickets[key]
            callback(value)

    def _report(self, error: WorkbenchError) -> None:
        self.message.emit(error.user_message)

    def close(self, unsaved: Callable[[], list[UnsavedDraft]]) -> Vault | None:
        """The lock sequence; *unsaved* is asked, after `locking`, for drafts views kept.

        Returns the closed vault (its folder is still known), or None if already closed.
        """
        if self._vault is None:
            return None
        self.db.cancel_all()  # no query may still be running on the connection
        self.cpu.cancel_all()
        self._tickets.clear()
        self.locking.emit()  # views save drafts (synchronously, the worker is idle) and clear
        drafts = unsaved()
        vault, self._vault = self._vault, None
        if drafts:  # sealed while the key is still there; the plain text goes with `drafts`
            with contextlib.suppress(WorkbenchError):
                self.held = hold(vault, drafts)
            del drafts
        with contextlib.suppress(WorkbenchError):  # close() wipes the key whatever happens
            vault.close()
        gc.collect()
        return vault
