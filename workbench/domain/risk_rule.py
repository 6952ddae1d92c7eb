"""The rule a risk note must meet before it closes a flag: real text in every required field.

Shared by the clinical record and practice mode. It checks only that the clinician wrote
something in each field; it never judges what they wrote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

# Field name → the label the clinician sees (messages name the field by its label).
REQUIRED_TEXT: dict[str, str] = {
    "frequency_recency": "What was asked and what the client said (frequency and recency)",
    "protective_factors": "Protective factors",
    "actions_taken": "Actions taken",
    "risk_formulation": "Your summary in your own words",
}
FOLLOW_UP_LABEL = "Follow-up date"

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def is_real_text(text: str) -> bool:
    """At least two different words: not blank, not one word, not one word repeated."""
    return len({word.casefold() for word in _WORD.findall(text)}) >= 2


def risk_note_problems(fields: Mapping[str, str], follow_up_date: str | None) -> list[str]:
    """One plain sentence per required field that is missing or holds no real text."""
    found = [
        f"“{label}” needs a few words of your own, not a blank or a single word."
        for name, label in REQUIRED_TEXT.items()
        if not is_real_text(fields.get(name, ""))
    ]
    if not follow_up_date:
        found.append(f"“{FOLLOW_UP_LABEL}” is required.")
    else:
        try:
            date.fromisoformat(follow_up_date)
        except ValueError:
            found.append(f"“{FOLLOW_UP_LABEL}” is not a date (YYYY-MM-DD).")
    return found
