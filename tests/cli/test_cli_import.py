"""import-json through the CLI: a new vault from an export, or a path-named refusal."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run
from tests.support import FAST_KDF, PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.store.vault import Vault

OK = PASSPHRASE + "\n"


def test_import_json_makes_a_new_vault_or_names_the_problem(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "cases", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        fill_demo(vault, 5, seed=4)
    out = tmp_path / "all.json"
    assert (
        run("export-json", str(vault.folder), str(out), "--passphrase-stdin", stdin=OK).returncode
        == 0
    )

    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["clients"][2]["episodes"][0]["start_date"] = 20260101
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    refused = run(
        "import-json", str(tmp_path / "nope"), str(bad), "--passphrase-stdin", stdin=OK * 2
    )
    assert refused.returncode == 1
    assert "clients[2].episodes[0].start_date: expected text" in refused.stderr
    assert not (tmp_path / "nope.iptvault").exists()

    made = run("import-json", str(tmp_path / "copy"), str(out), "--passphrase-stdin", stdin=OK * 2)
    assert made.returncode == 0, made.stderr
    assert "Imported 5 clients" in made.stdout and "Recovery code" in made.stdout
    listed = run("list", str(tmp_path / "copy"), "--passphrase-stdin", stdin=OK)
    original = run("list", str(vault.folder), "--passphrase-stdin", stdin=OK)
    assert listed.returncode == 0 and listed.stdout == original.stdout
