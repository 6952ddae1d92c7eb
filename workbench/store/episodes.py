"""Episodes, their contract and renegotiation log, and the sessions held in them."""

from __future__ import annotations

from typing import Any

from workbench.domain.episode import Contract, ContractChange, Episode, EpisodeKind, SessionFormat
from workbench.errors import InvalidInput, NotFound
from workbench.store.connection import Connection

_EPISODE_COLUMNS = (
    "id, client_id, kind, manual_profile, contracted_sessions, frequency, format, "
    "session_length_min, start_date, end_date, status"
)


def add_episode(
    tx: Connection,
    now: str,
    client_id: int,
    *,
    kind: str,
    manual_profile: str,
    contracted_sessions: int,
    start_date: str,
    frequency: str = "weekly",
    format: str = "individual",
    session_length_min: int = 50,
) -> int:
    cur = tx.execute(
        "INSERT INTO episodes (client_id, kind, manual_profile, contracted_sessions, frequency, "
        "format, session_length_min, start_date, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            client_id,
            kind,
            manual_profile,
            contracted_sessions,
            frequency,
            format,
            session_length_min,
            start_date,
            now,
            now,
        ),
    )
    return int(cur.lastrowid)


def _episode(row: tuple[Any, ...]) -> Episode:
    (eid, client_id, kind, profile, contracted, frequency, fmt, length, start, end, status) = row
    contract = Contract(profile, contracted, frequency, SessionFormat(fmt), length)
    return Episode(eid, client_id, EpisodeKind(kind), contract, start, end, status == "ended")


def get_episode(conn: Connection, episode_id: int) -> Episode:
    row = conn.execute(
        f"SELECT {_EPISODE_COLUMNS} FROM episodes WHERE id = ?",
        (episode_id,),
    ).fetchone()
    if row is None:
        raise NotFound("No such episode.")
    return _episode(row)


def client_episodes(conn: Connection, client_id: int) -> list[Episode]:
    """A client's episodes, oldest first."""
    rows = conn.execute(
        f"SELECT {_EPISODE_COLUMNS} FROM episodes WHERE client_id = ? ORDER BY start_date, id",
        (client_id,),
    )
    return [_episode(r) for r in rows]


def renegotiate(
    tx: Connection, now: str, episode_id: int, new_sessions: int, *, changed_on: str, reason: str
) -> None:
    """Change the number of sessions, keeping the old and new counts in the log."""
    old = get_episode(tx, episode_id).contract.contracted_sessions
    if new_sessions < 1:
        raise InvalidInput("The contract needs at least one session.")
    if not reason.strip():
        raise InvalidInput("Record why the contract was renegotiated.")
    tx.execute(
        "INSERT INTO contract_changes (episode_id, changed_on, old_sessions, new_sessions, "
        "reason) VALUES (?, ?, ?, ?, ?)",
        (episode_id, changed_on, old, new_sessions, reason),
    )
    tx.execute(
        "UPDATE episodes SET contracted_sessions = ?, updated_at = ? WHERE id = ?",
        (new_sessions, now, episode_id),
    )


def contract_changes(conn: Connection, episode_id: int) -> list[ContractChange]:
    rows = conn.execute(
        "SELECT changed_on, old_sessions, new_sessions, reason FROM contract_changes "
        "WHERE episode_id = ? ORDER BY id",
        (episode_id,),
    )
    return [ContractChange(*r) for r in rows]


def end_episode(tx: Connection, now: str, episode_id: int, end_date: str) -> None:
    cur = tx.execute(
        "UPDATE episodes SET status = 'ended', end_date = ?, updated_at = ? WHERE id = ?",
        (end_date, now, episode_id),
    )
    if cur.rowcount == 0:
        raise NotFound("No such episode.")


def add_session(
    tx: Connection,
    now: str,
    episode_id: int,
    number: int,
    held_on: str,
    attendance: str = "attended",
) -> int:
    cur = tx.execute(
        "INSERT INTO sessions (episode_id, number, held_on, attendance, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (episode_id, number, held_on, attendance, now),
    )
    return int(cur.lastrowid)


def sessions_held(conn: Connection, episode_id: int) -> int:
    """Session N: the highest session number recorded in the episode (0 before the first)."""
    row = conn.execute(
        "SELECT coalesce(max(number), 0) FROM sessions WHERE episode_id = ?", (episode_id,)
    ).fetchone()
    return int(row[0])


def session_row(conn: Connection, session_id: int) -> tuple[int, int, str]:
    """(episode id, number, date) of a session."""
    row = conn.execute(
        "SELECT episode_id, number, held_on FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if row is None:
        raise NotFound("No such session.")
    return int(row[0]), int(row[1]), str(row[2])


def episode_sessions(conn: Connection, episode_id: int) -> list[tuple[int, int, str, str]]:
    """(id, number, date, attendance) of every session in the episode, in order."""
    return [
        (int(r[0]), int(r[1]), str(r[2]), str(r[3]))
        for r in conn.execute(
            "SELECT id, number, held_on, attendance FROM sessions WHERE episode_id = ? "
            "ORDER BY number",
            (episode_id,),
        )
    ]
