"""Forms for one administration: official PHQ-9/GAD-7 wording, or HAM-D/EPDS item scores only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.measures import Instrument, Option

NOT_RATED = -1  # a spin box at its minimum shows "not rated"
DIGITS = ("0", "1", "2", "3")
PLAIN_KEYS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
OPTION_WIDTH = 74  # an answer column: "More than half the days" on two or three lines
ITEM_TEXT_MIN_WIDTH = 190  # never the thin column that wrapped every item; fits 1024 px


def _label(text: str, parent: QWidget, *, bold: bool = False, small: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    font.setBold(bold)
    if small:
        font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


class MeasureForm(QWidget):
    """One instrument's form; `responses()` has None for every unanswered item."""

    changed = Signal()
    completed = Signal()  # the last question was answered from the keyboard: on to Record

    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.layout_ = QVBoxLayout(self)
        title = self.tr("{0} ({1})").format(instrument.title, instrument.id)
        self.layout_.addWidget(_label(title, self, bold=True))

    def finish(self) -> None:
        """The official notice (attribution or licence) closes every form."""
        self.layout_.addWidget(_label(self.instrument.notice, self, small=True))
        self.layout_.addStretch(1)

    def responses(self) -> list[int | None]:
        raise NotImplementedError

    def answer(self, item: int, value: int) -> None:
        """Enter *value* for item number *item*, as the clinician would."""
        raise NotImplementedError

    def difficulty(self) -> int | None:
        return None

    def set_difficulty(self, value: int) -> None:
        """Tick the (unscored) difficulty answer, where the instrument has one."""

    def reset(self) -> None:
        raise NotImplementedError

    def first_field(self) -> QWidget | None:
        """Where keyboard entry starts: the first question."""
        return None

    def draft(self) -> dict[str, Any]:
        """The answers entered but not yet recorded (empty when there are none)."""
        responses, difficulty = self.responses(), self.difficulty()
        if all(value is None for value in responses) and difficulty is None:
            return {}
        body: dict[str, Any] = {"responses": responses}
        if difficulty is not None:
            body["difficulty"] = difficulty
        return body

    def restore(self, body: dict[str, Any]) -> None:
        """Put saved answers back; values the form cannot show are left unanswered."""
        self.reset()
        responses = body.get("responses")
        for item, value in enumerate(responses if isinstance(responses, list) else [], start=1):
            if isinstance(value, int) and item <= len(self.instrument.items):
                self.answer(item, value)
        difficulty = body.get("difficulty")
        if isinstance(difficulty, int):
            self.set_difficulty(difficulty)


def _checked(group: QButtonGroup) -> int | None:
    value = group.checkedId()
    return None if value < 0 else value


def _uncheck(group: QButtonGroup) -> None:
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(True)


class ChoiceForm(MeasureForm):
    """PHQ-9 / GAD-7: the official stem, item text and options, one radio button each.

    Keyboard: a digit 0–3 answers the focused question and moves to the next one; Left and
    Right choose within a question, Up and Down move between questions.
    """

    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        super().__init__(instrument, parent)
        if instrument.stem:
            self.layout_.addWidget(_label(instrument.stem, self))
        keys = self.tr("Keys: 0–3 answer a question and move to the next; arrows choose.")
        self.layout_.addWidget(_label(keys, self, small=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setColumnStretch(0, 1)
        options = instrument.items[0].options
        for column, option in enumerate(options, start=1):
            header = _label(option.label, self, small=True)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setFixedWidth(OPTION_WIDTH)
            grid.addWidget(header, 0, column)
        self.groups: list[QButtonGroup] = []
        self._where: dict[QAbstractButton, tuple[int, int]] = {}  # button → (question, value)
        for item in instrument.items:
            text = _label(f"{item.number}. {item.text}", self)
            text.setMinimumWidth(ITEM_TEXT_MIN_WIDTH)
            grid.addWidget(text, item.number, 0)
            group = QButtonGroup(self)
            for column, option in enumerate(item.options, start=1):
                button = QRadioButton(self)
                button.setAccessibleName(self.tr("Item {0}: {1}").format(item.number, option.label))
                button.setAccessibleDescription(item.text or "")
                group.addButton(button, option.value)
                self._watch(button, len(self.groups), option.value)
                grid.addWidget(button, item.number, column, Qt.AlignmentFlag.AlignCenter)
            group.idToggled.connect(self._toggled)
            self.groups.append(group)
        self.layout_.addLayout(grid)
        self.difficulty_group = QButtonGroup(self)
        if instrument.difficulty is not None:
            self._add_difficulty(instrument.difficulty.text, instrument.difficulty.options)
        self.finish()

    def _watch(self, button: QAbstractButton, question: int, value: int) -> None:
        self._where[button] = (question, value)
        button.installEventFilter(self)

    def _add_difficulty(self, text: str, options: tuple[Option, ...]) -> None:
        self.layout_.addWidget(_label(text, self))
        self.layout_.addWidget(_label(self.tr("(Not scored: never added to the total.)"), self))
        row = QHBoxLayout()
        for option in options:
            button = QRadioButton(option.label, self)
            button.setAccessibleName(self.tr("Difficulty: {0}").format(option.label))
            self.difficulty_group.addButton(button, option.value)
            self._watch(button, len(self.groups), option.value)
            row.addWidget(button)
        row.addStretch(1)
        self.difficulty_group.idToggled.connect(self._toggled)
        self.layout_.addLayout(row)

    @property
    def questions(self) -> list[QButtonGroup]:
        """The scored items, then the difficulty question where the form has one."""
        return [*self.groups, *([self.difficulty_group] if self.difficulty_group.buttons() else [])]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QAbstractButton)
            and watched in self._where
            and event.modifiers() in PLAIN_KEYS
        ):
            return self._key(self._where[watched], event)
        return super().eventFilter(watched, event)

    def _key(self, at: tuple[int, int], event: QKeyEvent) -> bool:
        question, value = at
        group = self.questions[question]
        text, key = event.text(), event.key()
        if text in DIGITS and group.button(int(text)) is not None:
            self._choose(group, int(text))
            self.focus_question(question + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            current = group.checkedId()
            wanted = value if current < 0 else current + step
            if group.button(wanted) is not None:
                self._choose(group, wanted)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.focus_question(question + (-1 if key == Qt.Key.Key_Up else 1), quiet=True)
        else:
            return False
        return True

    def _choose(self, group: QButtonGroup, value: int) -> None:
        button = group.button(value)
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_question(self, question: int, *, quiet: bool = False) -> None:
        """Put the focus on *question* (its answer, or its first option); past the last one,
        say the form is done (the page moves on to Record)."""
        questions = self.questions
        if question >= len(questions):
            if not quiet:
                self.completed.emit()
            return
        group = questions[max(question, 0)]
        button = group.checkedButton() or group.buttons()[0]
        button.setFocus(Qt.FocusReason.TabFocusReason)

    def first_field(self) -> QWidget | None:
        return self.groups[0].buttons()[0] if self.groups else None

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def answer(self, item: int, value: int) -> None:
        button = self.groups[item - 1].button(value)
        if button is not None:
            button.setChecked(True)

    def responses(self) -> list[int | None]:
        return [_checked(group) for group in self.groups]

    def difficulty(self) -> int | None:
        return _checked(self.difficulty_group)

    def set_difficulty(self, value: int) -> None:
        button = self.difficulty_group.button(value)
        if button is not None:
            button.setChecked(True)

    def reset(self) -> None:
        for group in [*self.groups, self.difficulty_group]:
            _uncheck(group)
        self.changed.emit()


class ScoreEntryForm(MeasureForm):
    """HAM-D-17 / EPDS: item scores entered from the rater's or the patient's paper form."""

    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        super().__init__(instrument, parent)
        rated_by = (
            self.tr("Rated by the clinician")
            if instrument.rated_by == "clinician"
            else self.tr("Scores from the completed paper form")
        )
        self.layout_.addWidget(_label(f"{rated_by} · {instrument.period}", self))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.boxes: list[QSpinBox] = []
        for item in instrument.items:
            name = item.label or self.tr("Item {0}").format(item.number)
            label = _label(f"{item.number}. {name}" if item.label else name, self)
            box = QSpinBox(self)
            box.setRange(NOT_RATED, item.max_value)
            box.setSpecialValueText(self.tr("not rated"))
            box.setValue(NOT_RATED)
            box.setAccessibleName(self.tr("Item {0} score").format(item.number))
            box.setMinimumWidth(110)
            box.valueChanged.connect(self.changed)
            label.setBuddy(box)
            grid.addWidget(label, item.number, 1)
            grid.addWidget(box, item.number, 2)
            grid.addWidget(_label(f"0–{item.max_value}", self, small=True), item.number, 3)
            self.boxes.append(box)
        self.layout_.addLayout(grid)
        self.finish()

    def answer(self, item: int, value: int) -> None:
        self.boxes[item - 1].setValue(value)

    def first_field(self) -> QWidget | None:
        return self.boxes[0] if self.boxes else None

    def responses(self) -> list[int | None]:
        return [None if b.value() == NOT_RATED else b.value() for b in self.boxes]

    def reset(self) -> None:
        for box in self.boxes:
            box.blockSignals(True)
            box.setValue(NOT_RATED)
            box.blockSignals(False)
        self.changed.emit()


def form_for(instrument: Instrument, parent: QWidget | None = None) -> MeasureForm:
    """The official wording where the app may ship it; score entry otherwise."""
    if instrument.ships_item_text and all(item.options for item in instrument.items):
        return ChoiceForm(instrument, parent)
    return ScoreEntryForm(instrument, parent)
