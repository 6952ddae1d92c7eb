"""The one function that opens the encrypted database, and the map from SQLite errors to ours."""

from __future__ import annotations

import contextlib
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workbench.errors import (
    DiskError,
    DiskFull,
    VaultBusy,
    VaultDamaged,
    WorkbenchError,
)

try:  # security-bar R2: never fall back to the standard library's unencrypted sqlite3
    import sqlcipher3
except ImportError:  # pragma: no cover - exercised by a test that hides the module
    sqlcipher3 = None

Connection = Any  # sqlcipher3 ships no type information

# What SQLCipher 4 reports for a database we created; anything else is refused (R1, R22 pitfall).
EXPECTED_CIPHER_SETTINGS = (
    "PRAGMA kdf_iter = 256000;",
    "PRAGMA cipher_page_size = 4096;",
    "PRAGMA cipher_use_hmac = 1;",
    "PRAGMA cipher_plaintext_header_size = 0;",
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA512;",
    "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;",
)
BUSY_TIMEOUT_S = 5.0
# Wiping every SQLite allocation on free (R32a) is process-wide once set. Off: it measured 2.1x
# on a working session (note search 12x), far above the 10 % allowed (docs/vault-format.md).
MEMORY_SECURITY = False

# Every page read past SQLCipher's page cache is decrypted again (the default holds 8 MB): 64 MiB
# holds the caseload's tables and indexes of a 30,000-client vault. The cache fills as pages are
# read, so a small vault costs only its own size.
PAGE_CACHE_KIB = 64 * 1024


class EncryptionUnavailable(WorkbenchError):
    message = (
        "The encryption library (sqlcipher3) is missing or too old, so IPT Workbench will not "
        "open or create a vault. Reinstall the app."
    )


def complete_statement(sql: str) -> bool:
    """Whether *sql* ends a complete SQL statement (used to split schema scripts)."""
    if sqlcipher3 is None:
        raise EncryptionUnavailable()
    return bool(sqlcipher3.complete_statement(sql))


def raw_key_literal(data_key: bytes) -> bytearray:
    """SQLCipher's raw-key form x'<64 hex>'; any other length would silently become a passphrase."""
    if len(data_key) != 32:
        raise ValueError("the data key must be exactly 32 bytes")
    hexkey = data_key.hex().encode("ascii")
    assert len(hexkey) == 64
    return bytearray(b"x'" + hexkey + b"'")


def error_for(exc: Exception) -> WorkbenchError | None:
    """Our typed error for a database error, or None when it is a programming error (a bug)."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc).lower()
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or name.startswith("SQLITE_CORRUPT"):
        return VaultDamaged()
    if name == "SQLITE_FULL" or "disk is full" in text:
        return DiskFull()
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return DiskError(
            "The disk reported an error (it may be full or over a size limit), so the change "
            "was not saved. Nothing already saved was lost; free space and save again."
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return VaultBusy()
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return DiskError(
            "The vault folder cannot be written to (read-only or no permission); nothing was saved."
        )
    return None


@contextlib.contextmanager
def translated_errors() -> Iterator[None]:
    """Turn user-facing SQLite failures into typed errors; let bugs through unchanged."""
    try:
        yield
    except Exception as exc:
        if sqlcipher3 is None or not isinstance(exc, sqlcipher3.Error):
            raise
        typed = error_for(exc)
        if typed is None:
            raise
        raise typed from exc


def _connect(path: Path, read_only: bool) -> Connection:
    assert sqlcipher3 is not None
    target = f"file:{urllib.parse.quote(str(path))}?mode=ro" if read_only else str(path)
    return sqlcipher3.connect(
        target,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
        uri=read_only,
    )


def open_database(path: Path, data_key: bytes, *, read_only: bool = False) -> Connection:
    """Open (or create) the vault database with the fixed sequence of security-bar R1."""
    if sqlcipher3 is None:
        raise EncryptionUnavailable()
    conn = _connect(path, read_only)
    try:
        key = raw_key_literal(data_key)
        conn.set_key(key)  # must be the very first operation on the connection
        key[:] = b"\x00" * len(key)
        with translated_errors():
            conn.execute("PRAGMA cipher_log_level = NONE")
            if MEMORY_SECURITY:
                conn.execute("PRAGMA cipher_memory_security = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            _configure(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _pragma(conn: Connection, name: str) -> Any:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return None if row is None else row[0]


def _configure(conn: Connection) -> None:
    version = str(_pragma(conn, "cipher_version") or "")
    if not version.startswith("4."):
        raise EncryptionUnavailable()
    settings = tuple(row[0] for row in conn.execute("PRAGMA cipher_settings").fetchall())
    if settings != EXPECTED_CIPHER_SETTINGS:
        raise EncryptionUnavailable(
            "The encryption library uses settings this version of IPT Workbench does not know; "
            "the vault was not opened. Reinstall the app."
        )
    conn.execute("PRAGMA temp_store = MEMORY")  # temp files are never encrypted (pitfall 10)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = DELETE")  # rollback journal: bit rot fails loudly (R3)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    checks = {
        "temp_store": 2,
        "foreign_keys": 1,
        "journal_mode": "delete",
        "synchronous": 2,
        "secure_delete": 1,
    }
    for name, expected in checks.items():
        actual = _pragma(conn, name)
        if actual != expected:
            raise EncryptionUnavailable(
                f"The database refused a required setting ({name}); the vault was not opened."
            )
