"""Risk belongs to the client: an open flag follows them into every later episode and view."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.support import complete_risk_note
from workbench.domain.episode import Contract
from workbench.errors import InvalidInput
from workbench.services import episodes, export, measures, risk, sessions, workspace_reads
from workbench.services.caseload import find_clients
from workbench.store import records
from workbench.store.vault import Vault

FLAG_COUNT = re.compile(r"(\d+) open risk flags?", re.IGNORECASE)


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def counts_in(text: str) -> set[int]:
    """Every open-flag count a PDF prints (the banner, the risk heading, the plan's line)."""
    return {int(n) for n in FLAG_COUNT.findall(" ".join(text.split()))}


def _course_with_a_flag(vault: Vault) -> tuple[int, int]:
    episodes.set_clinician_name(vault, "Dr Ada Example")
    client = episodes.add_client(vault, "Orla", "Penhallow")
    first = episodes.open_episode(vault, client, Contract("WMK", 12), "2026-01-05")
    session_id, _ = sessions.record_session(vault, first, "2026-01-05")
    measures.record(
        vault,
        first,
        "PHQ-9",
        [2, 2, 1, 1, 1, 1, 1, 0, 2],
        administered_on="2026-01-05",
        session_id=session_id,
    )
    return client, first


def test_a_flag_from_episode_1_stays_open_and_shown_in_episode_2(vault: Vault) -> None:
    client, first = _course_with_a_flag(vault)
    with pytest.raises(InvalidInput, match="1 open risk flag"):
        episodes.end_episode(vault, first, "2026-03-30")  # never silently
    assert not episodes.get_episode(vault, first).ended
    episodes.end_episode(vault, first, "2026-03-30", carry_open_flags=True)
    with vault.reading() as conn:
        assert records.get(conn, first, records.FLAG_CARRY) is not None
    second = episodes.open_episode(vault, client, Contract("SR", 12), "2026-09-07")
    sessions.record_session(vault, second, "2026-09-07")

    (flag,) = risk.open_flags(vault, second)
    assert flag.episode_id == first and flag.carried_forward == "2026-03-30"
    assert find_clients(vault)[0].open_risk_flags == 1
    assert len(workspace_reads.overview(vault, second).open_flags) == 1
    for kind in ("session-summary", "supervisor-report"):
        text = pdf_text(export.build(vault, client, kind))
        assert counts_in(text) == {1}, kind
        assert "raised in an earlier episode" in " ".join(text.split())

    # A risk note written in episode 2 closes the flag raised in episode 1.
    note_id = risk.write_risk_note(vault, second, complete_risk_note(), [flag.id])
    assert risk.client_open_flags(vault, client) == []
    assert risk.risk_notes(vault, first)[0].id == note_id  # the latest note follows the client
    assert workspace_reads.overview(vault, second).latest_risk_note.id == note_id
    assert find_clients(vault)[0].open_risk_flags == 0
    assert counts_in(pdf_text(export.build(vault, client, "supervisor-report"))) == {0}
    episodes.end_episode(vault, second, "2026-12-01")  # nothing open: no carry needed


def test_another_clients_flag_cannot_be_closed(vault: Vault) -> None:
    _, first = _course_with_a_flag(vault)
    (flag,) = risk.open_flags(vault, first)
    other = episodes.add_client(vault, "Tamsin", "Vell")
    theirs = episodes.open_episode(vault, other, Contract("WMK", 12), "2026-01-05")
    with pytest.raises(Exception, match="No such risk flag"):
        risk.write_risk_note(vault, theirs, complete_risk_note(), [flag.id])
    assert len(risk.open_flags(vault, first)) == 1
