"""Drive the Practice window as a trainee would: widgets only, answers read off the case key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.practice.feedback_page import FeedbackPage
from ui.practice.window import PracticeWindow
from workbench.practice import Vignette, find_vignette, model_answer

SECTION_TEXT = "Written by the trainee for the supervisor: {0}"


def open_case(qtbot: QtBot, window: PracticeWindow, vignette_id: str) -> None:
    """Pick *vignette_id* in the list and open it."""
    window.picker.select(vignette_id)
    qtbot.mouseClick(window.picker.start_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.exercise


def add_people(qtbot: QtBot, window: PracticeWindow, vignette: Vignette) -> None:
    """Add everyone the key expects who was not given, with relationship and ring."""
    page = window.exercise.people
    window.exercise.go_to(1)
    for n, person in enumerate(p for p in vignette.people if not p.given):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        if person.alias.isascii():
            qtbot.keyClicks(page.form.alias, person.alias)
        else:  # keyClicks with non-ASCII text aborts pytest (stack-notes): set it directly
            page.form.alias.setText(person.alias)
        relationship = page.form.relationship
        relationship.setCurrentIndex(relationship.findData(person.relationship))
        if n == 0 and person.ring is not None:
            page.set_ring(3)  # first on the outer ring, then dragged inwards on the circle
            key = page._people[page.list.currentRow()].key
            page.circle.move_person(key, person.ring)
        else:
            page.set_ring(person.ring)


def score_measures(window: PracticeWindow, vignette: Vignette) -> None:
    window.exercise.go_to(3)
    for measure in vignette.measures:
        block = window.exercise.measures.blocks[measure.instrument]
        for number, value in enumerate(measure.items, start=1):
            block.form.answer(number, value)
        block.set_total(measure.score.total)
        block.set_band(measure.score.band)


def write_risk_note(window: PracticeWindow) -> None:
    window.exercise.go_to(8)
    form = window.exercise.risk.form
    form.nature_boxes[0].setChecked(True)  # passive wish
    form.frequency.setPlainText("Several days in the last two weeks; none today.")
    form.protective.setPlainText("His daughter; 'couldn't do that to Eszter'.")
    form.formulation.setPlainText("Passive wish to be with his wife; no plan or intent.")
    form.actions_text.setPlainText("Discussed with the supervisor; safety plan reviewed.")
    form.action_boxes[0].setChecked(True)
    form.follow_up_set.setChecked(True)


def complete(
    qtbot: QtBot,
    window: PracticeWindow,
    vignette_id: str = "G",
    *,
    primary: str | None = None,
    risk_note: bool = True,
) -> None:
    """Open the case and fill every step the way the key expects (with the changes asked)."""
    vignette = find_vignette(vignette_id)
    key = vignette.key
    open_case(qtbot, window, vignette_id)
    exercise = window.exercise
    add_people(qtbot, window, vignette)

    exercise.go_to(2)
    for element in key.timeline:
        assert element.tag is not None
        box = exercise.timeline.boxes[(element.ref, element.tag)]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)

    score_measures(window, vignette)

    exercise.go_to(4)
    best = max(key.secondaries, key=lambda e: e.weight, default=None)
    exercise.area.choose(
        primary or key.primary.ref,
        best.ref if best is not None and best.weight > 0 else None,
        key.stage.ref if key.stage else None,
        key.modifier.ref if key.modifier else None,
    )
    answer = model_answer(vignette)
    exercise.area.choose_people(answer.primary_person, answer.secondary_person)
    for area, why in answer.rule_outs.items():
        exercise.area.rule_outs[area].setPlainText(why)

    exercise.go_to(5)
    for element in key.goals:
        area, _, number = element.ref.partition(":")
        exercise.goals.add_manual_goal(area, int(number))

    exercise.go_to(6)
    for element in key.strategies:
        exercise.choices.strategies.tick(element.ref)
    for element in key.techniques:
        exercise.choices.techniques.tick(element.ref)

    exercise.go_to(7)
    for element in key.formulation:
        exercise.formulation.box.texts[element.ref].setPlainText(
            SECTION_TEXT.format(element.look_for or element.why)
        )

    if risk_note and key.risk.required:
        write_risk_note(window)
    qtbot.keyClicks(exercise.trainee, "Trainee A")


def get_feedback(qtbot: QtBot, window: PracticeWindow) -> FeedbackPage:
    qtbot.mouseClick(window.exercise.feedback_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.feedback, timeout=20_000)
    return window.feedback
