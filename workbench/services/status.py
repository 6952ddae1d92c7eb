"""Where an episode stands: phase, session N of M, open checklist items, advisory reminders."""

from __future__ import annotations

from workbench.errors import InvalidInput
from workbench.protocol import (
    ItemStatus,
    PhaseStatus,
    evaluate,
    load_profile,
    reconcile_checklist,
)
from workbench.protocol.checklist import ChecklistState
from workbench.store import episodes
from workbench.store import formulation as store
from workbench.store.vault import Vault

STATUSES = tuple(s.value for s in ItemStatus)


def episode_status(vault: Vault, episode_id: int) -> PhaseStatus:
    """Derived every time from what is recorded; it advises and never blocks."""
    with vault.reading() as conn:
        episode = episodes.get_episode(conn, episode_id)
        held = episodes.sessions_held(conn, episode_id)
        recorded = store.checklist(conn, episode_id)
        formulation = store.get_formulation(conn, episode_id)
    areas = (
        [a for a in (formulation.primary_area, formulation.secondary_area) if a]
        if (formulation)
        else []
    )
    return evaluate(
        load_profile(episode.contract.manual_profile),
        sessions_held=held,
        contracted=episode.contract.contracted_sessions,
        kind=episode.kind.value,
        ended=episode.ended,
        checklist=recorded,
        formulation_agreed=bool(formulation and formulation.agreed),
        ending_discussed=False,
        problem_areas=areas,
    )


def checklist(vault: Vault, episode_id: int) -> ChecklistState:
    """Recorded checklist state mapped onto the current protocol (retired items are kept)."""
    with vault.reading() as conn:
        episode = episodes.get_episode(conn, episode_id)
        recorded = store.checklist(conn, episode_id)
    return reconcile_checklist(load_profile(episode.contract.manual_profile), recorded)


def set_item(vault: Vault, episode_id: int, item_id: str, status: str, note: str = "") -> None:
    """Tick, reopen or mark not applicable one checklist item (by its stable id)."""
    if status not in STATUSES:
        raise InvalidInput(f"A checklist item is {', '.join(STATUSES)}.")
    with vault.transaction() as tx:
        profile = episodes.get_episode(tx, episode_id).contract.manual_profile
        if load_profile(profile).item(item_id) is None:
            raise InvalidInput("That checklist item is not part of this manual profile.")
        store.set_checklist_item(tx, vault.now(), episode_id, item_id, status, note)
        vault.audit(tx, "edit", "checklist", f"{episode_id}:{item_id}")
