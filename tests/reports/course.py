"""A fictional 20-session course recorded through the services, for export tests and benches."""

from __future__ import annotations

from datetime import date, timedelta

from workbench.domain.episode import Contract
from workbench.domain.formulation import Formulation, Goal
from workbench.domain.inventory import PersonDetails, Placement, TimelineEvent
from workbench.domain.maintenance import MaintenancePlan, SupportPerson
from workbench.domain.risk import RiskNote
from workbench.services import episodes, formulation, inventory, measures, risk, sessions, status
from workbench.store.vault import Vault

CLIENT = ("Ελένη", "Kovács-Смирнова")
DOB = "1979-04-12"
PHONE = "+44 7700 900123"
SISTER = "Zsófia Brennan"
FRIEND = "Dmitri Orlov"
PHQ9 = {
    1: [3, 3, 2, 2, 2, 2, 2, 1, 1],
    4: [2, 2, 2, 2, 1, 2, 1, 1, 0],
    8: [2, 1, 1, 1, 1, 1, 1, 0, 0],
    12: [1, 1, 1, 1, 0, 1, 0, 0, 0],
    16: [1, 0, 1, 0, 0, 1, 0, 0, 0],
    20: [0, 0, 1, 0, 0, 1, 0, 0, 0],
}
GAD7 = {1: [2, 2, 2, 1, 1, 2, 1], 20: [1, 0, 1, 0, 0, 1, 0]}


def record_course(vault: Vault, sessions_held: int = 20) -> int:
    """Returns the client id; the episode has every part a report shows."""
    episodes.set_clinician_name(vault, "Dr Ada Example")
    client = episodes.add_client(vault, *CLIENT, date_of_birth=DOB, contact={"phone": PHONE})
    ep = episodes.open_episode(vault, client, Contract("WMK", 20), "2026-01-05")
    sister = inventory.add_person(
        vault,
        ep,
        SISTER,
        "sibling",
        PersonDetails(
            confiding="partly",
            conflict=f"{SISTER} and Ελένη argue about their mother's care",
            patient_expectations="help with mother",
            patient_expectations_met="not met",
            problem_areas=("dispute",),
        ),
    )
    friend = inventory.add_person(vault, ep, FRIEND, "friend", PersonDetails(confiding="yes"))
    inventory.snapshot_circle(
        vault, ep, "2026-01-05", "intake", [Placement(sister, 2, "conflict"), Placement(friend, 3)]
    )
    inventory.add_event(
        vault,
        ep,
        TimelineEvent(
            0,
            "2025-10-20",
            "day",
            "conflict escalation",
            8,
            "episode start",
            f"Row with {SISTER} about moving mother into care",
            (sister,),
        ),
    )
    for n in range(1, sessions_held + 1):
        day = (date(2026, 1, 5) + timedelta(weeks=n - 1)).isoformat()
        session_id, note_id = sessions.record_session(vault, ep, day)
        sessions.save_note(
            vault,
            note_id,
            {
                "check_in": f"Session {n}: mood a little better; slept six hours.",
                "mood_event_link": f"Low after {SISTER} cancelled the visit; Ελένη felt dismissed.",
                "problem_area_work": "Dispute at the renegotiation stage; clarified expectations.",
                "techniques": ["communication_analysis", "role_play"]
                if n % 2
                else ["clarification"],
                "next_session_plan": "Rehearse asking for a fair share of visits.",
                "supervision_question": "Is the dispute at impasse rather than renegotiation?"
                if n == sessions_held
                else "",
            },
        )
        if n < sessions_held:
            sessions.sign(vault, note_id)
        if n in PHQ9:
            recorded = measures.record(
                vault, ep, "PHQ-9", PHQ9[n], administered_on=day, session_id=session_id
            )
            if recorded.flag_ids:
                risk.write_risk_note(
                    vault,
                    ep,
                    RiskNote(
                        risk_formulation="Passive wish when exhausted; no plan or intent.",
                        nature_of_thoughts=("passive wish",),
                        frequency_recency="Asked directly: most evenings last week.",
                        protective_factors="Her daughter, who visits weekly.",
                        actions_taken="Safety plan reviewed together.",
                        action_checks=("safety plan reviewed",),
                        follow_up_date=day,
                    ),
                    list(recorded.flag_ids),
                    session_id,
                )
        if n in GAD7:
            measures.record(vault, ep, "GAD-7", GAD7[n], administered_on=day, session_id=session_id)
        if n == 3:
            formulation.save_formulation(
                vault,
                ep,
                Formulation(
                    primary_area="role_dispute",
                    shared_on=day,
                    patient_agreed="yes",
                    statement="Your depression began around the row about your mother's care.",
                    patient_words="It is about my sister and me.",
                ),
            )
            formulation.set_goals(
                vault, ep, [Goal("Ask for a fair share of visits", "role_dispute")]
            )
            status.set_item(vault, ep, "initial.inventory", "done")
    measures.record(
        vault, ep, "PHQ-9", [0, 0, 0, 0, 0, 0, 0, 0, 2], administered_on="2026-05-20"
    )  # an open flag, never dropped from reports
    formulation.save_plan(
        vault,
        ep,
        MaintenancePlan(
            what_we_worked_on="Speaking up with my sister about our mother's care.",
            what_changed="I say what I need and she listens more.",
            skills_that_helped=("saying what I need directly", "planning visits together"),
            warning_signs_symptoms=("waking at 4am",),
            warning_signs_interpersonal=("avoiding my sister's calls",),
            situations_to_plan_for=("mother's birthday in June",),
            support_people=(SupportPerson(friend, "a walk and a talk"),),
            if_warning_signs="Call Dmitri, book a check-in with the clinic.",
            duration_months=12,
            review_date="2026-12-01",
            focus="same problem area",
        ),
    )
    return client
