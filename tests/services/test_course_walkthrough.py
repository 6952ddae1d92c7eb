"""Whole courses through services only: phase, open items and reminders at every session."""

from __future__ import annotations

from tests.support import complete_risk_note
from workbench.domain.episode import Contract, EpisodeKind
from workbench.domain.formulation import Formulation, Goal
from workbench.domain.inventory import Placement
from workbench.domain.phase import Phase
from workbench.protocol import load_profile
from workbench.protocol.phase_engine import (
    REMIND_ENDING,
    REMIND_INITIAL_OPEN,
    REMIND_NO_FORMULATION,
)
from workbench.services import episodes, formulation, inventory, measures, risk, sessions, status
from workbench.services.caseload import find_clients
from workbench.store import audit
from workbench.store.vault import Vault


def _required_initial(profile: str) -> list[str]:
    items = load_profile(profile).items_for(Phase.INITIAL)
    return [i.id for i in items if i.required and i.problem_area is None]


def _session(vault: Vault, episode: int, n: int) -> int:
    _, note_id = sessions.record_session(vault, episode, f"2026-{1 + n // 4:02d}-{1 + n:02d}")
    sessions.save_note(vault, note_id, {"check_in": f"Session {n} check-in"})
    sessions.sign(vault, note_id)
    return note_id


def test_a_12_session_wmk_course(vault: Vault) -> None:
    episodes.set_clinician_name(vault, "Dr Ada Example")
    client = episodes.add_client(vault, "Tomas", "Hollis")
    ep = episodes.open_episode(vault, client, Contract("WMK", 12), "2026-01-05")
    assert status.episode_status(vault, ep).phase is Phase.NOT_STARTED
    seen: dict[int, tuple[Phase, tuple[str, ...]]] = {}
    for n in range(1, 13):
        _session(vault, ep, n)
        if n == 1:
            measures.record(
                vault, ep, "PHQ-9", [2, 2, 2, 2, 1, 2, 1, 1, 1], administered_on="2026-01-05"
            )
            (flag,) = risk.open_flags(vault, ep)
            risk.write_risk_note(
                vault, ep, complete_risk_note(risk_formulation="My assessment."), [flag.id]
            )
            mother = inventory.add_person(vault, ep, "late mother", "deceased")
            inventory.snapshot_circle(
                vault, ep, "2026-01-05", "intake", [Placement(mother, 1, "deceased")]
            )
        if n == 3:
            for item in _required_initial("WMK"):
                status.set_item(vault, ep, item, "done")
            formulation.save_formulation(
                vault,
                ep,
                Formulation(primary_area="grief", shared_on="2026-01-19", patient_agreed="yes"),
            )
            formulation.set_goals(vault, ep, [Goal("Mourn and find new connections", "grief")])
        if n == 9:
            status.set_item(vault, ep, "ending.raise_ending", "done")
        state = status.episode_status(vault, ep)
        assert state.session_label == f"session {n} of 12"
        seen[n] = (state.phase, state.reminders)
        if n <= 2:
            assert "initial.inventory" in {i.id for i in state.open_items}
    assert [seen[n][0] for n in range(1, 13)] == (
        [Phase.INITIAL] * 3 + [Phase.MIDDLE] * 6 + [Phase.TERMINATION] * 3
    )
    assert all(REMIND_NO_FORMULATION not in seen[n][1] for n in range(1, 13))
    assert all(REMIND_INITIAL_OPEN not in seen[n][1] for n in range(4, 13))
    assert [n for n in range(1, 13) if REMIND_ENDING in seen[n][1]] == [8]  # M-N<=4 until raised
    final = status.episode_status(vault, ep)
    leftover_initial = [i for i in final.open_items if i.phase is Phase.INITIAL]
    assert leftover_initial and not any(i.required for i in leftover_initial)
    grief_items = [i for i in final.open_items if i.problem_area == "grief"]
    assert grief_items, "grief strategies stay listed until ticked"
    episodes.end_episode(vault, ep, "2026-03-30")
    assert status.episode_status(vault, ep).phase is Phase.ENDED
    assert find_clients(vault)[0].open_risk_flags == 0
    assert audit.verify_chain(vault.conn) == []


def test_an_sr_course_with_reminders_then_maintenance(vault: Vault) -> None:
    client = episodes.add_client(vault, "Lucía", "Valdés")
    ep = episodes.open_episode(vault, client, Contract("SR", 12), "2026-01-05")
    reminders = {}
    for n in range(1, 13):
        _session(vault, ep, n)
        if n == 5:  # the formulation was agreed late: the reminder advised, never blocked
            formulation.save_formulation(
                vault,
                ep,
                Formulation(
                    primary_area="role_transition", shared_on="2026-02-02", patient_agreed="yes"
                ),
            )
        reminders[n] = status.episode_status(vault, ep).reminders
    assert REMIND_NO_FORMULATION in reminders[4] and REMIND_NO_FORMULATION not in reminders[5]
    assert REMIND_INITIAL_OPEN in reminders[4]  # nothing was ticked in this course
    assert all(REMIND_ENDING in reminders[n] for n in range(8, 13))
    assert status.episode_status(vault, ep).phase is Phase.CONCLUSION
    episodes.renegotiate(vault, ep, 14, changed_on="2026-03-20", reason="Two extra sessions")
    assert status.episode_status(vault, ep).session_label == "session 12 of 14"
    episodes.end_episode(vault, ep, "2026-04-01")

    maint = episodes.open_episode(
        vault, client, Contract("SR", 12, "monthly"), "2026-05-01", kind=EpisodeKind.MAINTENANCE
    )
    _session(vault, maint, 1)
    state = status.episode_status(vault, maint)
    assert state.phase is Phase.MAINTENANCE
    assert any(i.id.startswith("maintenance.") for i in state.open_items)
    summary = find_clients(vault)[0]
    assert summary.phase is Phase.MAINTENANCE and summary.session_label == "session 1 of 12"


def test_checklist_state_survives_a_content_update(vault: Vault, episode: int) -> None:
    status.set_item(vault, episode, "initial.inventory", "done")
    state = status.checklist(vault, episode)
    assert state.status("initial.inventory") == "done"
    assert state.status("initial.timeline") == "open"
