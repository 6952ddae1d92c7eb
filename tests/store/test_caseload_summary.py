"""The trigger-kept caseload summary equals its defining view after every kind of write."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tests.store.test_migrations import FIXTURE_PASSPHRASE, FIXTURES
from workbench.demo.build import fill_demo
from workbench.store import clients
from workbench.store.clients import add_client, delete_client, list_clients
from workbench.store.connection import Connection
from workbench.store.vault import Vault

NOW = "2030-01-07T09:00:00Z"


def _drift(conn: Connection) -> list[tuple[object, ...]]:
    """Rows where the kept summary and the view disagree (empty when they agree)."""
    kept = set(conn.execute("SELECT * FROM caseload_summary").fetchall())
    defined = set(conn.execute("SELECT * FROM caseload_current").fetchall())
    return sorted(kept ^ defined, key=repr)


def _pick(conn: Connection, sql: str, rng: random.Random) -> int | None:
    ids = [row[0] for row in conn.execute(sql)]
    return rng.choice(ids) if ids else None


def _date(rng: random.Random) -> str:
    return f"2029-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


KINDS = (
    *("client+", "client~", "client-", "episode+", "episode~", "episode-", "session+", "session-"),
    *("phq9+", "phq9~", "phq9-", "flag+", "flag~", "flag-", "plan+", "plan~", "plan-"),
)
BARE_SESSIONS = (  # deleting a session's notes could unlink the risk note a closed flag needs
    "SELECT id FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM notes WHERE session_id = s.id)"
)


def _write(tx: Connection, rng: random.Random) -> str:
    """One random write of a kind that changes what the caseload shows; returns its kind."""
    kind = rng.choice(KINDS)
    client = _pick(tx, "SELECT id FROM clients", rng)
    episode = _pick(tx, "SELECT id FROM episodes", rng)
    if kind == "client+" or client is None:
        add_client(tx, NOW, given_name="Ines", family_name=f"Quarto{rng.randint(1, 99)}")
        return "client+"
    if kind == "client~":  # a rename moves the client in the name order
        tx.execute(
            "UPDATE clients SET family_name = ?, given_name = ?, name_key = ? WHERE id = ?",
            (f"Renamed{rng.randint(1, 99)}", "Ola", f"ola renamed {client}", client),
        )
    elif kind == "client-":
        delete_client(tx, client)
    elif kind == "episode+":
        tx.execute(
            "INSERT INTO episodes (client_id, kind, manual_profile, contracted_sessions, "
            "start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (client, rng.choice(["acute", "maintenance"]), rng.choice(["WMK", "SR"]),
             rng.randint(8, 20), _date(rng), NOW, NOW),
        )  # fmt: skip
    elif episode is None:
        return "none"
    elif kind == "episode~":
        tx.execute(
            "UPDATE episodes SET start_date = ?, status = ?, contracted_sessions = ? WHERE id = ?",
            (_date(rng), rng.choice(["active", "ended"]), rng.randint(8, 20), episode),
        )
    elif kind == "episode-":
        tx.execute("DELETE FROM episodes WHERE id = ?", (episode,))
    elif kind == "session+":
        number = tx.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM sessions WHERE episode_id = ?", (episode,)
        ).fetchone()[0]
        tx.execute(
            "INSERT INTO sessions (episode_id, number, held_on, created_at) VALUES (?, ?, ?, ?)",
            (episode, number, _date(rng), NOW),
        )
    elif kind == "session-":
        tx.execute("DELETE FROM sessions WHERE id = ?", (_pick(tx, BARE_SESSIONS, rng),))
    elif kind == "phq9+":
        tx.execute(
            "INSERT INTO measure_administrations (episode_id, instrument, administered_on, total, "
            "complete, created_at) VALUES (?, 'PHQ-9', ?, ?, ?, ?)",
            (episode, _date(rng), rng.randint(0, 27), rng.choice([0, 1, 1]), NOW),
        )
    elif kind == "phq9~":
        tx.execute(
            "UPDATE measure_administrations SET total = ?, complete = ?, administered_on = ? "
            "WHERE id = ?",
            (rng.randint(0, 27), rng.choice([0, 1]), _date(rng),
             _pick(tx, "SELECT id FROM measure_administrations", rng)),
        )  # fmt: skip
    elif kind == "phq9-":
        admin = _pick(tx, "SELECT id FROM measure_administrations", rng)
        tx.execute("DELETE FROM measure_administrations WHERE id = ?", (admin,))
    elif kind == "flag+":
        tx.execute(
            "INSERT INTO risk_flags (episode_id, source, raised_at) VALUES (?, 'PHQ-9 item 9', ?)",
            (episode, _date(rng)),
        )
    elif kind == "flag~":
        flag = _pick(tx, "SELECT id FROM risk_flags WHERE status = 'open'", rng)
        if flag is not None:
            owner = tx.execute("SELECT episode_id FROM risk_flags WHERE id = ?", (flag,)).fetchone()
            note = tx.execute(
                "INSERT INTO notes (episode_id, kind, status, signed_by, signed_at, content_hash,"
                " created_at, updated_at) VALUES (?, 'risk', 'signed', 'Test', ?, 'x', ?, ?)",
                (owner[0], NOW, NOW, NOW),  # risk notes are signed as written
            ).lastrowid
            tx.execute(
                "UPDATE risk_flags SET status = 'noted', note_id = ? WHERE id = ?", (note, flag)
            )
    elif kind == "flag-":
        flag = _pick(tx, "SELECT id FROM risk_flags", rng)
        tx.execute("DELETE FROM risk_flags WHERE id = ?", (flag,))
    elif kind in ("plan+", "plan~"):
        tx.execute(
            "INSERT INTO maintenance_plans (episode_id, plan_json, updated_at) "
            "VALUES (?, json_object('review_date', ?), ?) ON CONFLICT (episode_id) "
            "DO UPDATE SET plan_json = excluded.plan_json",
            (episode, _date(rng), NOW),
        )
    else:
        tx.execute("DELETE FROM maintenance_plans WHERE episode_id = ?", (episode,))
    return kind


def test_summary_follows_every_kind_of_write(vault: Vault) -> None:
    fill_demo(vault, 30, seed=5)  # the bulk path: every table filled by executemany
    with vault.reading() as conn:
        assert _drift(conn) == []
    rng = random.Random(12)
    done: set[str] = set()
    for _ in range(400):
        with vault.transaction() as tx:
            kind = _write(tx, rng)
            assert _drift(tx) == [], kind
        done.add(kind)
    assert len(done - {"none"}) == len(KINDS)  # every kind of write happened at least once
    with vault.reading() as conn:
        count = conn.execute("SELECT count(*) FROM clients").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM caseload_summary").fetchone()[0] == count
        assert len(list_clients(conn)) == count


def test_a_released_vault_gains_a_full_summary_when_it_migrates(tmp_path: Path) -> None:
    folder = tmp_path / "v1.iptvault"
    shutil.copytree(FIXTURES / "vault_v1.iptvault", folder)
    with Vault.unlock(folder, FIXTURE_PASSPHRASE) as vault, vault.reading() as conn:
        assert conn.execute("SELECT count(*) FROM caseload_summary").fetchone()[0] > 0
        assert _drift(conn) == []


def test_the_list_reads_in_name_order_without_sorting_and_a_limit_stops_early(
    vault: Vault,
) -> None:
    fill_demo(vault, 60, seed=6)
    with vault.reading() as conn:
        for search, params in (("", ()), (clients.NAME_FILTER, ("%a%",))):
            sql = clients.SUMMARY_SQL + search + clients.NAME_ORDER + " LIMIT 5"
            plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
            assert "TEMP B-TREE" not in plan  # no sort: LIMIT ends the scan
            assert plan == "SCAN caseload_summary"  # one B-tree, no join
        everyone = list_clients(conn, "a")
        assert list_clients(conn, "a", limit=5) == everyone[:5]
        assert [c.display_name for c in list_clients(conn)] != []


@pytest.mark.parametrize(
    ("given", "family", "preferred", "shown"),
    [
        ("Ines", "Quarto", "", "Ines Quarto"),
        ("Ines", "Quarto", "Nessa", "Nessa Quarto"),
        ("", "Quarto", "", "Quarto"),
        ("Ines", "", "", "Ines"),
        ("", "", "", "(no name)"),
    ],
)
def test_a_listed_client_is_named_by_preferred_or_given_then_family_name(
    vault: Vault, given: str, family: str, preferred: str, shown: str
) -> None:
    with vault.transaction() as tx:
        add_client(tx, NOW, given_name=given, family_name=family, preferred_name=preferred)
    with vault.reading() as conn:
        assert [c.display_name for c in list_clients(conn)] == [shown]
