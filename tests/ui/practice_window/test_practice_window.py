"""Practice mode on the desktop: a trainee works vignette G through the widgets, sees feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import NewVault
from tests.ui.practice_window import driver
from ui.practice.banner import PracticeBanner
from ui.practice.window import PracticeWindow
from workbench.practice import Mark, PracticeStore, find_vignette, shipped_vignettes


def visible_banners(window: PracticeWindow) -> list[PracticeBanner]:
    return [b for b in window.findChildren(PracticeBanner) if b.isVisible()]


def test_trainee_completes_vignette_g_with_full_marks(qtbot: QtBot, window: PracticeWindow) -> None:
    driver.complete(qtbot, window, "G")
    page = driver.get_feedback(qtbot, window)

    feedback = page.feedback
    assert feedback is not None
    assert feedback.score == feedback.max_score > 0, [
        (s.id, s.points, s.max_points) for s in feedback.sections
    ]
    assert feedback.passed and feedback.risk_passed
    assert not feedback.missed and not feedback.distractors and not feedback.measure_errors
    assert "passed" in page.score.text() and "100.0 %" in page.score.text()
    assert "practice attempt 1" in page.kept.text()
    shown = page.texts()
    assert any(line.startswith("Identified: Primary problem area: Grief") for line in shown)
    assert any("Onset follows the death" in line for line in shown)  # the why is shown

    records = PracticeStore().attempts("G")
    assert [(r.score, r.max_score, r.trainee) for r in records] == [
        (feedback.score, feedback.max_score, "Trainee A")
    ]
    assert records[0].attempt["people"][2] == {
        "alias": "Laszlo",
        "relationship": "sibling",
        "ring": 2,
    }

    qtbot.mouseClick(page.cases_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.picker
    assert f"1 of {len(shipped_vignettes())} cases tried, 1 passed" in window.picker.summary.text()
    row = window.picker.cases.currentItem()
    assert row is not None
    assert row.data(0, Qt.ItemDataRole.UserRole) == "G"
    assert [row.text(n) for n in (2, 3, 4)] == ["1", "100.0 %", "passed"]


@pytest.mark.parametrize("vignette_id", [v.id for v in shipped_vignettes() if v.id != "G"])
def test_every_shipped_case_can_be_answered_in_full_through_the_widgets(
    qtbot: QtBot, window: PracticeWindow, vignette_id: str
) -> None:
    driver.complete(qtbot, window, vignette_id)
    page = driver.get_feedback(qtbot, window)
    feedback = page.feedback
    assert feedback is not None and feedback.passed
    assert feedback.score == feedback.max_score, [
        (s.id, s.points, s.max_points) for s in feedback.sections
    ]


def test_distractor_shows_its_question(qtbot: QtBot, window: PracticeWindow) -> None:
    vignette = find_vignette("G")
    distractor = next(d for d in vignette.key.distractors if d.area == "role_transition")
    driver.complete(qtbot, window, "G", primary="role_transition")
    page = driver.get_feedback(qtbot, window)

    assert page.feedback is not None and not page.feedback.passed
    question = " ".join(distractor.question.split())
    views = [v for v in page.findings if v.finding.mark is Mark.DISTRACTOR]
    assert len(views) == 1 and views[0].question is not None
    assert views[0].question.text() == f"Question to ask yourself: {question}"
    assert views[0].question.isVisible()
    assert "primary problem area" in page.score.text()


def test_missing_risk_note_is_a_hard_failure(qtbot: QtBot, window: PracticeWindow) -> None:
    driver.complete(qtbot, window, "G", risk_note=False)
    assert "positive" in window.exercise.risk.status.text()  # the trainee was told
    page = driver.get_feedback(qtbot, window)

    assert page.feedback is not None
    assert not page.feedback.risk_passed and not page.feedback.passed
    assert page.risk.text().startswith("Risk check: FAILED")
    hard = [v for v in page.findings if v.finding.mark is Mark.HARD_FAIL]
    assert len(hard) == 1 and hard[0].isVisible()
    assert hard[0].headline.text().startswith("HARD FAILURE: Risk note missing")
    assert hard[0].why is not None and "structured risk" in hard[0].why.text()
    assert "risk check failed" in page.score.text()


def test_banner_on_every_practice_screen(qtbot: QtBot, window: PracticeWindow) -> None:
    assert "PRACTICE" in window.windowTitle()
    assert visible_banners(window), "picker"
    driver.open_case(qtbot, window, "G")
    for step in range(window.exercise.step_count()):
        window.exercise.go_to(step)
        assert window.exercise.stack.currentIndex() == step
        banners = visible_banners(window)
        assert banners and all("PRACTICE" in b.text() for b in banners), step
    driver.get_feedback(qtbot, window)
    assert window.current_page() is window.feedback
    assert visible_banners(window), "feedback"


def test_practice_never_touches_a_clinical_vault(
    qtbot: QtBot, new_vault: NewVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPT_WORKBENCH_HOME", str(tmp_path))
    vault, _code = new_vault("clinic")
    vault.close()
    before = {
        p: (p.read_bytes(), p.stat().st_mtime_ns) for p in vault.folder.rglob("*") if p.is_file()
    }
    assert before
    window = PracticeWindow()
    qtbot.addWidget(window)
    window.show()
    driver.complete(qtbot, window, "G")
    page = driver.get_feedback(qtbot, window)
    pdf = tmp_path / "exports" / "practice-G.pdf"
    pdf.parent.mkdir()
    monkeypatch.setattr(window, "ask_pdf_path", lambda _suggested: pdf)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in page.kept.text(), timeout=30_000)

    assert pdf.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "practice" / "attempts.json").is_file()
    assert sorted(tmp_path.rglob("*.iptvault")) == [vault.folder]
    after = {
        p: (p.read_bytes(), p.stat().st_mtime_ns) for p in vault.folder.rglob("*") if p.is_file()
    }
    assert after == before


def test_unreadable_history_is_reported_and_kept(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPT_WORKBENCH_HOME", str(tmp_path))
    history = tmp_path / "practice" / "attempts.json"
    history.parent.mkdir()
    history.write_text("not json", encoding="utf-8")
    window = PracticeWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.picker.message.isVisible()
    assert "cannot be read" in window.picker.message.text()
    # the cases are still offered
    assert window.picker.cases.topLevelItemCount() == len(shipped_vignettes())
    driver.complete(qtbot, window, "G")
    page = driver.get_feedback(qtbot, window)
    assert page.feedback is not None and page.feedback.passed  # feedback still stands
    assert "cannot be read" in page.kept.text()
    assert history.read_text(encoding="utf-8") == "not json"


def test_strategies_tick_from_the_keyboard(qtbot: QtBot, window: PracticeWindow) -> None:
    driver.open_case(qtbot, window, "G")
    window.exercise.go_to(6)
    tree = window.exercise.choices.strategies
    group = tree.topLevelItem(0)
    assert group is not None
    first = group.child(0)
    assert first is not None
    tree.setFocus()
    tree.setCurrentItem(first)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert tree.ticked() == (first.data(0, Qt.ItemDataRole.UserRole),)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert tree.ticked() == ()
