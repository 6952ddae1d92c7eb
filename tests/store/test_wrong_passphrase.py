"""R7, R8, R10, R12: wrong passphrases fail cleanly and never touch the file; the right one,
the recovery code, a changed passphrase, NFD input and SQL-ish characters all work."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.support import FAST_KDF, PASSPHRASE
from workbench.errors import TooManyAttempts, WrongPassphrase, WrongRecoveryCode
from workbench.store.clients import add_client, list_clients
from workbench.store.keyslots import KdfParams
from workbench.store.throttle import ATTEMPTS_NAME, FREE_ATTEMPTS
from workbench.store.vault import DB_NAME, Vault

CHILD = Path(__file__).with_name("_child.py")
NEW_PASSPHRASE = "violet anchor midnight cobalt seventeen"


def _fingerprint(db: Path) -> tuple[str, int, int]:
    """SHA-256, mtime (ns) and size of the database file."""
    stat = db.stat()
    return hashlib.sha256(db.read_bytes()).hexdigest(), stat.st_mtime_ns, stat.st_size


def _no_journals(folder: Path) -> None:
    for suffix in ("-journal", "-wal", "-shm"):
        assert not (folder / f"{DB_NAME}{suffix}").exists(), suffix


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def closed_vault(new_vault) -> tuple[Path, str]:
    vault, code = new_vault()
    with vault.transaction() as tx:
        add_client(tx, vault.now(), given_name="Ada", family_name="Quill")
    vault.close()
    return vault.folder, code


# Text that includes empty, NUL, lone surrogates (category Cs) and every other code point.
any_text = st.text(st.characters(exclude_categories=()), max_size=64)
passphrases = st.one_of(
    any_text,
    st.just(""),
    st.just("\x00"),
    st.just("\ud800"),
    st.just("correct horse\ud800battery staple"),
    st.just(PASSPHRASE + "\x00"),
    st.just(PASSPHRASE.upper()),
    st.just(" " + PASSPHRASE),
    st.just("x" * 1_000_000),
    st.builds(lambda s: s * (1_000_000 // max(1, len(s))), any_text.filter(bool)),
)


def test_wrong_passphrases_fail_fast_and_touch_nothing(
    closed_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = closed_vault
    # Fast means one key derivation per attempt, whatever the input: counted, not clocked, so a
    # busy machine cannot decide the result.
    derivations: list[int] = []
    derive = KdfParams.derive

    def counted(params: KdfParams, secret: bytes, salt: bytes) -> bytes:
        derivations.append(len(secret))
        return derive(params, secret, salt)

    monkeypatch.setattr(KdfParams, "derive", counted)
    db = folder / DB_NAME
    before = _fingerprint(db)
    seen: list[str] = []

    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(passphrases)
    @example("")
    @example("\x00")
    @example("\ud800")
    @example("a\udfffb")
    @example("x" * 1_000_000)
    def attempt(wrong: str) -> None:
        try:
            same = unicodedata.normalize("NFC", wrong) == PASSPHRASE
        except ValueError:
            same = False
        if same:
            return
        (folder / ATTEMPTS_NAME).unlink(missing_ok=True)  # one attempt per example: no throttle
        derivations.clear()
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, wrong)
        assert len(derivations) <= 1
        assert _fingerprint(db) == before
        _no_journals(folder)
        seen.append(wrong)

    attempt()
    assert len(seen) >= 30
    assert {"", "\x00", "\ud800", "x" * 1_000_000} <= set(seen)
    (folder / ATTEMPTS_NAME).unlink(missing_ok=True)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert [c.display_name for c in list_clients(vault.conn)] == ["Ada Quill"]


def _child_unlock(folder: Path, passphrase: str, at: datetime) -> dict[str, str]:
    """Vault.unlock in a fresh process (an app restart) at a fixed clock time."""
    env = {**os.environ, "WB_TEST_PASSPHRASE": passphrase}
    proc = subprocess.run(
        [sys.executable, str(CHILD), "unlock", str(folder), str(at.timestamp())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(proc.stdout)


def test_sixth_attempt_is_throttled_and_survives_restart(closed_vault: tuple[Path, str]) -> None:
    folder, code = closed_vault
    db = folder / DB_NAME
    before = _fingerprint(db)
    clock = FakeClock()
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, "not the passphrase", clock=clock)
    # Attempt 6 is refused before any key is tried, even with the right passphrase or code.
    for kwargs in (
        {"passphrase": "still wrong"},
        {"passphrase": PASSPHRASE},
        {"recovery_code": code},
    ):
        with pytest.raises(TooManyAttempts):
            Vault.unlock(folder, clock=clock, **kwargs)
    clock.advance(1.5)
    with pytest.raises(TooManyAttempts):
        Vault.unlock(folder, PASSPHRASE, clock=clock)
    # A restart (new process, same moment) still sees the counter.
    assert _child_unlock(folder, PASSPHRASE, clock.now) == {"error": "TooManyAttempts"}
    assert _fingerprint(db) == before
    _no_journals(folder)

    clock.advance(1.0)  # 2.5 s after the 5th failure: the 2 s wait is over
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, "wrong again", clock=clock)
    clock.advance(3.9)  # the 6th failure doubles the wait to 4 s
    with pytest.raises(TooManyAttempts):
        Vault.unlock(folder, PASSPHRASE, clock=clock)
    assert _fingerprint(db) == before
    clock.advance(0.2)
    with Vault.unlock(folder, PASSPHRASE, clock=clock) as vault:
        assert vault.is_open
    assert not (folder / ATTEMPTS_NAME).exists()  # success resets the counter
    clock.advance(0.1)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, "wrong once more", clock=clock)


def test_recovery_code_and_passphrase_change(closed_vault: tuple[Path, str]) -> None:
    folder, code = closed_vault
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock(folder, recovery_code="0000-0000-0000-0000-0000-0000-0000")
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock(folder, recovery_code="not a code")
    with Vault.unlock(folder, recovery_code=code) as vault:
        assert vault.is_open
    with Vault.unlock(folder, recovery_code=code.lower().replace("-", " ")) as vault:
        assert vault.is_open

    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    with Vault.unlock(folder, NEW_PASSPHRASE) as vault:
        assert [c.display_name for c in list_clients(vault.conn)] == ["Ada Quill"]
    with Vault.unlock(folder, recovery_code=code) as vault:
        assert [c.display_name for c in list_clients(vault.conn)] == ["Ada Quill"]


def test_nfd_input_unlocks_an_nfc_passphrase(new_vault) -> None:
    nfc = unicodedata.normalize("NFC", "Ångström café résumé naïve")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd and nfc.encode() != nfd.encode()
    vault, _ = new_vault("nfc", nfc)
    folder = vault.folder
    vault.close()
    with Vault.unlock(folder, nfd) as reopened:
        assert reopened.is_open
    with Vault.unlock(folder, nfc) as reopened:
        assert reopened.is_open


@pytest.mark.parametrize(
    "passphrase",
    [
        """it's "quoted"; -- DROP TABLE clients; 🔐🦄 x'00'""",
        "'; PRAGMA key = ''; --  émoji 👩‍⚕️ 🏳️‍🌈 tab\there",
    ],
)
def test_sql_syntax_and_emoji_round_trip(new_vault, passphrase: str) -> None:
    vault, _ = new_vault("quotes", passphrase)
    with vault.transaction() as tx:
        add_client(tx, vault.now(), given_name="Bo", family_name="Rook")
    folder = vault.folder
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, passphrase[:-1])
    with Vault.unlock(folder, passphrase) as reopened:
        assert [c.display_name for c in list_clients(reopened.conn)] == ["Bo Rook"]
