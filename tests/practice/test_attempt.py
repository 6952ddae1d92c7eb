"""Attempt files: the JSON shape is validated, and every id is checked against the vignette."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.practice import (
    AttemptError,
    evaluate,
    find_vignette,
    load_attempt,
    model_answer,
)
from workbench.practice.checks import check_attempt


def _doc(**changes: Any) -> dict[str, Any]:
    doc = model_answer(find_vignette("G")).to_json()
    doc.update(changes)
    return doc


def _write(tmp_path: Path, doc: object) -> Path:
    path = tmp_path / "attempt.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"people": [{"alias": "Laszlo", "ring": 4}]}, "people[1].ring"),
        ({"people": [{"alias": "Laszlo", "relationship": "brother"}]}, "people[1].relationship"),
        ({"people": [{"alias": " "}]}, "people[1].alias"),
        ({"goals": "grief:1"}, "goals"),
        ({"primary_area": 3}, "primary_area"),
        ({"measures": {"PHQ-9": {"items": [3, "x"]}}}, "measures.PHQ-9.items[2]"),
        ({"formulation": {"feelings": "text"}}, "formulation.feelings"),
        ({"risk_note": {"nature_of_thoughts": ["sad"]}}, "risk_note.nature_of_thoughts"),
        ({"colour": "blue"}, "colour"),
        ({"format": "something-else"}, "format"),
    ],
)
def test_bad_shapes_name_the_file_and_field(
    tmp_path: Path, changes: dict[str, Any], field: str
) -> None:
    path = _write(tmp_path, _doc(**changes))
    with pytest.raises(AttemptError) as caught:
        load_attempt(path)
    assert str(caught.value).startswith(f"Attempt {path}: {field}")


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "attempt.json"
    path.write_text('{"vignette": "G",\n  oops}', encoding="utf-8")
    with pytest.raises(AttemptError, match=r"not valid JSON \(line 2"):
        load_attempt(path)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"vignette": "D"}, "vignette"),
        ({"primary_area": "loneliness"}, "primary_area"),
        ({"primary_area": "interpersonal_sensitivity"}, "primary_area"),  # an S&R modifier
        ({"dispute_stage": "cold war"}, "dispute_stage"),
        ({"goals": ["grief:7"]}, "goals"),
        ({"strategies": ["middle.grief.nope"]}, "strategies"),
        ({"techniques": ["interpersonal_incident"]}, "techniques"),  # S&R only; G is WMK
        ({"timeline_tags": {"wedding": ["onset_link"]}}, "timeline_tags.wedding"),
        ({"timeline_tags": {"death": ["trigger"]}}, "timeline_tags.death"),
        ({"measures": {"HAM-D-17": {"items": [0] * 17}}}, "measures.HAM-D-17"),
        ({"measures": {"PHQ-9": {"items": [0] * 8}}}, "measures.PHQ-9.items"),
        ({"measures": {"PHQ-9": {"items": [0, 0, 0, 0, 0, 0, 0, 0, 5]}}}, "measures.PHQ-9.items"),
    ],
)
def test_ids_the_case_does_not_know_are_refused(
    tmp_path: Path, changes: dict[str, Any], field: str
) -> None:
    path = _write(tmp_path, _doc(**changes))
    attempt = load_attempt(path)
    with pytest.raises(AttemptError) as caught:
        evaluate(find_vignette("G"), attempt, source=str(path))
    assert str(caught.value).startswith(f"Attempt {path}: {field}")


def test_a_minimal_attempt_is_enough() -> None:
    from workbench.practice import Attempt

    attempt = Attempt.from_json({"vignette": "g"})
    check_attempt(attempt, find_vignette("G"))
    assert evaluate(find_vignette("G"), attempt).score == 0
