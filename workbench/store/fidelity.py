"""Fidelity self-ratings per session, supervision meetings and the clinician's case summary."""

from __future__ import annotations

import json

from workbench.domain.fidelity import CaseSummary, SessionRating, SupervisionMeeting
from workbench.errors import NotFound
from workbench.store.connection import Connection


def save_rating(tx: Connection, now: str, episode_id: int, rating: SessionRating) -> int:
    """Insert or replace the self-rating of one session; returns its row id."""
    cur = tx.execute(
        "INSERT INTO fidelity_ratings (episode_id, session_id, form_id, form_version, "
        "ratings_json, deviations, recorded, recording_reviewed, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET "
        "form_id = excluded.form_id, form_version = excluded.form_version, "
        "ratings_json = excluded.ratings_json, deviations = excluded.deviations, "
        "recorded = excluded.recorded, recording_reviewed = excluded.recording_reviewed, "
        "updated_at = excluded.updated_at RETURNING id",
        (
            episode_id,
            rating.session_id,
            rating.form_id,
            rating.form_version,
            json.dumps(rating.ratings),
            rating.deviations,
            int(rating.recorded),
            int(rating.recording_reviewed),
            now,
        ),
    )
    return int(cur.fetchone()[0])


def ratings(conn: Connection, episode_id: int) -> list[SessionRating]:
    rows = conn.execute(
        "SELECT f.session_id, f.form_id, f.ratings_json, f.deviations, f.recorded, "
        "f.recording_reviewed, f.form_version, s.number FROM fidelity_ratings f "
        "JOIN sessions s ON s.id = f.session_id WHERE f.episode_id = ? ORDER BY s.number",
        (episode_id,),
    )
    return [
        SessionRating(r[0], r[1], json.loads(r[2]), r[3], bool(r[4]), bool(r[5]), r[6], r[7])
        for r in rows
    ]


def add_meeting(tx: Connection, now: str, meeting: SupervisionMeeting) -> int:
    cur = tx.execute(
        "INSERT INTO supervision_meetings (held_on, supervisor, form_id, form_version, "
        "ratings_json, agreed_actions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            meeting.held_on,
            meeting.supervisor,
            meeting.form_id,
            meeting.form_version,
            json.dumps(meeting.ratings),
            meeting.agreed_actions,
            now,
        ),
    )
    meeting_id = int(cur.lastrowid)
    for client_id in meeting.client_ids:
        if tx.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
            raise NotFound("A case discussed is not in this caseload.")
        tx.execute(
            "INSERT OR IGNORE INTO supervision_meeting_cases (meeting_id, client_id) VALUES (?, ?)",
            (meeting_id, client_id),
        )
    return meeting_id


def meetings(conn: Connection, client_id: int | None = None) -> list[SupervisionMeeting]:
    """Meetings oldest first; with *client_id*, only those that discussed that client."""
    sql = (
        "SELECT m.id, m.held_on, m.supervisor, m.form_id, m.ratings_json, m.agreed_actions, "
        "m.form_version FROM supervision_meetings m"
    )
    params: tuple[int, ...] = ()
    if client_id is not None:
        sql += (
            " WHERE m.id IN (SELECT meeting_id FROM supervision_meeting_cases WHERE client_id = ?)"
        )
        params = (client_id,)
    rows = conn.execute(sql + " ORDER BY m.held_on, m.id", params).fetchall()
    cases: dict[int, list[int]] = {r[0]: [] for r in rows}
    for meeting_id, cid in conn.execute(
        "SELECT meeting_id, client_id FROM supervision_meeting_cases ORDER BY client_id"
    ):
        if meeting_id in cases:
            cases[meeting_id].append(cid)
    return [
        SupervisionMeeting(
            held_on=r[1],
            supervisor=r[2],
            client_ids=tuple(cases[r[0]]),
            form_id=r[3],
            ratings=json.loads(r[4]),
            agreed_actions=r[5],
            id=r[0],
            form_version=r[6],
        )
        for r in rows
    ]


def save_case_summary(tx: Connection, now: str, episode_id: int, summary: CaseSummary) -> None:
    tx.execute(
        "INSERT INTO case_summaries (episode_id, summary, diagnosis, sick_role_given_on, "
        "questions, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (episode_id) DO UPDATE SET "
        "summary = excluded.summary, diagnosis = excluded.diagnosis, "
        "sick_role_given_on = excluded.sick_role_given_on, questions = excluded.questions, "
        "updated_at = excluded.updated_at",
        (
            episode_id,
            summary.summary,
            summary.diagnosis,
            summary.sick_role_given_on,
            summary.questions,
            now,
        ),
    )


def case_summary(conn: Connection, episode_id: int) -> CaseSummary | None:
    row = conn.execute(
        "SELECT summary, diagnosis, sick_role_given_on, questions FROM case_summaries "
        "WHERE episode_id = ?",
        (episode_id,),
    ).fetchone()
    return CaseSummary(*row) if row else None
