"""`ipt-workbench practice` headless: list, show, template, score (+ PDF), history, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.practice.helpers import TEST_VIGNETTE, with_phq9_total
from workbench.practice import find_vignette, model_answer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([os.environ["PYTHONPATH"], str(ROOT)]),
        "IPT_WORKBENCH_HOME": str(home),
    }
    env.pop("IPT_WORKBENCH_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", "practice", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
        start_new_session=True,  # no controlling terminal: getpass cannot open /dev/tty
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ipt-workbench: "), result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_list_and_show(home: Path) -> None:
    listed = run(home, "--list")
    assert listed.returncode == 0, listed.stderr
    for vid in ("D", "G", "I", "M", "T"):
        assert f"\n{vid}\t" in listed.stdout
    shown = run(home, "--vignette", "g")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert out.startswith("PRACTICE — fictional case")
    assert "Tomas is 61" in out and "9. Thoughts that you would be better off dead" in out
    inventory = out.split("Inventory (given")[1].split("Timeline")[0]
    assert "Eszter" in inventory and "Laszlo" not in inventory  # to be discovered
    for secret in ("primary_grief", "distractor", "moderately severe", "= 18"):
        assert secret not in out  # no answer key, no totals
    assert not (home / "practice").exists()  # showing records nothing


def test_score_with_pdf_then_history(home: Path, tmp_path: Path) -> None:
    g = find_vignette("G")
    attempt = replace(with_phq9_total(g, 16), risk_note=None)
    path = tmp_path / "attempt.json"
    path.write_text(json.dumps(attempt.to_json()), encoding="utf-8")
    pdf = tmp_path / "out" / "practice.pdf"
    pdf.parent.mkdir()
    scored = run(
        home,
        "--vignette",
        "G",
        "--attempt",
        str(path),
        "--pdf",
        str(pdf),
        "--trainee",
        "Ana Example",
    )
    assert scored.returncode == 0, scored.stderr
    out = scored.stdout
    assert "Result: NOT PASSED (RISK CHECK FAILED)" in out
    assert "HARD FAIL: Risk note missing" in out
    assert "PHQ-9: you entered 16; the items add up to 18" in out
    assert "Recorded as practice attempt 1" in out
    reader = PdfReader(str(pdf))
    assert all("PRACTICE — fictional case" in (p.extract_text() or "") for p in reader.pages)
    assert oct(pdf.stat().st_mode & 0o777) == "0o600"

    good = tmp_path / "good.json"
    good.write_text(json.dumps(model_answer(g).to_json()), encoding="utf-8")
    assert run(home, "--attempt", str(good)).returncode == 0  # vignette taken from the file

    history = run(home, "--history")
    assert history.returncode == 0, history.stderr
    lines = [line for line in history.stdout.splitlines() if line.startswith(("1\t", "2\t"))]
    assert "\tG\t" in lines[0] and "not passed (risk check failed)" in lines[0]
    assert "Ana Example" in lines[0]
    assert "100%\tpassed" in lines[1]
    assert "G: 2 attempt(s), best 100%, latest 100% (passed)" in history.stdout
    # Practice never creates or opens a clinical vault: only the practice history is written.
    written = sorted(p.relative_to(home).as_posix() for p in home.rglob("*"))
    assert written == ["practice", "practice/attempts.json"]


def test_template_and_a_vignette_file_from_tests(home: Path, tmp_path: Path) -> None:
    template = run(home, "--vignette", str(TEST_VIGNETTE), "--template")
    assert template.returncode == 0, template.stderr
    doc = json.loads(template.stdout)
    assert doc["vignette"] == "X" and doc["measures"]["EPDS"]["items"] == [None] * 10
    path = tmp_path / "x.json"
    path.write_text(json.dumps(model_answer(find_vignette(str(TEST_VIGNETTE))).to_json()))
    scored = run(home, "--vignette", str(TEST_VIGNETTE), "--attempt", str(path))
    assert scored.returncode == 0, scored.stderr
    assert "Result: PASSED — 20 of 20 points (100%); pass mark 60%" in scored.stdout


def test_errors_are_one_line(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"vignette": "G", "goals": "grief:1"}', encoding="utf-8")
    assert_one_line_error(run(home, "--attempt", str(bad)), str(bad), "goals")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert_one_line_error(run(home, "--attempt", str(broken)), "not valid JSON")
    assert_one_line_error(run(home, "--attempt", str(tmp_path / "missing.json")), "cannot read")
    assert_one_line_error(run(home, "--vignette", "Q"), "No practice vignette has the id 'Q'")
    draft = tmp_path / "draft.toml"
    draft.write_text(
        TEST_VIGNETTE.read_text().replace('area = "role_transition"', 'area = "griefx"', 1)
    )
    assert_one_line_error(run(home, "--vignette", str(draft)), str(draft), "'griefx'")
    assert_one_line_error(run(home, "--pdf", "x.pdf"), "--attempt")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"vignette": "G"}), encoding="utf-8")
    assert_one_line_error(run(home, "--vignette", "D", "--attempt", str(wrong)), "'G', not 'D'")
    assert not (home / "practice").exists()  # nothing recorded for refused attempts
