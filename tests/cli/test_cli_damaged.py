"""A damaged vault through the CLI: read-only, said on stderr, never exit 0, never written."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.cli.test_cli import run
from tests.support import FAST_KDF, PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.store.vault import DB_NAME, Vault

OK = PASSPHRASE + "\n"


def test_commands_on_a_damaged_vault_say_so_and_write_nothing(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "cases", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        fill_demo(vault, 6, seed=2)
    db = vault.folder / DB_NAME
    with db.open("ab") as handle:
        handle.write(b"\x00" * 1000)  # a partial page appended: the size gives it away
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    for args in (("list",), ("search", "sleep"), ("verify",), ("change-passphrase",)):
        stdin = OK + "gravel tangerine lighthouse accordion\n" * 2
        result = run(args[0], str(vault.folder), *args[1:], "--passphrase-stdin", stdin=stdin)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert "read-only" in result.stderr and "Traceback" not in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    Vault.unlock(vault.folder, PASSPHRASE).close()  # the old passphrase still opens it
