"""Malformed format-2 vignettes are refused whole, naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.practice import VignetteError, load_vignette_file

SHIPPED = Path(__file__).parents[2] / "resources" / "vignettes"
A = (SHIPPED / "a_lindqvist.toml").read_text(encoding="utf-8")  # every format-2 part
H = (SHIPPED / "h_reid.toml").read_text(encoding="utf-8")  # a secondary area with its person
L = (SHIPPED / "l_asante.toml").read_text(encoding="utf-8")  # a goal distractor, no dispute


def _swap(text: str, anchor: str, old: str, new: str) -> str:
    """*text* with the first *old* after *anchor* replaced by *new*."""
    start = text.index(anchor)
    at = text.index(old, start)
    return text[:at] + new + text[at + len(old) :]


def _cut(text: str, start: str, end: str) -> str:
    a = text.index(start)
    return text[:a] + text[text.index(end, a + len(start)) :]


CASES = [
    (  # a distractor of an element that does not exist
        "unknown element",
        _swap(A, 'id = "distractor_impasse"', 'element = "stage"', 'element = "feeling"'),
        'element = "feeling"',
        "'element' must be one of area, stage, person, goal",
    ),
    (
        "area distractor that is no area",
        _swap(A, 'id = "distractor_transition"', '"role_transition"', '"loneliness"'),
        'choice = "loneliness"',
        "unknown problem area 'loneliness' for profile SR",
    ),
    (
        "stage distractor that is no stage",
        _swap(A, 'id = "distractor_impasse"', 'choice = "impasse"', 'choice = "cold_war"'),
        'choice = "cold_war"',
        "'choice' must be a dispute stage",
    ),
    (
        "person distractor that is nobody in the case",
        _swap(A, 'id = "distractor_mats"', 'choice = "mats"', 'choice = "nobody"'),
        'choice = "nobody"',
        "'choice': no [[people]] entry has id 'nobody'",
    ),
    (
        "goal distractor that is no goal",
        _swap(L, 'id = "distractor_goal_mourning"', '"grief:1"', '"grief:7"'),
        'choice = "grief:7"',
        "'choice' 'grief:7' is not AREA:N",
    ),
    (
        "the same distractor twice",
        _swap(A, 'id = "distractor_mats"', 'choice = "mats"', 'choice = "helena"')
        + '\n[[answer_key.distractors]]\nid = "again"\nelement = "person"\nchoice = "helena"\n'
        'question = "q?"\nwhy = "w"\n',
        'choice = "helena"',
        "a second person distractor for 'helena'",
    ),
    (
        "unknown required step",
        _swap(A, 'id = "required_stage"', 'step = "stage"', 'step = "empathy"'),
        'step = "empathy"',
        "'step' must be one of rule_out, risk_note, stage, focus_person",
    ),
    (
        "rule-out without the area",
        _swap(A, 'id = "required_rule_out_transition"', 'area = "role_transition"\n', ""),
        "^" + 'id = "required_rule_out_transition"',
        "'area' must be non-empty text",
    ),
    (
        "rule-out of the primary area",
        _swap(A, 'id = "required_rule_out_transition"', '"role_transition"', '"role_dispute"'),
        'area = "role_dispute"',
        "the area to rule out cannot be the primary problem area",
    ),
    (
        "a risk note needed but no risk_note step",
        _cut(A, '[[answer_key.required]]\nid = "required_risk_note"', "[[answer_key.required]]"),
        "required = true",
        "the case requires a risk note: add a [[answer_key.required]] risk_note step",
    ),
    (
        "a cap at the pass mark",
        _swap(A, 'id = "required_stage"', "cap = 60", "cap = 70"),
        "cap = 70",
        "'cap' is 70; it must be below the pass mark (70)",
    ),
    (
        "a stage step in a case without a dispute",
        L + '\n[[answer_key.required]]\nid = "needs_stage"\nstep = "stage"\n'
        'question = "q?"\nwhy = "w"\n',
        'step = "stage"',
        "a stage step needs [answer_key.stage]",
    ),
    (
        "unknown adaptation",
        A.replace('adaptation = "adolescent"', 'adaptation = "teen"'),
        'adaptation = "teen"',
        "'adaptation' must be one of none, adolescent, perinatal, older_adult, group, telephone",
    ),
    (
        "unknown feature",
        H.replace('"secondary_dispute"]', '"secondary_dispute", "sad"]'),
        "features = [",
        "'features' 'sad' is not one of",
    ),
    (
        "a reference that is no section",
        _swap(A, 'id = "distractor_impasse"', 'see = "§3.2"', 'see = "chapter six"'),
        'see = "chapter six"',
        "'see' is 'chapter six'; write a section of the reference like '§3.2'",
    ),
    (
        "an unknown format",
        A.replace("format = 2", "format = 3"),
        "format = 3",
        "'format' is 3; this app reads vignette formats 1 and 2",
    ),
    (
        "format-2 keys in a format-1 file",
        A.replace("format = 2\n", ""),
        'adaptation = "adolescent"',
        "unknown key 'adaptation'",
    ),
    (
        "a secondary area about nobody in the case",
        _swap(H, 'id = "secondary_dispute"', 'person = "fiona"', 'person = "fionna"'),
        'person = "fionna"',
        "no [[people]] entry has id 'fionna'",
    ),
    (
        "a focus person who is nobody in the case",
        _swap(A, "[answer_key.focus_person]", 'person = "helena"', 'person = "helen"'),
        'person = "helen"',
        "no [[people]] entry has id 'helen'",
    ),
]


@pytest.mark.parametrize(
    ("text", "needle", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_refused_with_file_line_and_field(
    tmp_path: Path, text: str, needle: str, message: str
) -> None:
    path = tmp_path / "trainer_draft.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VignetteError) as caught:
        load_vignette_file(path)
    error = caught.value
    assert error.source == str(path) and str(path) in str(error)
    assert message in str(error)
    # The last line holding *needle* (an edited key may repeat an earlier one).
    # "^" + needle: the table header just above that line (a key that is missing).
    above = needle.startswith("^")
    needle = needle.removeprefix("^")
    expected = max(n for n, line in enumerate(text.splitlines(), 1) if needle in line) - above
    assert error.line == expected, str(error)
    assert f"line {expected}" in str(error)
