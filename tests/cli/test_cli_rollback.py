"""Every CLI command repeats the rollback warning until `verify --accept-rollback`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.support import FAST_KDF, PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.store.vault import DB_NAME, Vault

OK = PASSPHRASE + "\n"
WARNING = "older than the last one IPT Workbench saw"


def _rolled_back(tmp_path: Path, whole_folder: bool) -> Path:
    vault, _ = Vault.create(tmp_path / "cases", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        fill_demo(vault, 4, seed=3)
    folder = vault.folder
    shutil.copytree(folder, tmp_path / "old")
    assert (
        run("backup", str(folder), str(tmp_path / "b"), "--passphrase-stdin", stdin=OK).returncode
        == 0
    )
    if whole_folder:
        shutil.rmtree(folder)
        shutil.copytree(tmp_path / "old", folder)
    else:
        shutil.copy2(tmp_path / "old" / DB_NAME, folder / DB_NAME)
    return folder


@pytest.mark.parametrize("whole_folder", [False, True], ids=["database", "whole-folder"])
def test_every_command_warns_until_accepted(tmp_path: Path, whole_folder: bool) -> None:
    folder = _rolled_back(tmp_path, whole_folder)
    commands = [
        ("list", str(folder)),
        ("search", str(folder), "sleep"),
        ("backup", str(folder), str(tmp_path / "again")),
        ("export-json", str(folder), str(tmp_path / "all.json")),
        ("list", str(folder)),
    ]
    for args in commands:
        result = run(*args, "--passphrase-stdin", stdin=OK)
        assert WARNING in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    for _ in range(2):
        verify = run("verify", str(folder), "--passphrase-stdin", stdin=OK)
        assert verify.returncode == 1 and WARNING in verify.stderr
        assert "freshness: older" in verify.stdout

    accepted = run("verify", str(folder), "--accept-rollback", "--passphrase-stdin", stdin=OK)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    after = run("list", str(folder), "--passphrase-stdin", stdin=OK)
    assert after.returncode == 0 and WARNING not in after.stderr
    assert run("verify", str(folder), "--passphrase-stdin", stdin=OK).returncode == 0
