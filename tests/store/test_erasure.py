"""Deleting a client erases its text: no decrypted page of the database still holds a word of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from tests.cli.test_cli import run
from tests.support import PASSPHRASE
from workbench.domain.episode import Contract
from workbench.errors import InvalidInput
from workbench.services import episodes, erasure, sessions
from workbench.store.clients import search_notes
from workbench.store.vault import DB_NAME, Vault

PAGE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 at the end of every page
CANARIES = ("Zqxwobbleton", "Vrynkelmarsh", "quorblefizz", "plimsquatter")


def decrypted_pages(db: Path, key: bytes) -> list[bytes]:
    """Every page of the file decrypted with the data key, as SQLCipher lays pages out."""
    data = db.read_bytes()
    pages = []
    for number in range(len(data) // PAGE):
        page = data[number * PAGE : (number + 1) * PAGE]
        start = 16 if number == 0 else 0  # page 1 starts with the plaintext salt
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize())
    assert pages[0][:2] == PAGE.to_bytes(2, "big")  # the SQLite header's page size: key is right
    return pages


def canary_hits(db: Path, key: bytes) -> list[str]:
    text = b"".join(decrypted_pages(db, key))
    found = [c for c in CANARIES if c.encode() in text or c.lower().encode() in text]
    return found


def _client_with_canaries(vault: Vault) -> int:
    episodes.set_clinician_name(vault, "Dr Ada Example")
    client, episode = episodes.start_client(
        vault, CANARIES[0], CANARIES[1], Contract("WMK", 12), "2026-03-02"
    )
    for n in range(3):
        _, note = sessions.record_session(vault, episode, f"2026-03-{9 + 7 * n:02d}")
        body = {"check_in": f"Talked about {CANARIES[2]} and the {CANARIES[3]} at length {n}"}
        sessions.save_note(vault, note, body)
    return client


def test_no_page_holds_a_deleted_clients_words(vault: Vault) -> None:
    keep, _ = episodes.start_client(vault, "Other", "Person", Contract("WMK", 12), "2026-03-02")
    client = _client_with_canaries(vault)
    key = vault.data_key()
    assert set(canary_hits(vault.db_path, key)) == set(CANARIES)  # the probe can see them

    code = erasure.confirmation_code(vault, client)
    with pytest.raises(InvalidInput):
        erasure.delete_client(vault, client, "WRONG-CODE")
    assert episodes.get_client(vault, client).code == code
    erasure.delete_client(vault, client, code.lower())

    with vault.reading() as conn:
        assert search_notes(conn, CANARIES[2]) == []
    assert canary_hits(vault.db_path, key) == []
    assert vault.check_integrity().ok
    assert episodes.get_client(vault, keep).family_name == "Person"


def test_cli_delete_client_asks_for_the_code(vault: Vault) -> None:
    client = _client_with_canaries(vault)
    code = erasure.confirmation_code(vault, client)
    key, folder = vault.data_key(), vault.folder
    vault.close()
    ok = PASSPHRASE + "\n"
    wrong = run("delete-client", str(folder), str(client), "--passphrase-stdin", stdin=ok + "no\n")
    assert wrong.returncode == 1 and "nothing was deleted" in wrong.stderr
    done = run(
        "delete-client", str(folder), str(client), "--passphrase-stdin", stdin=ok + code + "\n"
    )
    assert done.returncode == 0, done.stderr
    assert "Backups made before now still hold" in done.stdout
    assert canary_hits(folder / DB_NAME, key) == []
