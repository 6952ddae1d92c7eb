"""Shared pieces for the practice tests: every vignette (shipped and test-only) and edits."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.practice import (
    Attempt,
    MeasureEntry,
    Vignette,
    load_vignette_file,
    model_answer,
    shipped_vignettes,
)

DATA = Path(__file__).parent / "data"
TEST_VIGNETTE = DATA / "x_valk.toml"


def all_vignettes() -> list[Vignette]:
    """The five shipped vignettes and the one that lives only under tests/."""
    return [*shipped_vignettes(), load_vignette_file(TEST_VIGNETTE)]


def with_phq9_total(vignette: Vignette, total: int) -> Attempt:
    """The model answer with a different PHQ-9 total claimed (items unchanged)."""
    attempt = model_answer(vignette)
    entry = attempt.measures["PHQ-9"]
    measures = {**attempt.measures, "PHQ-9": MeasureEntry(entry.items, total, entry.band)}
    return replace(attempt, measures=measures)
