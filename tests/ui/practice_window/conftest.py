"""Practice-window fixtures: a shown window at a realistic size, closed at teardown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.practice.launch import practice_window
from ui.practice.window import PracticeWindow


@pytest.fixture
def window(qtbot: QtBot) -> PracticeWindow:
    made = PracticeWindow()
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    return made


@pytest.fixture(autouse=True)
def _close_launched() -> Iterator[None]:
    """A Practice window opened through open_practice() (menu, first run) is closed after."""
    yield
    launched = practice_window()
    if launched is not None:
        launched.close()
