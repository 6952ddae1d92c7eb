"""Formulation, goals and the maintenance plan: validated against the episode's manual profile."""

from __future__ import annotations

from workbench.domain.formulation import Formulation, Goal, draft_statement
from workbench.domain.maintenance import MaintenancePlan
from workbench.errors import InvalidInput
from workbench.protocol import load_profile
from workbench.store import episodes, inventory
from workbench.store import formulation as store
from workbench.store.vault import Vault


def save_formulation(vault: Vault, episode_id: int, formulation: Formulation) -> None:
    with vault.transaction() as tx:
        profile = episodes.get_episode(tx, episode_id).contract.manual_profile
        known = load_profile(profile).problem_areas
        areas = tuple(a.id for a in known)
        problems = formulation.problems(profile, areas)
        modifier = next(
            (a for a in known if a.id == formulation.primary_area and a.role.value == "modifier"),
            None,
        )
        if modifier is not None:
            problems.append(
                f"{modifier.label} is recorded beside a primary problem area (as the secondary "
                "area), never as the primary area itself."
            )
        if problems:
            raise InvalidInput(" ".join(problems))
        store.save_formulation(tx, vault.now(), episode_id, formulation)
        vault.audit(tx, "edit", "formulation", episode_id)


def get_formulation(vault: Vault, episode_id: int) -> Formulation | None:
    with vault.reading() as conn:
        return store.get_formulation(conn, episode_id)


def suggest_statement(vault: Vault, episode_id: int) -> str:
    """A draft WMK short-form sentence from what is recorded; the clinician edits it."""
    with vault.reading() as conn:
        episode = episodes.get_episode(conn, episode_id)
        current = store.get_formulation(conn, episode_id) or Formulation()
        events = inventory.events(conn, episode_id)
        people = {p.id: p.alias for p in inventory.people(conn, episode_id)}
        goal_list = store.goals(conn, episode_id)
        held = episodes.sessions_held(conn, episode_id)
    onset = next((e for e in events if e.symptom_marker == "episode start"), None)
    onset = onset or (events[-1] if events else None)
    person = people.get(onset.people[0]) if onset and onset.people else None
    remaining = max(0, episode.contract.contracted_sessions - held)
    return draft_statement(
        area=current.primary_area,
        onset_event=(onset.notes or onset.event_type) if onset else None,
        person=person,
        weeks=remaining or None,
        goal=goal_list[0].text if goal_list else None,
    )


def set_goals(vault: Vault, episode_id: int, goals: list[Goal]) -> None:
    if any(not g.text.strip() for g in goals):
        raise InvalidInput("Every goal needs some words.")
    with vault.transaction() as tx:
        store.replace_goals(tx, episode_id, goals)
        vault.audit(tx, "edit", "goals", episode_id)


def goals(vault: Vault, episode_id: int) -> list[Goal]:
    with vault.reading() as conn:
        return store.goals(conn, episode_id)


def save_plan(vault: Vault, episode_id: int, plan: MaintenancePlan) -> None:
    problems = plan.problems()
    with vault.transaction() as tx:
        known = {p.id for p in inventory.people(tx, episode_id)}
        if any(s.person_id not in known for s in plan.support_people):
            problems.append("Support people come from this episode's inventory.")
        if problems:
            raise InvalidInput(" ".join(problems))
        store.save_plan(tx, vault.now(), episode_id, plan.to_json())
        vault.audit(tx, "edit", "maintenance-plan", episode_id)


def get_plan(vault: Vault, episode_id: int) -> MaintenancePlan | None:
    with vault.reading() as conn:
        doc = store.get_plan(conn, episode_id)
    return None if doc is None else MaintenancePlan.from_json(doc)
