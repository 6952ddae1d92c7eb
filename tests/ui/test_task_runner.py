"""Task runner: results on the UI thread, bugs not swallowed, cancelled results discarded."""

from __future__ import annotations

import threading

from ui.tasks import TaskRunner
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
        lambda: gate.wait(5) and "result", done.append, lambda _: None, on_discard=discarded.append
    )
    gate.set()
    runner.cancel_all()
    assert discarded == ["result"]
    assert done == []
    assert not runner.busy
