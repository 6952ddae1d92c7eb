"""Formulation, goals, checklist state and the maintenance plan of an episode."""

from __future__ import annotations

import json
from typing import Any

from workbench.domain.formulation import Formulation, Goal
from workbench.store.connection import Connection


def save_formulation(tx: Connection, now: str, episode_id: int, f: Formulation) -> None:
    tx.execute(
        "INSERT INTO formulations (episode_id, primary_area, secondary_area, sections_json, "
        "statement, shared_on, patient_agreed, patient_words, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (episode_id) DO UPDATE SET "
        "primary_area = excluded.primary_area, secondary_area = excluded.secondary_area, "
        "sections_json = excluded.sections_json, statement = excluded.statement, "
        "shared_on = excluded.shared_on, patient_agreed = excluded.patient_agreed, "
        "patient_words = excluded.patient_words, updated_at = excluded.updated_at",
        (
            episode_id,
            f.primary_area,
            f.secondary_area,
            json.dumps(f.sections, ensure_ascii=False),
            f.statement,
            f.shared_on,
            f.patient_agreed,
            f.patient_words,
            now,
        ),
    )


def get_formulation(conn: Connection, episode_id: int) -> Formulation | None:
    row = conn.execute(
        "SELECT primary_area, secondary_area, sections_json, statement, shared_on, "
        "patient_agreed, patient_words FROM formulations WHERE episode_id = ?",
        (episode_id,),
    ).fetchone()
    if row is None:
        return None
    return Formulation(row[0], row[1], json.loads(row[2]), row[3], row[4], row[5], row[6])


def replace_goals(tx: Connection, episode_id: int, goals: list[Goal]) -> None:
    tx.execute("DELETE FROM goals WHERE episode_id = ?", (episode_id,))
    tx.executemany(
        "INSERT INTO goals (episode_id, problem_area, text, status, position) "
        "VALUES (?, ?, ?, ?, ?)",
        [(episode_id, g.problem_area, g.text, g.status, n) for n, g in enumerate(goals)],
    )


def goals(conn: Connection, episode_id: int) -> list[Goal]:
    rows = conn.execute(
        "SELECT text, problem_area, status FROM goals WHERE episode_id = ? ORDER BY position",
        (episode_id,),
    )
    return [Goal(*r) for r in rows]


def set_checklist_item(
    tx: Connection, now: str, episode_id: int, item_id: str, status: str, note: str = ""
) -> None:
    tx.execute(
        "INSERT INTO checklist_state (episode_id, item_id, status, note, updated_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (episode_id, item_id) DO UPDATE SET "
        "status = excluded.status, note = excluded.note, updated_at = excluded.updated_at",
        (episode_id, item_id, status, note, now),
    )


def checklist(conn: Connection, episode_id: int) -> dict[str, str]:
    """Recorded state by stable item id (items never recorded are simply absent)."""
    rows = conn.execute(
        "SELECT item_id, status FROM checklist_state WHERE episode_id = ?", (episode_id,)
    )
    return {r[0]: r[1] for r in rows}


def save_plan(tx: Connection, now: str, episode_id: int, plan: dict[str, Any]) -> None:
    tx.execute(
        "INSERT INTO maintenance_plans (episode_id, plan_json, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (episode_id) DO UPDATE SET plan_json = excluded.plan_json, "
        "updated_at = excluded.updated_at",
        (episode_id, json.dumps(plan, ensure_ascii=False), now),
    )


def get_plan(conn: Connection, episode_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT plan_json FROM maintenance_plans WHERE episode_id = ?", (episode_id,)
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))
