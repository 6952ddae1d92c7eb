"""Measure administrations with item responses, and the risk flags they raise."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.risk import RiskFlagView
from workbench.errors import InvalidInput, NotFound
from workbench.measures import Score
from workbench.store import records
from workbench.store.connection import Connection


@dataclass(frozen=True)
class Administration:
    id: int
    session_id: int | None
    instrument: str
    administered_on: str
    total: int | None
    complete: bool
    responses: dict[int, int]
    voided_at: str | None = None  # voided: kept and shown, never counted
    void_reason: str | None = None

    @property
    def counted(self) -> bool:
        """A complete, non-void administration: the only kind totals, trends and outcomes use."""
        return self.total is not None and self.voided_at is None


def add_administration(
    tx: Connection,
    now: str,
    episode_id: int,
    session_id: int | None,
    administered_on: str,
    score: Score,
) -> tuple[int, list[int]]:
    """Store one scored administration; returns its id and the ids of any flags it raised."""
    cur = tx.execute(
        "INSERT INTO measure_administrations (episode_id, session_id, instrument, "
        "administered_on, total, complete, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            episode_id,
            session_id,
            score.instrument,
            administered_on,
            score.total,
            1 if score.complete else 0,
            now,
        ),
    )
    admin_id = int(cur.lastrowid)
    tx.executemany(
        "INSERT INTO measure_responses (administration_id, item, value) VALUES (?, ?, ?)",
        [(admin_id, n, v) for n, v in enumerate(score.responses, start=1) if v is not None],
    )
    flag_ids = []
    for flag in score.risk_flags:
        source = flag.source if flag.value is not None else f"{flag.source} (unanswered)"
        cur = tx.execute(
            "INSERT INTO risk_flags (episode_id, administration_id, source, raised_at) "
            "VALUES (?, ?, ?, ?)",
            (episode_id, admin_id, source, administered_on),  # the day it was endorsed
        )
        flag_ids.append(int(cur.lastrowid))
    return admin_id, flag_ids


def administrations(
    conn: Connection,
    episode_id: int,
    instrument: str | None = None,
    *,
    include_void: bool = False,
) -> list[Administration]:
    """An episode's administrations in date order, with item responses; voided ones only
    when *include_void* (they are never counted, only shown)."""
    sql = (
        "SELECT id, session_id, instrument, administered_on, total, complete, voided_at, "
        "void_reason FROM measure_administrations WHERE episode_id = ?"
    )
    if not include_void:
        sql += " AND voided_at IS NULL"
    params: list[object] = [episode_id]
    if instrument:
        sql += " AND instrument = ?"
        params.append(instrument)
    rows = conn.execute(sql + " ORDER BY administered_on, id", params).fetchall()
    responses: dict[int, dict[int, int]] = {r[0]: {} for r in rows}
    for admin_id, item, value in conn.execute(
        "SELECT r.administration_id, r.item, r.value FROM measure_responses r "
        "JOIN measure_administrations a ON a.id = r.administration_id WHERE a.episode_id = ?",
        (episode_id,),
    ):
        if admin_id in responses:
            responses[admin_id][item] = value
    return [
        Administration(r[0], r[1], r[2], r[3], r[4], bool(r[5]), responses[r[0]], r[6], r[7])
        for r in rows
    ]


def void_administration(tx: Connection, now: str, administration_id: int, reason: str) -> int:
    """Mark one administration void (kept, never counted); returns its episode id."""
    row = tx.execute(
        "SELECT episode_id, voided_at FROM measure_administrations WHERE id = ?",
        (administration_id,),
    ).fetchone()
    if row is None:
        raise NotFound("No such administration.")
    if row[1] is not None:
        raise InvalidInput("That administration is already void.")
    tx.execute(
        "UPDATE measure_administrations SET voided_at = ?, void_reason = ? WHERE id = ?",
        (now, reason, administration_id),
    )
    return int(row[0])


_FLAG_SQL = (
    "SELECT r.id, r.source, r.raised_at, r.status, r.note_id, r.episode_id FROM risk_flags r "
    "JOIN episodes e ON e.id = r.episode_id WHERE e.client_id = ? ORDER BY r.raised_at, r.id"
)


def client_of(conn: Connection, episode_id: int) -> int:
    row = conn.execute("SELECT client_id FROM episodes WHERE id = ?", (episode_id,)).fetchone()
    if row is None:
        raise NotFound("No such episode.")
    return int(row[0])


def client_risk_flags(conn: Connection, client_id: int) -> list[RiskFlagView]:
    """Every flag of the client, from any episode: flags belong to the client, not the episode."""
    carried = carried_flags(conn, client_id)
    return [
        RiskFlagView(r[0], r[1], r[2], r[3] == "open", r[4], r[5], carried.get(r[0]))
        for r in conn.execute(_FLAG_SQL, (client_id,))
    ]


def carried_flags(conn: Connection, client_id: int) -> dict[int, str]:
    """Flag id → the date an episode of the client ended with that flag carried forward open."""
    found: dict[int, str] = {}
    for body in records.client_bodies(conn, client_id, records.FLAG_CARRY):
        for flag_id in body.get("flags", []):
            found.setdefault(int(flag_id), str(body.get("carried_on", "")))
    return found


def close_flags(tx: Connection, flag_ids: list[int], note_id: int, episode_id: int) -> None:
    """Mark open flags of the episode's client as noted by a risk note (the database checks it)."""
    client_id = client_of(tx, episode_id)
    for flag_id in flag_ids:
        row = tx.execute(
            "SELECT e.client_id, r.status FROM risk_flags r JOIN episodes e ON e.id = r.episode_id "
            "WHERE r.id = ?",
            (flag_id,),
        ).fetchone()
        if row is None or row[0] != client_id:
            raise NotFound("No such risk flag for this client.")
        if row[1] != "open":
            raise InvalidInput("That risk flag already has a risk note.")
        tx.execute(
            "UPDATE risk_flags SET status = 'noted', note_id = ? WHERE id = ?", (note_id, flag_id)
        )


def client_risk_note_ids(conn: Connection, client_id: int) -> list[int]:
    """Every risk note of the client, from any episode, newest first."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT n.id FROM notes n JOIN episodes e ON e.id = n.episode_id "
            "WHERE e.client_id = ? AND n.kind = 'risk' ORDER BY n.id DESC",
            (client_id,),
        )
    ]
