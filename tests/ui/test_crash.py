"""Unexpected errors never print the exception's text (it can quote a record)."""

from __future__ import annotations

import sys

from ui.crash import private_traceback


def test_traceback_keeps_location_but_drops_the_message() -> None:
    try:
        raise ValueError("ZQXCANARY Person said something private")
    except ValueError:
        kind, _, tb = sys.exc_info()
        assert kind is not None
        text = private_traceback(kind, tb)
    assert "ZQXCANARY" not in text
    assert "ValueError" in text and "test_crash.py" in text
