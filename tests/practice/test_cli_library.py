"""`practice validate FILE` and `practice --add FILE`: a trainer's vignette checked, then added."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from tests.practice.test_cli import ROOT, assert_one_line_error, home, run
from workbench.practice import load_vignette_file, model_answer

__all__ = ["home"]  # the fixture, imported for this module's tests
SHIPPED = ROOT / "resources" / "vignettes"


def _draft(tmp_path: Path, edit: tuple[str, str] = ("", "")) -> Path:
    text = (SHIPPED / "m_haddad.toml").read_text(encoding="utf-8")
    text = text.replace('id = "M"', 'id = "TR1"', 1).replace(*edit)
    path = tmp_path / "trainer case.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_a_good_file_says_what_it_holds(home: Path, tmp_path: Path) -> None:
    result = run(home, "validate", str(_draft(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "valid (format 2). Vignette TR1" in result.stdout
    assert "required steps: stage, rule_out grief, focus_person" in result.stdout
    assert not (home / "practice").exists()  # validating stores nothing


def test_validate_a_bad_file_names_file_line_and_field(home: Path, tmp_path: Path) -> None:
    draft = _draft(tmp_path, ('stage = "renegotiation"', 'stage = "truce"'))
    line = next(n for n, text in enumerate(draft.read_text().splitlines(), 1) if "truce" in text)
    result = run(home, "validate", str(draft))
    assert_one_line_error(result, str(draft), f"line {line}", "'stage' is 'truce'")


def test_add_copies_a_valid_file_into_the_practice_data(home: Path, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    added = run(home, "--add", str(draft))
    assert added.returncode == 0, added.stderr
    target = home / "practice" / "vignettes" / "tr1.toml"
    assert target.read_bytes() == draft.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    listed = run(home, "--list")
    assert "\nTR1\tWMK\t" in listed.stdout and "\nM\tWMK\t" in listed.stdout
    # The added case is played like a shipped one.
    attempt = model_answer(load_vignette_file(draft))
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps(attempt.to_json()), encoding="utf-8")
    scored = run(home, "--attempt", str(answer))
    assert scored.returncode == 0, scored.stderr
    assert "Result: PASSED" in scored.stdout


def test_add_refuses_a_bad_file_and_a_shipped_id(home: Path, tmp_path: Path) -> None:
    bad = _draft(tmp_path, ("cap = 60", "cap = 90"))
    assert_one_line_error(run(home, "--add", str(bad)), str(bad), "'cap' is 90")
    assert not (home / "practice" / "vignettes").exists()
    shipped = SHIPPED / "g_varga.toml"
    assert_one_line_error(
        run(home, "--add", str(shipped)), "the id 'G' belongs to a shipped vignette"
    )


def test_a_damaged_added_file_is_named_and_hides_nothing(home: Path) -> None:
    folder = home / "practice" / "vignettes"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('id = "Z"\n', encoding="utf-8")
    listed = run(home, "--list")
    assert listed.returncode == 0, listed.stderr
    assert "\nG\tWMK\t" in listed.stdout
    assert "Not listed: Vignette error in" in listed.stdout and "broken.toml" in listed.stdout


def test_validate_needs_a_file(home: Path) -> None:
    result = run(home, "validate")
    assert result.returncode == 1 and "practice validate FILE" in result.stderr


def test_progress_on_the_command_line_with_its_pdf(home: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    m = load_vignette_file(SHIPPED / "m_haddad.toml")
    wrong = replace(model_answer(m, "Ana"), dispute_stage="impasse")
    answer = tmp_path / "wrong.json"
    answer.write_text(json.dumps(wrong.to_json()), encoding="utf-8")
    assert run(home, "--attempt", str(answer)).returncode == 0
    pdf = tmp_path / "progress.pdf"
    result = run(home, "--progress", "--trainee", "Ana", "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "progress of Ana" in result.stdout
    assert "Dispute stage: 1 (M) — ipt-reference §3.2" in result.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    assert_one_line_error(run(home, "--progress", "--vignette", "M"), "--progress takes only")
