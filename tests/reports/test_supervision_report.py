"""The supervisor report carries what an IPT supervisor needs: case summary, diagnosis, sick
role, problem areas rejected, goals, measures from the acute intake through maintenance,
the fidelity record, supervision meetings, questions, and a page for the supervisor."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.reports.course import record_course
from workbench.domain.episode import Contract, EpisodeKind
from workbench.domain.fidelity import CaseSummary, SessionRating, SupervisionMeeting
from workbench.domain.formulation import Formulation
from workbench.services import episodes, export, fidelity, formulation, measures, sessions
from workbench.store.vault import Vault


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def supervised_course(vault: Vault) -> int:
    """The 20-session course, then case summary, fidelity, a meeting and a maintenance episode."""
    client = record_course(vault)
    acute = episodes.current_episode(vault, client)
    form = formulation.get_formulation(vault, acute.id)
    assert form is not None
    formulation.save_formulation(
        vault,
        acute.id,
        Formulation(
            primary_area="role_dispute",
            sections={"ruled_out": {"grief": "No death near the onset; the mother is alive."}},
            statement=form.statement,
            shared_on=form.shared_on,
            patient_agreed="yes",
        ),
    )
    fidelity.save_case_summary(
        vault,
        acute.id,
        CaseSummary(
            summary="A woman in her forties with a first depressive episode after a family row.",
            diagnosis="F32.1 moderate depressive episode",
            sick_role_given_on="2026-01-12",
            questions="How far should I push the renegotiation?",
        ),
    )
    held = episodes.sessions(vault, acute.id)
    for session_id, number, _, _ in held[:6]:
        fidelity.rate_session(
            vault,
            SessionRating(
                session_id,
                "ipt_session_self_rating",
                {"checked_symptoms": 4, "linked_mood_and_events": 3 + number % 2},
                "Skipped the measure in session 2." if number == 2 else "",
                recorded=number in (1, 5),
                recording_reviewed=number == 1,
            ),
        )
    fidelity.record_meeting(
        vault,
        SupervisionMeeting(
            "2026-02-10",
            "Dr Mira Supervisor",
            (client,),
            "supervisor_rating",
            {"basic_ipt": 4, "specific_techniques": 3},
            "Rehearse the visit conversation in a role play.",
        ),
    )
    episodes.end_episode(vault, acute.id, "2026-05-25", carry_open_flags=True)
    maintenance = episodes.open_episode(
        vault,
        client,
        Contract("WMK", 6, frequency="monthly"),
        "2026-06-01",
        EpisodeKind.MAINTENANCE,
    )
    for day, answers in (("2026-06-01", [1, 1, 0, 0, 0, 1, 0, 0, 0]), ("2026-07-01", [0] * 9)):
        session_id, _ = sessions.record_session(vault, maintenance, day)
        measures.record(
            vault, maintenance, "PHQ-9", answers, administered_on=day, session_id=session_id
        )
    return client


def test_supervisor_report_shows_the_supervision_sections(vault: Vault, tmp_path: Path) -> None:
    client = supervised_course(vault)
    # The sections of the acute episode, then those of the maintenance episode that follows.
    text = _text(export.export(vault, client, "supervisor-report", tmp_path / "r.pdf"))
    for expected in (
        "Case summary",
        "first depressive episode after a family row",
        "F32.1 moderate depressive episode",
        "From the acute intake",
        "PHQ-9 18 → 0",  # outcome from the acute intake, not from the maintenance baseline
        "Fidelity record",
        "Supervision meetings about this case",
        "Dr Mira Supervisor",
        "Rehearse the visit conversation",
        "How far should I push the renegotiation?",
        "For the supervisor",
        "Agreed action points",
        "Specific IPT techniques used well",  # the supervisor form's items to rate
    ):
        assert expected in text, expected
    assert text.index("Risk flags and notes") < text.index("Case summary")


def test_acute_report_shows_sick_role_rejected_areas_and_fidelity(
    vault: Vault, tmp_path: Path
) -> None:
    client = record_course(vault)
    acute = episodes.current_episode(vault, client).id
    fidelity.save_case_summary(
        vault, acute, CaseSummary(diagnosis="F33.1", sick_role_given_on="2026-01-12")
    )
    held = episodes.sessions(vault, acute)
    fidelity.rate_session(
        vault,
        SessionRating(held[0][0], "ipt_session_self_rating", {"checked_symptoms": 5}, "none"),
    )
    path = export.export(vault, client, "supervisor-report", tmp_path / "a.pdf", deidentify=True)
    text = _text(path)
    assert "Sick role given (week 2)" in text
    assert "No case summary written." in text and "F33.1" in text
    assert "Mean self-rating by phase: initial 5.0." in text
    assert "Goals and progress" in text and "Ask for a fair share of visits" in text
