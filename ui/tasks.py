"""Run blocking core calls off the UI thread, one at a time; deliver results on the UI thread."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal, Slot

from workbench.errors import WorkbenchError

OnDone = Callable[[Any], None]
OnError = Callable[[WorkbenchError], None]
OnDiscard = Callable[[Any], None]
OnCancel = Callable[[], None]


class _Relay(QObject):
    """Lives on the UI thread; worker threads emit through it, so slots run on the UI thread."""

    finished = Signal(int, bool, object)


@dataclass
class _Pending:
    on_done: OnDone
    on_error: OnError
    on_discard: OnDiscard | None
    on_cancel: OnCancel | None = None
    described: bool = False
    cancelled: bool = False


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._id = job_id
        self._work: Callable[[], Any] | None = work
        self._relay = relay

    def run(self) -> None:
        work, self._work = self._work, None  # drop captured arguments as soon as possible
        assert work is not None
        try:
            value = work()
        except Exception as exc:  # handed to the UI thread, which decides how to show it
            self._relay.finished.emit(self._id, False, exc)
        else:
            self._relay.finished.emit(self._id, True, value)


class TaskRunner(QObject):
    """A serial worker for vault work (unlock, create, queries): never two jobs on one vault.

    Work submitted with a *description* is announced with `work_started(id, description,
    cancellable)` and `work_ended(id)`, so a progress indicator can show it when it is slow.
    """

    work_started = Signal(int, str, bool)
    work_ended = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._jobs: dict[int, _Job] = {}

    def submit(
        self,
        work: Callable[[], Any],
        on_done: OnDone,
        on_error: OnError,
        *,
        on_discard: OnDiscard | None = None,
        description: str = "",
        cancellable: bool = False,
        on_cancel: OnCancel | None = None,
    ) -> int:
        """Run *work* on the worker; *on_discard* receives a result nobody waits for any more.

        *description* is a plain sentence naming the work for the progress indicator (never
        patient data); *cancellable* work may be stopped with `cancel()`. Returns the job's id.
        """
        job_id = next(self._ids)
        self._pending[job_id] = _Pending(
            on_done, on_error, on_discard, on_cancel, described=bool(description)
        )
        job = _Job(job_id, work, self._relay)
        self._jobs[job_id] = job
        self._pool.start(job)
        if description:
            self.work_started.emit(job_id, description, cancellable)
        return job_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def cancel(self, job_id: int) -> None:
        """Stop waiting for one job: it never runs if not started, else its result is discarded.

        Python cannot interrupt running work, so a started job finishes on the worker; its
        callbacks are forgotten (on_discard still receives a result) and *on_cancel* runs now.
        """
        pending = self._pending.get(job_id)
        if pending is None or pending.cancelled:
            return
        pending.cancelled = True
        job = self._jobs.get(job_id)
        if job is not None and self._pool.tryTake(job):
            self._jobs.pop(job_id, None)
            self._pending.pop(job_id, None)
        if pending.described:
            self.work_ended.emit(job_id)
        if pending.on_cancel is not None:
            pending.on_cancel()

    def cancel_all(self) -> None:
        """Forget every callback, wait for the running job, and discard what it returns."""
        for job_id, pending in self._pending.items():
            if pending.described and not pending.cancelled:
                self.work_ended.emit(job_id)
            pending.cancelled = True
        for job_id, job in list(self._jobs.items()):
            if self._pool.tryTake(job):  # never started: nothing to wait for
                self._jobs.pop(job_id, None)
                self._pending.pop(job_id, None)
        self._pool.waitForDone(-1)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        self._pending.clear()
        self._jobs.clear()

    @Slot(int, bool, object)
    def _on_finished(self, job_id: int, ok: bool, value: object) -> None:
        self._jobs.pop(job_id, None)
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        if pending.described and not pending.cancelled:
            self.work_ended.emit(job_id)
        if pending.cancelled:
            if ok and pending.on_discard is not None:
                pending.on_discard(value)
            return
        if ok:
            pending.on_done(value)
        elif isinstance(value, WorkbenchError):
            pending.on_error(value)
        else:
            pending.on_error(WorkbenchError())
            assert isinstance(value, BaseException)
            raise value  # a bug: let sys.excepthook (and pytest-qt) see it
