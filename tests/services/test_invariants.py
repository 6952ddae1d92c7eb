"""No sequence of edits breaks the record's invariants (Hypothesis over service calls)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import FAST_KDF, PASSPHRASE, complete_risk_note
from workbench.domain.episode import Contract
from workbench.errors import WorkbenchError
from workbench.services import episodes, measures, risk, sessions
from workbench.store import audit
from workbench.store.vault import Vault

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
ACTION = st.one_of(
    st.tuples(st.just("session")),
    st.tuples(st.just("edit"), st.integers(0, 9), TEXT),
    st.tuples(st.just("sign"), st.integers(0, 9)),
    st.tuples(st.just("addendum"), st.integers(0, 9), TEXT),
    st.tuples(
        st.just("phq9"), st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=9, max_size=9)
    ),
    st.tuples(st.just("risk-note"), st.integers(0, 9), TEXT),
)


def _apply(vault: Vault, episode: int, action: tuple[Any, ...], note_ids: list[int]) -> None:
    kind = action[0]
    pick = (lambda n: note_ids[n % len(note_ids)]) if note_ids else None
    if kind == "session":
        note_ids.append(sessions.record_session(vault, episode, "2026-03-02")[1])
    elif kind == "edit" and pick:
        sessions.save_note(vault, pick(action[1]), {"check_in": action[2]})
    elif kind == "sign" and pick:
        sessions.sign(vault, pick(action[1]))
    elif kind == "addendum" and pick:
        sessions.add_addendum(vault, pick(action[1]), action[2])
    elif kind == "phq9":
        measures.record(vault, episode, "PHQ-9", action[1], administered_on="2026-03-02")
    elif kind == "risk-note":
        flags = risk.open_flags(vault, episode)
        chosen = [flags[action[1] % len(flags)].id] if flags else []
        risk.write_risk_note(vault, episode, complete_risk_note(risk_formulation=action[2]), chosen)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACTION, max_size=25))
def test_no_sequence_of_edits_breaks_the_invariants(actions: list[tuple[Any, ...]]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="invariants-"))
    try:
        vault, _ = Vault.create(folder / "v", PASSPHRASE, kdf=FAST_KDF)
        with vault:
            client = episodes.add_client(vault, "Rory", "Whitfield")
            episode = episodes.open_episode(vault, client, Contract("SR", 8), "2026-03-02")
            note_ids: list[int] = []
            signed: dict[int, dict[str, Any]] = {}
            for action in actions:
                # A refusal (with its message) is fine: the invariants must hold either way.
                with contextlib.suppress(WorkbenchError):
                    _apply(vault, episode, action, note_ids)
                for note_id in note_ids:
                    note = sessions.get_note(vault, note_id)
                    if note.signed:
                        assert signed.setdefault(note_id, note.body) == note.body
                    assert all(a.signed for a in note.addenda)
            for flag in risk.flags(vault, episode):
                assert flag.open or (
                    flag.note_id is not None
                    and sessions.get_note(vault, flag.note_id).kind == "risk"
                )
            assert audit.verify_chain(vault.conn) == []
    finally:
        shutil.rmtree(folder, ignore_errors=True)
