"""Screenshots of every Practice screen and the first-run page (not a test; run by hand).

    /work/venv/bin/python tests/ui/practice_window/shoot_practice.py [--out /tmp/shots-practice]

Light and dark palettes, 1280×800, offscreen; the practice history lives in a temp folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["IPT_WORKBENCH_HOME"] = tempfile.mkdtemp(prefix="practice-shots-")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.ui.practice_window import driver  # noqa: E402
from tests.ui.workspace.shoot_pages import dark_palette  # noqa: E402
from ui.practice.window import PracticeWindow  # noqa: E402
from ui.views.first_run import FirstRunPage  # noqa: E402
from workbench.practice import evaluate, find_vignette, model_answer  # noqa: E402

SIZE = (1280, 800)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Bot:
    """The few qtbot calls the driver makes, for use outside pytest."""

    mouseClick = staticmethod(QTest.mouseClick)
    keyClicks = staticmethod(QTest.keyClicks)
    keyClick = staticmethod(QTest.keyClick)

    def waitUntil(self, check: Callable[[], Any], timeout: int = 20_000) -> None:
        for _ in range(timeout // 50):
            if check():
                return
            wait(50)
        raise TimeoutError


def save(widget: QWidget, out: Path, name: str) -> None:
    wait(150)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def _earlier_attempts(window: PracticeWindow) -> None:
    """A few earlier attempts with the typical slips, so the progress view has content."""
    store = window.store()
    m, d, g, lvig = (find_vignette(v) for v in ("M", "D", "G", "L"))
    for vignette, attempt in (
        (m, replace(model_answer(m, "Trainee A"), dispute_stage="impasse")),
        (d, replace(model_answer(d, "Trainee A"), dispute_stage="renegotiation")),
        (lvig, replace(model_answer(lvig, "Trainee A"), rule_outs={}, primary_area="grief")),
        (m, replace(model_answer(m, "Trainee B"), rule_outs={})),
        (g, replace(model_answer(g, "Trainee B"), goals=())),
    ):
        store.record(evaluate(vignette, attempt), attempt)


def shoot(out: Path, theme: str) -> None:
    bot: Any = Bot()
    window = PracticeWindow()
    window.resize(*SIZE)
    window.show()
    # One earlier attempt so the picker shows progress.
    driver.complete(bot, window, "G", risk_note=False)
    driver.get_feedback(bot, window)
    save(window, out, f"{theme}-feedback-hard-fail")
    window.feedback.case_button.click()
    driver.write_risk_note(window)
    driver.get_feedback(bot, window)
    save(window, out, f"{theme}-feedback-full-marks")
    _earlier_attempts(window)
    window.show_picker()
    save(window, out, f"{theme}-picker")
    window.show_progress()
    save(window, out, f"{theme}-progress")
    window.progress.trainee.setCurrentIndex(window.progress.trainee.findData("Trainee A"))
    save(window, out, f"{theme}-progress-one-trainee")
    window.open_case("G")
    for step in range(window.exercise.step_count()):
        window.exercise.go_to(step)
        save(window, out, f"{theme}-step-{step + 1}")
    window.exercise.area.choose("role_transition")
    window.exercise.measures.blocks["PHQ-9"].set_total(17)
    driver.get_feedback(bot, window)
    save(window, out, f"{theme}-feedback-distractor")
    window.runner.cancel_all()
    window.close()

    first = FirstRunPage()
    first.resize(*SIZE)
    first.show()
    save(first, out, f"{theme}-first-run")
    first.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots-practice"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    light = app.palette()
    shoot(args.out, "light")
    app.setPalette(dark_palette())
    shoot(args.out, "dark")
    app.setPalette(light)


if __name__ == "__main__":
    main()
