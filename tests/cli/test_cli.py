"""The command-line contract: exit codes, one human line on errors, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import FAST_KDF, PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.store.vault import Vault

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([os.environ["PYTHONPATH"], str(ROOT)])}
    env.pop("IPT_WORKBENCH_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd or ROOT,
        env=env,
        start_new_session=True,  # no controlling terminal: getpass cannot open /dev/tty
    )


def assert_human_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ipt-workbench: "), result.stderr


@pytest.fixture
def demo_vault(tmp_path: Path) -> Path:
    vault, _ = Vault.create(tmp_path / "cases", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        fill_demo(vault, 12, seed=5)
    return vault.folder


def test_init_prints_the_recovery_code_once_and_it_unlocks(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "mine"), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    code = next(line.strip() for line in result.stdout.splitlines() if line.count("-") == 6)
    Vault.unlock(tmp_path / "mine.iptvault", recovery_code=code).close()
    again = run("init", str(tmp_path / "mine"), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert_human_error(again)


def test_init_refuses_a_weak_passphrase(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "weak"), "--passphrase-stdin", stdin="password1\n")
    assert_human_error(result)
    assert not (tmp_path / "weak.iptvault").exists()


def test_list_shows_phase_session_and_risk_flags(demo_vault: Path) -> None:
    result = run("list", str(demo_vault), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(rows) == 12
    for row in rows:
        assert row[0].isdigit() and row[1].startswith("D-")
        assert row[4].startswith(("session ", "no episode"))
        assert row[5].startswith("open risk flags: ")
    name = rows[0][2].split()[-1]
    found = run(
        "list",
        str(demo_vault),
        "--search",
        name.lower(),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert found.returncode == 0 and name in found.stdout


@pytest.mark.parametrize("stdin", ["wrong passphrase\n", "\n", "\x00\n"])
def test_wrong_passphrase_is_one_clear_line(demo_vault: Path, stdin: str) -> None:
    result = run("list", str(demo_vault), "--passphrase-stdin", stdin=stdin)
    assert_human_error(result)
    assert "Passphrase not accepted" in result.stderr


def test_missing_vault_and_damaged_file_are_clear(demo_vault: Path, tmp_path: Path) -> None:
    assert_human_error(run("verify", str(tmp_path / "nowhere"), "--passphrase-stdin"))
    db = demo_vault / "caseload.db"
    data = bytearray(db.read_bytes())
    data[5000:5100] = b"\xff" * 100
    db.write_bytes(bytes(data))
    result = run("verify", str(demo_vault), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert_human_error(result)
    assert "damaged" in result.stderr


def test_verify_backup_restore_and_export_json(demo_vault: Path, tmp_path: Path) -> None:
    ok = PASSPHRASE + "\n"
    verify = run("verify", str(demo_vault), "--passphrase-stdin", stdin=ok)
    assert verify.returncode == 0 and "audit log chain: ok" in verify.stdout
    backup = run(
        "backup", str(demo_vault), str(tmp_path / "b.iptbackup"), "--passphrase-stdin", stdin=ok
    )
    assert backup.returncode == 0, backup.stderr
    restore = run(
        "restore",
        str(tmp_path / "b.iptbackup"),
        str(tmp_path / "copy"),
        "--passphrase-stdin",
        stdin=ok,
    )
    assert restore.returncode == 0, restore.stderr
    out = tmp_path / "caseload.json"
    export = run("export-json", str(tmp_path / "copy"), str(out), "--passphrase-stdin", stdin=ok)
    assert export.returncode == 0, export.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "ipt-workbench-caseload" and len(doc["clients"]) == 12
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)
    assert all("process_notes" not in e for c in doc["clients"] for e in c["episodes"])
    bad = run("restore", str(out), str(tmp_path / "x"), "--passphrase-stdin", stdin=ok)
    assert_human_error(bad)


def test_search_finds_notes(demo_vault: Path) -> None:
    result = run("search", str(demo_vault), "sleep", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    assert "sleep" in result.stdout.lower()


def test_demo_is_deterministic(tmp_path: Path) -> None:
    from workbench.demo.generator import bundles

    assert list(bundles(30, 9)) == list(bundles(30, 9))
    assert list(bundles(30, 9)) != list(bundles(30, 10))
    result = run(
        "demo",
        str(tmp_path / "d"),
        "--clients",
        "20",
        "--seed",
        "3",
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "20 fictional clients" in result.stdout


def test_usage_errors_exit_2_and_help_exits_0() -> None:
    assert run("bogus").returncode == 2
    assert run("--help").returncode == 0


def test_export_writes_each_kind_and_refuses_bad_requests(tmp_path: Path) -> None:
    from tests.reports.course import record_course

    vault, _ = Vault.create(tmp_path / "course", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        client = record_course(vault, sessions_held=6)
    folder = str(vault.folder)
    for kind in ("session-summary", "supervisor-report", "maintenance-plan"):
        out = tmp_path / f"{kind}.pdf"
        result = run(
            "export",
            folder,
            str(client),
            "--kind",
            kind,
            "--out",
            str(out),
            "--passphrase-stdin",
            stdin=PASSPHRASE + "\n",
        )
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"%PDF")
    protected = tmp_path / "protected.pdf"
    result = run(
        "export",
        folder,
        str(client),
        "--kind",
        "supervisor-report",
        "--deidentify",
        "--password",
        "--out",
        str(protected),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\nwillow-quartz-heron-maple\n",
    )
    assert result.returncode == 0 and "AES-256" in result.stdout
    assert_human_error(
        run(
            "export",
            folder,
            "999",
            "--kind",
            "supervisor-report",
            "--out",
            str(tmp_path / "x.pdf"),
            "--passphrase-stdin",
            stdin=PASSPHRASE + "\n",
        )
    )
    assert_human_error(
        run(
            "export",
            folder,
            str(client),
            "--kind",
            "session-summary",
            "--session",
            "40",
            "--out",
            str(tmp_path / "y.pdf"),
            "--passphrase-stdin",
            stdin=PASSPHRASE + "\n",
        )
    )
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_no_terminal_and_no_passphrase_is_a_plain_message(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "scripted"))  # stdin empty, no --passphrase-stdin
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith(  # after getpass's own prompt
            "ipt-workbench: No passphrase was typed. In a script, pass it on standard input with "
            "--passphrase-stdin."
        )
    )
    assert not (tmp_path / "scripted.iptvault").exists()


def test_export_pack_writes_one_deidentified_pdf_and_refuses_bad_ids(tmp_path: Path) -> None:
    from tests.deid.corpus import plant_corpus

    vault, _ = Vault.create(tmp_path / "pack", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        planted = plant_corpus(vault, 3)
    folder, ids = str(vault.folder), ",".join(str(p.client_id) for p in planted)
    out = tmp_path / "pack.pdf"
    result = run(
        "export-pack",
        folder,
        "--clients",
        ids,
        "--out",
        str(out),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "3 cases, de-identified" in result.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Supervision pack (de-identified)" in text and "Magdalena" not in text
    for bad in ("1,x", "999", ""):
        result = run(
            "export-pack",
            folder,
            "--clients",
            bad,
            "--out",
            str(tmp_path / "bad.pdf"),
            "--passphrase-stdin",
            stdin=PASSPHRASE + "\n",
        )
        assert_human_error(result)
    assert not (tmp_path / "bad.pdf").exists()
