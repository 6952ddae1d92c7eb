"""No plaintext at rest: canaries in every kind of record never appear in any file we write."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.support import FAST_KDF, PASSPHRASE
from workbench.store import clients
from workbench.store.backup import make_backup, restore_backup
from workbench.store.bulk import insert_bundles
from workbench.store.vault import Vault

CANARY = "ZQXCANARY"
CYRILLIC_CANARY = "ЖЩЮКАНАРЕЙКА"


def _encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


def _canary_bundle() -> dict[str, object]:
    c = CANARY
    return {
        "code": f"{c}-CODE",
        "given_name": f"{c}Given",
        "family_name": CYRILLIC_CANARY,
        "date_of_birth": "1980-01-01",
        "contact": {"email": f"{c}@example.org"},
        "episodes": [
            {
                "kind": "acute",
                "manual_profile": "WMK",
                "contracted_sessions": 12,
                "start_date": "2026-01-05",
                "people": [
                    {
                        "alias": f"{c} sister",
                        "relationship": "sibling",
                        "details": {"good": f"{c} walks together", "ring": 1},
                    }
                ],
                "circle_snapshots": [
                    {
                        "taken_on": "2026-01-05",
                        "label": f"{c} intake",
                        "placements": [(f"{c} sister", 1, "supportive")],
                    }
                ],
                "timeline": [
                    {
                        "date": "2025-11-01",
                        "type": "death",
                        "notes": f"{c} funeral",
                        "people": [f"{c} sister"],
                    }
                ],
                "formulation": {
                    "primary_area": "grief",
                    "statement": f"{c} formulation",
                    "patient_words": f"{c} own words",
                },
                "goals": [{"problem_area": "grief", "text": f"{c} goal"}],
                "sessions": [
                    {
                        "number": 1,
                        "held_on": "2026-01-05",
                        "note": {
                            "body": {"check_in": f"{c} session note {CYRILLIC_CANARY}"},
                            "addenda": [
                                {
                                    "body": {"text": f"{c} addendum"},
                                    "signed_by": "Dr Test",
                                    "signed_at": "2026-01-06T10:00:00Z",
                                    "content_hash": "0" * 64,
                                }
                            ],
                        },
                        "measures": [
                            {
                                "instrument": "PHQ-9",
                                "items": [1, 1, 1, 1, 1, 1, 1, 1, 1],
                                "total": 9,
                                "risk_flags": [
                                    {
                                        "source": "PHQ-9 item 9",
                                        "risk_note": {
                                            "body": {"text": f"{c} risk note"},
                                            "signed_by": "Dr Canary",
                                        },
                                    }
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
    }


def _fill_every_kind(vault: Vault) -> None:
    with vault.transaction() as tx:
        (cid,) = insert_bundles(tx, [_canary_bundle()], vault.now())
        eid = tx.execute("SELECT id FROM episodes WHERE client_id = ?", (cid,)).fetchone()[0]
        now = vault.now()
        tx.execute(
            "INSERT INTO process_notes (episode_id, body, created_at, updated_at) "
            "VALUES (?, ?, ?, ?)",
            (eid, f"{CANARY} process note", now, now),
        )
        tx.execute(
            "INSERT INTO contract_changes (episode_id, changed_on, old_sessions, "
            "new_sessions, reason) VALUES (?, ?, 12, 14, ?)",
            (eid, "2026-02-01", f"{CANARY} reason"),
        )
        tx.execute(
            "INSERT INTO checklist_state (episode_id, item_id, status, note, updated_at) "
            "VALUES (?, 'initial.inventory', 'done', ?, ?)",
            (eid, f"{CANARY} item", now),
        )
        tx.execute(
            "INSERT INTO maintenance_plans (episode_id, plan_json, updated_at) VALUES (?, ?, ?)",
            (eid, f'{{"signs": "{CANARY} warning sign"}}', now),
        )
        vault.audit(tx, "create", "client", cid)


def _assert_no_canary(folder: Path) -> None:
    needles = _encodings(CANARY) + _encodings(CYRILLIC_CANARY)
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"plaintext canary found in {path.name}"


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Route the process's temp directory somewhere we can scan completely."""
    folder = tmp_path / "systemtmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_canaries_never_reach_disk_in_plaintext(
    tmp_path: Path,
    private_tmp: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    vault, _ = Vault.create(tmp_path / "work" / "canary", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        _fill_every_kind(vault)
        with vault.reading() as conn:
            assert clients.search_notes(conn, CANARY)  # searchable inside the vault
            assert clients.list_clients(conn, CANARY.lower())
        backup = make_backup(vault, tmp_path / "work" / "canary-backup")
        assert vault.check_integrity().ok
    restored = tmp_path / "work" / "restored"
    restore_backup(backup.path, restored, PASSPHRASE)
    Vault.unlock(restored, PASSPHRASE).close()

    with open(vault.db_path, "rb") as handle:
        assert handle.read(16) != b"SQLite format 3\x00"
    _assert_no_canary(tmp_path / "work")
    _assert_no_canary(private_tmp)
    out, err = capsys.readouterr()
    assert CANARY not in out + err + caplog.text
    assert CYRILLIC_CANARY not in out + err + caplog.text


def test_deleting_a_client_removes_rows_and_search_hits(vault: Vault) -> None:
    _fill_every_kind(vault)
    with vault.reading() as conn:
        (cid,) = [s.id for s in clients.list_clients(conn, CANARY)]
    with vault.transaction() as tx:
        clients.delete_client(tx, cid)
        vault.audit(tx, "delete", "client", cid)
    with vault.reading() as conn:
        assert clients.search_notes(conn, CANARY) == []
        for table in (
            "episodes",
            "sessions",
            "notes",
            "process_notes",
            "inventory_people",
            "timeline_events",
            "measure_administrations",
            "risk_flags",
        ):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
