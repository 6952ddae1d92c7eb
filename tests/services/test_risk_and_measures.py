"""A positive suicide item opens a flag that only a structured risk note closes; no advice."""

from __future__ import annotations

import pytest

from tests.support import complete_risk_note
from workbench.domain.risk import RiskNote
from workbench.errors import InvalidInput
from workbench.measures import MeasureInputError
from workbench.services import measures, risk, sessions
from workbench.services.caseload import find_clients
from workbench.store.vault import Vault

LOW = [0, 0, 0, 0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("item9", [1, 2, 3, None])
def test_item9_opens_a_flag_until_a_risk_note_is_written(
    vault: Vault, episode: int, item9: int | None
) -> None:
    session_id, _ = sessions.record_session(vault, episode, "2026-03-02")
    recorded = measures.record(
        vault,
        episode,
        "PHQ-9",
        [1, 1, 2, 1, 0, 1, 1, 0, item9],
        administered_on="2026-03-02",
        session_id=session_id,
    )
    assert len(recorded.flag_ids) == 1
    assert recorded.score.total == (None if item9 is None else 7 + item9)
    (flag,) = risk.open_flags(vault, episode)
    assert flag.source.startswith("PHQ-9 item 9")
    assert find_clients(vault)[0].open_risk_flags == 1
    with pytest.raises(InvalidInput):
        risk.write_risk_note(vault, episode, RiskNote(risk_formulation="  "), [flag.id])
    assert len(risk.open_flags(vault, episode)) == 1
    note = complete_risk_note(
        risk_formulation="Passive wish, no plan; protective factors strong (my judgement).",
        action_checks=("safety plan reviewed",),
        follow_up_date="2026-03-09",
    )
    note_id = risk.write_risk_note(vault, episode, note, [flag.id], session_id)
    assert risk.open_flags(vault, episode) == []
    assert [f.note_id for f in risk.flags(vault, episode)] == [note_id]
    assert sessions.get_note(vault, note_id).signed


def test_a_zero_raises_no_flag_and_nothing_is_called_safe(vault: Vault, episode: int) -> None:
    recorded = measures.record(vault, episode, "PHQ-9", LOW, administered_on="2026-03-02")
    assert recorded.flag_ids == ()
    assert recorded.score.band is not None and "safe" not in recorded.score.band.lower()


def test_invalid_responses_store_nothing(vault: Vault, episode: int) -> None:
    with pytest.raises(MeasureInputError):
        measures.record(
            vault, episode, "PHQ-9", [0, 0, 4, 0, 0, 0, 0, 0, 0], administered_on="2026-03-02"
        )
    assert measures.administrations(vault, episode) == []


def test_a_flag_cannot_be_closed_twice_or_from_another_episode(vault: Vault, episode: int) -> None:
    recorded = measures.record(vault, episode, "PHQ-9", [0] * 8 + [2], administered_on="2026-03-02")
    note = complete_risk_note(risk_formulation="Reviewed with the patient today.")
    risk.write_risk_note(vault, episode, note, list(recorded.flag_ids))
    with pytest.raises(InvalidInput):
        risk.write_risk_note(vault, episode, note, list(recorded.flag_ids))


def test_progress_reports_response_and_remission_with_definitions(
    vault: Vault, episode: int
) -> None:
    assert measures.progress(vault, episode) is None
    measures.record(
        vault, episode, "PHQ-9", [2, 2, 2, 2, 2, 2, 2, 2, 0], administered_on="2026-03-02"
    )
    measures.record(
        vault, episode, "PHQ-9", [1, 1, 1, 0, 0, 0, 0, 0, 0], administered_on="2026-05-25"
    )
    result = measures.progress(vault, episode)
    assert result is not None and (result.baseline, result.latest) == (16, 3)
    assert result.response.status == "response" and "50%" in result.response.definition
    assert result.remission is not None and result.remission.status == "remission"
    assert "<5" in result.remission.definition or "< 5" in result.remission.definition
