"""R1/R2/R4/R12: the fixed open sequence, no plain-sqlite fallback, owner-only files, raw keys."""

from __future__ import annotations

import builtins
import importlib
import re
import stat
import sys
from pathlib import Path

import pytest
import sqlcipher3

from tests.support import PASSPHRASE
from workbench.errors import KeySlotsDamaged, VaultDamaged
from workbench.store import connection
from workbench.store.connection import EXPECTED_CIPHER_SETTINGS, open_database, raw_key_literal
from workbench.store.vault import DB_NAME, SLOTS_NAME, Vault

FROZEN_PRAGMAS = {
    "temp_store": 2,
    "foreign_keys": 1,
    "journal_mode": "delete",
    "synchronous": 2,
    "secure_delete": 1,
    "busy_timeout": 5000,
    "cipher_log_level": "NONE",
}


def test_every_pragma_after_open_matches_the_frozen_set(vault: Vault) -> None:
    conn = vault.conn
    actual = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in FROZEN_PRAGMAS}
    assert actual == FROZEN_PRAGMAS
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    settings = tuple(r[0] for r in conn.execute("PRAGMA cipher_settings"))
    assert settings == EXPECTED_CIPHER_SETTINGS


def test_the_key_is_the_first_operation_on_the_connection(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    class Recording(sqlcipher3.Connection):  # type: ignore[misc]
        def set_key(self, key: bytearray) -> None:
            calls.append("set_key")
            super().set_key(key)

        def execute(self, sql: str, *args: object) -> object:
            calls.append(sql)
            return super().execute(sql, *args)

    path, key = vault.db_path, vault.data_key()
    vault.close()
    monkeypatch.setattr(
        connection,
        "_connect",
        lambda p, read_only: sqlcipher3.connect(str(p), isolation_level=None, factory=Recording),
    )
    conn = open_database(path, key)
    conn.close()
    assert calls[0] == "set_key"
    # The key never travels as SQL text (pysqlite's statement cache would keep it).
    assert not any(re.search(r"PRAGMA\s+(re)?key\b", c, re.IGNORECASE) for c in calls[1:])


def test_the_database_file_has_no_sqlite_header(vault: Vault) -> None:
    vault.close()  # never open the live file while a connection holds it (R22)
    with open(vault.db_path, "rb") as handle:
        head = handle.read(16)
    assert head != b"SQLite format 3\x00"


def test_raw_keys_of_the_wrong_length_are_refused() -> None:
    with pytest.raises(ValueError):
        raw_key_literal(b"\x01" * 31)
    assert len(raw_key_literal(b"\x01" * 32)) == 67  # x'<64 hex>'


def test_no_plain_sqlite_fallback_when_sqlcipher3_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_import = builtins.__import__

    def refuse(name: str, *args: object, **kwargs: object) -> object:
        if name == "sqlcipher3" or name.startswith("sqlcipher3."):
            raise ImportError("hidden for the test")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    monkeypatch.delitem(sys.modules, "sqlcipher3", raising=False)
    reloaded = importlib.reload(connection)
    try:
        with pytest.raises(reloaded.EncryptionUnavailable):
            reloaded.open_database(tmp_path / "x.db", b"\x00" * 32)
        assert not (tmp_path / "x.db").exists()
    finally:
        monkeypatch.undo()
        importlib.reload(connection)


def test_files_and_folder_are_owner_only(vault: Vault) -> None:
    with vault.transaction() as tx:
        vault.audit(tx, "edit", "vault")
    folder_mode = stat.S_IMODE(vault.folder.stat().st_mode)
    assert folder_mode & 0o077 == 0
    for path in vault.folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name


def test_damaged_key_file_gives_a_clear_error_and_leaves_the_database_alone(
    vault: Vault,
) -> None:
    folder = vault.folder
    vault.close()
    db_before = (folder / DB_NAME).read_bytes()
    slots = folder / SLOTS_NAME
    original = slots.read_bytes()
    for damaged in (
        b"",
        original[: len(original) // 2],
        b"{}",
        original.replace(b'"kind"', b'"k"'),
    ):
        slots.write_bytes(damaged)
        with pytest.raises(KeySlotsDamaged):
            Vault.unlock(folder, PASSPHRASE)
    assert (folder / DB_NAME).read_bytes() == db_before
    slots.write_bytes(original)
    Vault.unlock(folder, PASSPHRASE).close()


def test_key_file_of_another_vault_is_refused(new_vault) -> None:  # type: ignore[no-untyped-def]
    first, _ = new_vault("first")
    second, _ = new_vault("second")
    first.close()
    second.close()
    (first.folder / SLOTS_NAME).write_bytes((second.folder / SLOTS_NAME).read_bytes())
    with pytest.raises(VaultDamaged):
        Vault.unlock(first.folder, PASSPHRASE)
