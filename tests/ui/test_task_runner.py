"""Task runner and slow-work indicator: results on the UI thread, cancel, no flicker."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.widgets.progress import SlowWorkIndicator
from workbench.errors import VaultBusy, WorkbenchError


def test_result_arrives_on_the_ui_thread(qtbot) -> None:
    runner = TaskRunner()
    seen: list[tuple[object, bool]] = []
    runner.submit(
        lambda: threading.current_thread() is threading.main_thread(),
        lambda worker_was_main: seen.append(
            (worker_was_main, threading.current_thread() is threading.main_thread())
        ),
        lambda error: None,
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(False, True)]
    assert not runner.busy


def test_user_facing_error_goes_to_on_error(qtbot) -> None:
    runner = TaskRunner()
    errors: list[WorkbenchError] = []

    def fail() -> None:
        raise VaultBusy()

    runner.submit(fail, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], VaultBusy)


def test_a_bug_is_reported_plainly_and_still_raised(qtbot) -> None:
    runner = TaskRunner()
    errors: list[WorkbenchError] = []

    def bug() -> None:
        raise KeyError("internal")

    with qtbot.captureExceptions() as raised:
        runner.submit(bug, lambda _: None, errors.append)
        qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].user_message == WorkbenchError.message
    assert raised[0][0] is KeyError


def test_cancel_all_discards_finished_results(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    done: list[object] = []
    discarded: list[object] = []
    runner.submit(
        lambda: gate.wait(30) and "result", done.append, lambda _: None, on_discard=discarded.append
    )
    gate.set()
    runner.cancel_all()
    assert discarded == ["result"]
    assert done == []
    assert not runner.busy


def test_described_work_is_announced_and_ends_once(qtbot) -> None:
    runner = TaskRunner()
    started: list[tuple[int, str, bool]] = []
    ended: list[int] = []
    runner.work_started.connect(lambda *args: started.append(args))
    runner.work_ended.connect(ended.append)
    done: list[object] = []
    runner.submit(lambda: 1, done.append, lambda _: None)  # undescribed: not announced
    job = runner.submit(lambda: 2, done.append, lambda _: None, description="Counting")
    qtbot.waitUntil(lambda: len(done) == 2)
    assert started == [(job, "Counting", False)]
    assert ended == [job]


def test_cancel_before_start_never_runs_the_work(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    ran: list[str] = []
    cancelled: list[bool] = []
    ended: list[int] = []
    runner.work_ended.connect(ended.append)
    first = runner.submit(lambda: gate.wait(30), lambda _: None, lambda _: None)
    second = runner.submit(
        lambda: ran.append("second"),
        lambda _: ran.append("done"),
        lambda _: None,
        description="Queued",
        cancellable=True,
        on_cancel=lambda: cancelled.append(True),
    )
    runner.cancel(second)
    assert cancelled == [True] and ended == [second]
    gate.set()
    runner.cancel(first)  # undescribed, already running: its result is dropped
    runner.cancel_all()
    assert ran == []
    assert not runner.busy


def test_cancel_while_running_discards_the_result(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    running = threading.Event()
    done: list[object] = []
    discarded: list[object] = []
    ended: list[int] = []
    runner.work_ended.connect(ended.append)

    def slow() -> str:
        running.set()
        gate.wait(5)
        return "late"

    job = runner.submit(
        slow, done.append, lambda _: None, on_discard=discarded.append, description="Slow"
    )
    assert running.wait(5)
    runner.cancel(job)
    assert ended == [job]
    assert runner.busy  # the worker still finishes it
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert discarded == ["late"] and done == []
    assert ended == [job]  # announced as ended once only


def test_indicator_stays_hidden_for_quick_work(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host)
    # The grace period is long so that a busy machine cannot make the quick work slow; once the
    # work ended, the period is cut short and passes: nothing appears for work already done.
    indicator = SlowWorkIndicator(runner, host, delay_ms=60_000)
    host.show()
    done: list[object] = []
    shown: list[bool] = []
    runner.submit(lambda: "quick", done.append, lambda _: None, description="Quick work")
    while not done:
        qtbot.wait(10)
        shown.append(not indicator.isHidden())
    indicator.set_delay(1)
    qtbot.wait(100)
    assert not any(shown) and indicator.isHidden()
    assert indicator.shown_job is None


def test_indicator_shows_slow_work_and_cancels_it(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host)
    indicator = SlowWorkIndicator(runner, host, delay_ms=50)
    host.show()
    gate = threading.Event()
    done: list[object] = []
    stopped: list[bool] = []
    job = runner.submit(
        lambda: gate.wait(30),
        done.append,
        lambda _: None,
        description="Searching the caseload…",
        cancellable=True,
        on_cancel=lambda: stopped.append(True),
    )
    qtbot.waitUntil(lambda: not indicator.isHidden(), timeout=10_000)
    assert indicator.shown_job == job
    assert indicator.text.text() == "Searching the caseload…"
    assert not indicator.cancel_button.isHidden()
    qtbot.mouseClick(indicator.cancel_button, Qt.MouseButton.LeftButton)
    assert stopped == [True] and indicator.isHidden()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert done == []


def test_indicator_hides_cancel_for_work_that_cannot_stop(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host)
    indicator = SlowWorkIndicator(runner, host, delay_ms=20)
    host.show()
    gate = threading.Event()
    done: list[object] = []
    runner.submit(lambda: gate.wait(30), done.append, lambda _: None, description="Unlocking")
    qtbot.waitUntil(lambda: not indicator.isHidden(), timeout=10_000)
    assert indicator.cancel_button.isHidden()
    gate.set()
    qtbot.waitUntil(lambda: bool(done))
    assert indicator.isHidden()
