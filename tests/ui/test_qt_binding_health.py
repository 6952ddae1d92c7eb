"""Guard against a Qt binding that leaks or drops Python references (seen in PySide6 6.12.0)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Emitter(QObject):
    fired = Signal(int)


class _Job(QRunnable):
    def run(self) -> None:
        pass


def test_signals_and_pool_jobs_keep_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    emitter.fired.connect(lambda _: None)
    job = _Job()
    job.setAutoDelete(False)
    pool = QThreadPool()
    gc.collect()
    true_refs, none_refs = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit(1)
        pool.start(job)
        pool.waitForDone()
    gc.collect()
    # A binding that drops a reference per call would abort the app after a few hundred calls.
    assert abs(sys.getrefcount(True) - true_refs) < 20
    assert abs(sys.getrefcount(None) - none_refs) < 20
