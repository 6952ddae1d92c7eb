"""A risk note closes a flag only with real text in each required field; signed, it is locked."""

from __future__ import annotations

import pytest

from tests.services.test_risk_follows_client import pdf_text
from tests.support import complete_risk_note
from workbench.domain.risk_rule import FOLLOW_UP_LABEL, REQUIRED_TEXT
from workbench.errors import InvalidInput, SignedNoteLocked
from workbench.services import episodes, export, measures, risk, sessions
from workbench.store import notes
from workbench.store.vault import Vault


def _flag(vault: Vault, episode: int) -> int:
    measures.record(vault, episode, "PHQ-9", [1] * 8 + [3], administered_on="2026-03-02")
    (flag,) = risk.open_flags(vault, episode)
    return flag.id


@pytest.mark.parametrize("field", sorted(REQUIRED_TEXT))
@pytest.mark.parametrize("written", ["", "   ", "ok", "fine fine", "12"])
def test_a_blank_or_one_word_field_is_refused_naming_it(
    vault: Vault, episode: int, field: str, written: str
) -> None:
    flag = _flag(vault, episode)
    with pytest.raises(InvalidInput) as refused:
        risk.write_risk_note(vault, episode, complete_risk_note(**{field: written}), [flag])
    assert REQUIRED_TEXT[field] in refused.value.user_message
    assert [f.id for f in risk.open_flags(vault, episode)] == [flag]


@pytest.mark.parametrize("day", [None, "", "next week", "2026-02-30"])
def test_the_follow_up_needs_a_date(vault: Vault, episode: int, day: str | None) -> None:
    flag = _flag(vault, episode)
    with pytest.raises(InvalidInput, match=FOLLOW_UP_LABEL):
        risk.write_risk_note(vault, episode, complete_risk_note(follow_up_date=day), [flag])
    assert len(risk.open_flags(vault, episode)) == 1


def test_a_complete_note_closes_the_flag_and_is_locked_but_takes_addenda(
    vault: Vault, episode: int
) -> None:
    flag = _flag(vault, episode)
    note_id = risk.write_risk_note(vault, episode, complete_risk_note(), [flag])
    assert risk.open_flags(vault, episode) == []
    with vault.transaction() as tx, pytest.raises(SignedNoteLocked):
        notes.update_note(tx, vault.now(), note_id, {"risk_formulation": "changed later"})
    sessions.add_addendum(vault, note_id, "Follow-up call made; she answered.")
    note = sessions.get_note(vault, note_id)
    assert note.signed and note.body == complete_risk_note().body()
    assert [a.body["text"] for a in note.addenda] == ["Follow-up call made; she answered."]
    client_id = episodes.get_episode(vault, episode).client_id  # the addendum reaches reports
    text = " ".join(pdf_text(export.build(vault, client_id, "supervisor-report")).split())
    assert "Follow-up call made; she answered." in text


def test_the_database_refuses_an_unsigned_risk_note(vault: Vault, episode: int) -> None:
    with pytest.raises(Exception, match="a risk note must be signed"), vault.transaction() as tx:
        notes.add_note(tx, vault.now(), episode, {"risk_formulation": "x y"}, kind="risk")
