"""Form drafts: saved, read back, replaced, dropped; gone once signed or recorded; unaudited."""

from __future__ import annotations

import json

import pytest

from tests.support import complete_risk_note
from workbench.domain.risk import RiskNote
from workbench.errors import InvalidInput
from workbench.services import episodes, measures, risk, sessions
from workbench.services.form_drafts import (
    ADDENDUM,
    MEASURE,
    RISK_NOTE,
    discard_draft,
    load_draft,
    save_draft,
)
from workbench.store.export_json import caseload_document
from workbench.store.vault import Vault

CANARY = "draft-canary-7f3a"


def _audit_count(vault: Vault) -> int:
    return int(vault.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_save_load_replace_discard(vault: Vault, episode: int) -> None:
    assert load_draft(vault, episode, RISK_NOTE, "") is None
    save_draft(vault, episode, RISK_NOTE, "", {"risk_formulation": "first words"})
    save_draft(vault, episode, RISK_NOTE, "", {"risk_formulation": "more words"})
    save_draft(vault, episode, MEASURE, "PHQ-9", {"responses": [1, 2, None]})
    assert load_draft(vault, episode, RISK_NOTE, "") == {"risk_formulation": "more words"}
    assert load_draft(vault, episode, MEASURE, "PHQ-9") == {"responses": [1, 2, None]}
    assert load_draft(vault, episode, MEASURE, "GAD-7") is None
    discard_draft(vault, episode, RISK_NOTE, "")
    assert load_draft(vault, episode, RISK_NOTE, "") is None
    assert load_draft(vault, episode, MEASURE, "PHQ-9") is not None


def test_an_empty_body_drops_the_draft(vault: Vault, episode: int) -> None:
    save_draft(vault, episode, ADDENDUM, "4", {"text": "half a thought"})
    save_draft(vault, episode, ADDENDUM, "4", {})
    assert load_draft(vault, episode, ADDENDUM, "4") is None


def test_an_unknown_kind_is_refused(vault: Vault, episode: int) -> None:
    with pytest.raises(InvalidInput):
        save_draft(vault, episode, "letter", "", {"text": "x"})


def test_drafts_write_no_audit_entry(vault: Vault, episode: int) -> None:
    before = _audit_count(vault)
    save_draft(vault, episode, RISK_NOTE, "", {"frequency_recency": "weekly"})
    discard_draft(vault, episode, RISK_NOTE, "")
    assert _audit_count(vault) == before


def test_deleting_the_client_deletes_its_drafts(vault: Vault, episode: int) -> None:
    save_draft(vault, episode, RISK_NOTE, "", {"risk_formulation": CANARY})
    client_id = episodes.get_episode(vault, episode).client_id
    episodes.delete_client(vault, client_id)
    rows = vault.conn.execute("SELECT count(*) FROM form_drafts").fetchone()[0]
    assert rows == 0


def test_signing_a_risk_note_discards_its_draft(vault: Vault, episode: int) -> None:
    save_draft(vault, episode, RISK_NOTE, "", {"risk_formulation": "draft"})
    risk.write_risk_note(vault, episode, complete_risk_note(risk_formulation="My own judgement."))
    assert load_draft(vault, episode, RISK_NOTE, "") is None


def test_signing_an_addendum_discards_only_its_draft(vault: Vault, episode: int) -> None:
    _, first = sessions.record_session(vault, episode, "2026-03-02")
    _, second = sessions.record_session(vault, episode, "2026-03-09")
    sessions.sign(vault, first)
    sessions.sign(vault, second)
    save_draft(vault, episode, ADDENDUM, str(first), {"text": "late detail"})
    save_draft(vault, episode, ADDENDUM, str(second), {"text": "other"})
    sessions.add_addendum(vault, first, "late detail")
    assert load_draft(vault, episode, ADDENDUM, str(first)) is None
    assert load_draft(vault, episode, ADDENDUM, str(second)) == {"text": "other"}


def test_recording_a_measure_discards_its_draft(vault: Vault, episode: int) -> None:
    save_draft(vault, episode, MEASURE, "PHQ-9", {"responses": [0, 1]})
    save_draft(vault, episode, MEASURE, "GAD-7", {"responses": [2]})
    measures.record(vault, episode, "PHQ-9", [0] * 9, administered_on="2026-03-02")
    assert load_draft(vault, episode, MEASURE, "PHQ-9") is None
    assert load_draft(vault, episode, MEASURE, "GAD-7") == {"responses": [2]}


def test_a_failed_signing_keeps_the_draft(vault: Vault, episode: int) -> None:
    save_draft(vault, episode, RISK_NOTE, "", {"frequency_recency": "daily"})
    with pytest.raises(InvalidInput):
        risk.write_risk_note(vault, episode, RiskNote(risk_formulation="  "))
    assert load_draft(vault, episode, RISK_NOTE, "") == {"frequency_recency": "daily"}


def test_drafts_are_left_out_of_the_json_export(vault: Vault, episode: int) -> None:
    save_draft(vault, episode, RISK_NOTE, "", {"risk_formulation": CANARY})
    with vault.reading() as conn:
        document = caseload_document(conn, vault.now(), include_process_notes=True)
    assert CANARY not in json.dumps(document, ensure_ascii=False)
