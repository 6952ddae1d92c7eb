"""Malformed protocol files fail loudly with a ProtocolError naming the file and the line."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from workbench.protocol import ProtocolError, load_profile_file, parse_profile, parse_techniques

MINIMAL = """\
version = 1
id = "TEST"
label = "Test profile"
source = "Tests"
contract_name = "Contract"

[contract]
note = "Any length."
full_phases_from = 12
ending_notice = 4
sessions_min = 6
sessions_max = 20

[[phases]]
id = "initial"
label = "Initial"
span = "first"
sessions = 3
note = "First sessions."

[[phases]]
id = "middle"
label = "Middle"
span = "rest"
note = "Work."

[[phases]]
id = "termination"
label = "Termination"
span = "last"
sessions = 3
note = "Last sessions."

[[phases]]
id = "maintenance"
label = "Maintenance"
span = "maintenance"
note = "Later."

[[problem_areas]]
id = "grief"
label = "Grief"
role = "focus"
indication = "A death."
goals = ["Mourn."]

[[checklist]]
id = "initial.one"
phase = "initial"
level = "required"
text = "One."

[[checklist]]
id = "middle.grief.one"
phase = "middle"
problem_area = "grief"
level = "recommended"
text = "Two."
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def load_broken(tmp_path: Path, text: str) -> ProtocolError:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProtocolError) as caught:
        load_profile_file(path)
    assert str(path) in str(caught.value)
    assert caught.value.source == str(path)
    return caught.value


def test_the_minimal_profile_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    profile = load_profile_file(path)
    assert [i.id for i in profile.checklist] == ["initial.one", "middle.grief.one"]


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    text = MINIMAL.replace('label = "Grief"', 'label = "Grief')
    error = load_broken(tmp_path, text)
    assert error.line == line_of(text, 'label = "Grief')
    assert f"line {error.line}" in str(error) and "syntax" in str(error)


def test_missing_key_points_at_its_table(tmp_path: Path) -> None:
    text = MINIMAL.replace('text = "Two."\n', "")
    error = load_broken(tmp_path, text)
    assert error.line == line_of(text, "[[checklist]]", 2)
    assert "middle.grief.one" in str(error) and "missing key 'text'" in str(error)


def test_duplicate_id_points_at_the_second_one(tmp_path: Path) -> None:
    text = MINIMAL.replace('"middle.grief.one"', '"initial.one"')
    error = load_broken(tmp_path, text)
    assert error.line == line_of(text, 'id = "initial.one"', 2)
    assert "duplicate checklist item id 'initial.one'" in str(error)


def test_unknown_phase_reference(tmp_path: Path) -> None:
    text = MINIMAL.replace('phase = "initial"', 'phase = "conclusion"')
    error = load_broken(tmp_path, text)
    assert error.line == line_of(text, 'phase = "conclusion"')
    assert "unknown phase 'conclusion'" in str(error)


def test_unknown_problem_area_reference(tmp_path: Path) -> None:
    text = MINIMAL.replace('problem_area = "grief"', 'problem_area = "greif"')
    error = load_broken(tmp_path, text)
    assert error.line == line_of(text, 'problem_area = "greif"')


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("sessions = 3", 'sessions = "3"', 'sessions = "3"'),
        ("ending_notice = 4", "ending_notice = true", "ending_notice = true"),
        ('level = "required"', 'level = "must"', 'level = "must"'),
        ('goals = ["Mourn."]', 'goals = "Mourn."', 'goals = "Mourn."'),
        ('level = "recommended"', 'levle = "recommended"', "levle ="),
        ('span = "rest"', 'span = "last"', 'span = "last"'),
        ('id = "initial.one"', 'id = "Initial One"', 'id = "Initial One"'),
    ],
)
def test_wrong_types_and_values_name_their_line(
    tmp_path: Path, old: str, new: str, needle: str
) -> None:
    text = MINIMAL.replace(old, new, 1)
    error = load_broken(tmp_path, text)
    assert error.line == line_of(text, needle)


def test_missing_top_level_key_and_missing_phase(tmp_path: Path) -> None:
    assert load_broken(tmp_path, MINIMAL.replace('contract_name = "Contract"\n', "")).line == 1
    start = MINIMAL.index('[[phases]]\nid = "maintenance"')
    end = MINIMAL.index("[[problem_areas]]")
    error = load_broken(tmp_path, MINIMAL[:start] + MINIMAL[end:])
    assert "span 'maintenance'" in str(error)


def test_an_error_in_the_last_table_still_fails_the_whole_file() -> None:
    text = MINIMAL.replace('text = "Two."', "text = 2")
    with pytest.raises(ProtocolError, match=r"<text>, line \d+"):
        parse_profile(text)


@pytest.mark.parametrize("name", ["wmk.toml", "sr.toml"])
def test_damaged_shipped_files_are_caught(name: str) -> None:
    text = (resources.files("resources") / "protocol" / name).read_text(encoding="utf-8")
    ending = "termination" if name == "wmk.toml" else "conclusion"
    broken = text.replace(f'phase = "{ending}"', 'phase = "closing"', 1)
    with pytest.raises(ProtocolError) as caught:
        parse_profile(broken, name)
    assert caught.value.line == line_of(broken, 'phase = "closing"')
    assert str(caught.value).startswith(f"Protocol content error in {name}, line ")
    doubled = text.replace('id = "initial.timeline"', 'id = "initial.inventory"')
    with pytest.raises(ProtocolError) as caught:
        parse_profile(doubled, name)
    assert caught.value.line == line_of(doubled, 'id = "initial.inventory"', 2)


def test_techniques_file_errors() -> None:
    base = (resources.files("resources") / "protocol" / "techniques.toml").read_text("utf-8")
    unknown = base.replace('profiles = ["SR"]', 'profiles = ["IPT-X"]', 1)
    with pytest.raises(ProtocolError, match="unknown profile 'IPT-X'") as caught:
        parse_techniques(unknown, "techniques.toml", known_profiles=("WMK", "SR"))
    assert caught.value.line == line_of(unknown, 'profiles = ["IPT-X"]')
    doubled = base.replace('id = "clarification"', 'id = "exploration"')
    with pytest.raises(ProtocolError, match="duplicate technique id") as caught:
        parse_techniques(doubled, "techniques.toml")
    assert caught.value.line == line_of(doubled, 'id = "exploration"', 2)


def test_unreadable_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "absent.toml"
    with pytest.raises(ProtocolError, match=r"absent\.toml"):
        load_profile_file(missing)
