"""The episode lifecycle, each step audited: end the acute phase with its review, start IPT-M
under its contract, start a new acute episode on recurrence; the course history.
(Renegotiating the contract is services.episodes.renegotiate.)"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.course import ENDING_NAMES, EndingReview, MaintenanceContract
from workbench.domain.episode import Contract, ContractChange, Episode, EpisodeKind
from workbench.domain.inventory import PersonDetails
from workbench.domain.maintenance import MaintenancePlan
from workbench.errors import InvalidInput, NotFound
from workbench.services import episodes as episode_service
from workbench.store import episodes, inventory, records
from workbench.store import formulation as plans
from workbench.store.connection import Connection
from workbench.store.vault import Vault


@dataclass(frozen=True)
class CourseEntry:
    """One episode of the client's course, as the overview's line of episodes shows it."""

    episode: Episode
    sessions_held: int
    changes: tuple[ContractChange, ...]
    ending_review: EndingReview | None
    maintenance_contract: MaintenanceContract | None


def end_acute_phase(
    vault: Vault,
    episode_id: int,
    review: EndingReview,
    end_date: str,
    *,
    carry_open_flags: bool = False,
) -> None:
    """Record the termination (WMK) / conclusion (S&R) review and end the episode.

    Open risk flags of the client stop the ending unless carried forward explicitly.
    """
    problems = review.problems()
    if problems:
        raise InvalidInput(" ".join(problems))
    episode = episode_service.get_episode(vault, episode_id)
    if episode.kind is EpisodeKind.MAINTENANCE or episode.ended:
        raise InvalidInput("Only an acute episode that is still open ends with this review.")
    with vault.transaction() as tx:
        now = vault.now()
        records.put(tx, now, episode_id, records.ENDING_REVIEW, review.to_json())
        _feed_plan(tx, now, episode_id, review)
        vault.audit(tx, "edit", ENDING_NAMES[episode.contract.manual_profile], episode_id)
    episode_service.end_episode(vault, episode_id, end_date, carry_open_flags=carry_open_flags)


def _feed_plan(tx: Connection, now: str, episode_id: int, review: EndingReview) -> None:
    """The review's warning signs go into the plan when the plan has none of its own yet."""
    doc = plans.get_plan(tx, episode_id)
    plan = MaintenancePlan.from_json(doc) if doc else MaintenancePlan()
    if plan.warning_signs_symptoms or plan.warning_signs_interpersonal:
        return
    fed = {**plan.to_json(), "warning_signs_symptoms": list(review.to_json()["warning_signs"])}
    plans.save_plan(tx, now, episode_id, fed)


def ending_review(vault: Vault, episode_id: int) -> EndingReview | None:
    with vault.reading() as conn:
        doc = records.get(conn, episode_id, records.ENDING_REVIEW)
    return None if doc is None else EndingReview.from_json(doc)


def start_maintenance(
    vault: Vault, client_id: int, contract: MaintenanceContract, start_date: str
) -> int:
    """IPT-M after an ended acute episode: its contract, the inventory carried over, and the
    plan carried over with the contract's frequency, review date and return-to-acute rule."""
    problems = contract.problems()
    if problems:
        raise InvalidInput(" ".join(problems))
    with vault.transaction() as tx:
        now = vault.now()
        previous = _ended_current(tx, client_id, "Start maintenance")
        episode_id = episodes.add_episode(
            tx,
            now,
            client_id,
            kind=EpisodeKind.MAINTENANCE.value,
            manual_profile=previous.contract.manual_profile,
            contracted_sessions=contract.sessions,
            start_date=start_date,
            frequency=contract.frequency,
            format=previous.contract.format.value,
            session_length_min=previous.contract.session_length_min,
        )
        records.put(tx, now, episode_id, records.MAINTENANCE_CONTRACT, contract.to_json())
        moved = _copy_people(tx, now, previous.id, episode_id)
        _carry_plan(tx, now, previous.id, episode_id, moved, contract)
        vault.audit(tx, "create", "maintenance-episode", episode_id)
    return episode_id


def maintenance_contract(vault: Vault, episode_id: int) -> MaintenanceContract | None:
    with vault.reading() as conn:
        doc = records.get(conn, episode_id, records.MAINTENANCE_CONTRACT)
    return None if doc is None else MaintenanceContract.from_json(doc)


def start_new_acute_episode(
    vault: Vault, client_id: int, contract: Contract, start_date: str
) -> int:
    """A new acute episode on recurrence; open risk flags follow the client into it."""
    problems = episode_service.contract_problems(contract, EpisodeKind.ACUTE)
    if problems:
        raise InvalidInput(" ".join(problems))
    with vault.transaction() as tx:
        _ended_current(tx, client_id, "Start a new acute episode")
        episode_id = episodes.add_episode(
            tx,
            vault.now(),
            client_id,
            kind=EpisodeKind.ACUTE.value,
            manual_profile=contract.manual_profile,
            contracted_sessions=contract.contracted_sessions,
            start_date=start_date,
            frequency=contract.frequency,
            format=contract.format.value,
            session_length_min=contract.session_length_min,
        )
        vault.audit(tx, "create", "episode", episode_id)
    return episode_id


def course_history(vault: Vault, client_id: int) -> list[CourseEntry]:
    """Every episode of the client, oldest first, with renegotiations, review and IPT-M contract."""
    with vault.reading() as conn:
        found = []
        for episode in episodes.client_episodes(conn, client_id):
            review = records.get(conn, episode.id, records.ENDING_REVIEW)
            contract = records.get(conn, episode.id, records.MAINTENANCE_CONTRACT)
            found.append(
                CourseEntry(
                    episode,
                    episodes.sessions_held(conn, episode.id),
                    tuple(episodes.contract_changes(conn, episode.id)),
                    EndingReview.from_json(review) if review else None,
                    MaintenanceContract.from_json(contract) if contract else None,
                )
            )
    return found


def _ended_current(tx: Connection, client_id: int, action: str) -> Episode:
    found = episodes.client_episodes(tx, client_id)
    if not found:
        raise NotFound("This client has no episode of care yet.")
    if not found[-1].ended:
        raise InvalidInput(f"{action} once the current episode has ended.")
    return found[-1]


def _copy_people(tx: Connection, now: str, source: int, target: int) -> dict[int, int]:
    """The inventory carried into the next episode; returns old person id → new person id."""
    moved = {}
    for person in inventory.people(tx, source):
        details = PersonDetails.from_json(person.details.to_json())
        moved[person.id] = inventory.add_person(
            tx, now, target, person.alias, person.relationship, details
        )
    return moved


def _carry_plan(
    tx: Connection,
    now: str,
    source: int,
    target: int,
    moved: dict[int, int],
    contract: MaintenanceContract,
) -> None:
    doc = plans.get_plan(tx, source)
    plan = MaintenancePlan.from_json(doc) if doc else MaintenancePlan()
    review = records.get(tx, source, records.ENDING_REVIEW)
    signs = tuple(review.get("warning_signs", [])) if review else ()
    carried = MaintenancePlan.from_json(
        {
            **plan.to_json(),
            "warning_signs_symptoms": list(plan.warning_signs_symptoms or signs),
            "support_people": [
                {"person_id": moved[s.person_id], "contact_for": s.contact_for}
                for s in plan.support_people
                if s.person_id in moved
            ],
            "frequency": contract.frequency,
            "duration_months": contract.duration_months,
            "review_date": contract.review_date,
            "return_to_acute_rule": contract.return_to_acute_rule,
        }
    )
    plans.save_plan(tx, now, target, carried.to_json())
