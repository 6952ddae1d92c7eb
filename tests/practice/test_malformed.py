"""Malformed vignette files are refused whole, with the file, the field and the line named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.practice.helpers import TEST_VIGNETTE
from workbench.errors import WorkbenchError
from workbench.practice import VignetteError, load_vignette_file, parse_vignette

GOOD = TEST_VIGNETTE.read_text(encoding="utf-8")


def _refused(tmp_path: Path, text: str) -> VignetteError:
    path = tmp_path / "draft_vignette.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VignetteError) as caught:
        load_vignette_file(path)
    error = caught.value
    assert isinstance(error, WorkbenchError)  # the CLI turns it into one line, exit 1
    assert str(path) in str(error) and error.source == str(path)
    return error


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _cut(text: str, start: str, end: str | None = None) -> str:
    """*text* without the part from *start* up to (not including) *end*."""
    a = text.index(start)
    b = text.index(end, a + len(start)) if end else len(text)
    return text[:a] + text[b:]


def test_the_test_vignette_itself_is_valid() -> None:
    assert parse_vignette(GOOD, "x.toml").id == "X"


def test_missing_answer_key(tmp_path: Path) -> None:
    text = GOOD[: GOOD.index("[answer_key.primary]")]
    error = _refused(tmp_path, text)
    assert "missing table [answer_key]" in str(error)


def test_missing_primary(tmp_path: Path) -> None:
    text = _cut(GOOD, "[answer_key.primary]", "[answer_key.modifier]")
    assert "missing table [answer_key.primary]" in str(_refused(tmp_path, text))


def test_missing_risk_requirement(tmp_path: Path) -> None:
    text = _cut(GOOD, "[answer_key.risk]", "[[answer_key.goals]]")
    assert "missing table [answer_key.risk]" in str(_refused(tmp_path, text))


def test_unknown_problem_area(tmp_path: Path) -> None:
    text = GOOD.replace('area = "role_transition"', 'area = "loneliness_focus"', 1)
    error = _refused(tmp_path, text)
    assert "answer_key.primary" in str(error)
    assert "unknown problem area 'loneliness_focus' for profile SR" in str(error)
    assert error.line == _line_of(text, "loneliness_focus")


def test_an_area_of_the_other_profile(tmp_path: Path) -> None:
    text = GOOD.replace('area = "role_dispute"', 'area = "interpersonal_deficits"', 1)
    error = _refused(tmp_path, text)
    assert "answer_key.distractors 'distractor_dispute'" in str(error)
    assert "'interpersonal_deficits'" in str(error)


def test_a_modifier_is_not_a_focus(tmp_path: Path) -> None:
    text = GOOD.replace('area = "role_transition"', 'area = "interpersonal_sensitivity"', 1)
    assert "is a modifier in profile SR, not a focus" in str(_refused(tmp_path, text))


def test_unknown_technique_and_strategy_and_goal(tmp_path: Path) -> None:
    text = GOOD.replace('technique = "role_play"', 'technique = "mindfulness"')
    error = _refused(tmp_path, text)
    assert "answer_key.techniques 'technique_role_play'" in str(error)
    assert "unknown technique 'mindfulness'" in str(error)
    assert error.line == _line_of(text, "mindfulness")
    text = GOOD.replace('"middle.transition.new_role"', '"middle.transition.nope"')
    assert "unknown checklist item 'middle.transition.nope'" in str(_refused(tmp_path, text))
    text = GOOD.replace('"role_transition:1"', '"role_transition:9"')
    assert "goal 'role_transition:9' must be AREA:N" in str(_refused(tmp_path, text))


def test_item_score_out_of_range(tmp_path: Path) -> None:
    text = GOOD.replace(
        "items = [1, 2, 2, 2, 1, 2, 1, 0, 0]", "items = [1, 2, 2, 2, 1, 2, 4, 0, 0]"
    )
    error = _refused(tmp_path, text)
    assert "[[measures]] 'PHQ-9'" in str(error) and "'items'" in str(error)
    assert "PHQ-9 item 7: 4 is out of range; allowed 0–3" in str(error)
    assert error.line == _line_of(text, "items = [1, 2, 2, 2, 1, 2, 4")


def test_wrong_number_of_items(tmp_path: Path) -> None:
    text = GOOD.replace("items = [1, 2, 2, 2, 1, 2, 1, 0, 0]", "items = [1, 2, 2, 2, 1, 2, 1, 0]")
    assert "PHQ-9 needs exactly 9 item responses" in str(_refused(tmp_path, text))


def test_stated_total_that_does_not_match_the_items(tmp_path: Path) -> None:
    text = GOOD.replace("total = 11", "total = 12")
    error = _refused(tmp_path, text)
    assert "'total' is 12; the items add up to 11" in str(error)
    assert error.line == _line_of(text, "total = 12")


def test_unknown_instrument(tmp_path: Path) -> None:
    text = GOOD.replace('instrument = "EPDS"', 'instrument = "BDI-II"', 1)
    assert "Unknown instrument 'BDI-II'" in str(_refused(tmp_path, text))


def test_a_measure_without_a_key_entry(tmp_path: Path) -> None:
    text = _cut(GOOD, '[[answer_key.measures]]\nid = "measure_epds"')
    assert "needs exactly one entry for 'EPDS'" in str(_refused(tmp_path, text))


def test_duplicate_ids(tmp_path: Path) -> None:
    text = GOOD.replace('id = "goal_supports"', 'id = "goal_mourn"')
    error = _refused(tmp_path, text)
    assert "duplicate answer-key id 'goal_mourn'" in str(error)
    assert (
        error.line
        == [n for n, line in enumerate(text.splitlines(), 1) if 'id = "goal_mourn"' in line][1]
    )
    text = GOOD.replace('id = "mila"', 'id = "ruben"')
    assert "duplicate person id 'ruben'" in str(_refused(tmp_path, text))


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = GOOD.replace('title = "Ms Ines Valk', "title = Ms Ines Valk", 1)
    error = _refused(tmp_path, text)
    assert "TOML syntax error" in str(error)
    assert error.line == _line_of(text, "title = Ms")


def test_unknown_key_and_wrong_types(tmp_path: Path) -> None:
    error = _refused(tmp_path, GOOD.replace("version = 3", 'version = 3\nauthor = "me"'))
    assert "unknown key 'author'" in str(error)
    error = _refused(tmp_path, GOOD.replace("weight = 4", 'weight = "high"', 1))
    assert "'weight' must be a whole number" in str(error)
    error = _refused(tmp_path, GOOD.replace("given = true", 'given = "yes"', 1))
    assert "'given' must be true" in str(error)


def test_a_positive_suicide_item_requires_a_risk_note(tmp_path: Path) -> None:
    text = GOOD.replace(
        "items = [1, 2, 2, 2, 1, 2, 1, 0, 0]", "items = [1, 2, 2, 2, 1, 2, 1, 0, 1]"
    )
    text = text.replace("total = 11", "total = 12")
    error = _refused(tmp_path, text)
    assert "answer_key.risk" in str(error) and "'required' must be true" in str(error)


def test_dispute_focus_needs_a_stage(tmp_path: Path) -> None:
    text = GOOD.replace('area = "role_transition"', 'area = "role_dispute"', 1)
    text = text.replace('area = "role_dispute"\nquestion', 'area = "role_transition"\nquestion')
    assert "missing table [answer_key.stage]" in str(_refused(tmp_path, text))


def test_references_to_people_and_events_must_exist(tmp_path: Path) -> None:
    error = _refused(tmp_path, GOOD.replace('person = "marijke"', 'person = "oma"'))
    assert "no [[people]] entry has id 'oma'" in str(error)
    error = _refused(tmp_path, GOOD.replace('person = "marijke"', 'person = "ruben"'))
    assert "is given (pre-filled)" in str(error)
    error = _refused(tmp_path, GOOD.replace('event = "birth"', 'event = "wedding"'))
    assert "no [[timeline]] event has id 'wedding'" in str(error)
    error = _refused(tmp_path, GOOD.replace('tag = "onset_link"', 'tag = "trigger"'))
    assert "'tag' is 'trigger'" in str(error)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "bytes.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(VignetteError, match=re.escape(str(path))):
        load_vignette_file(path)
