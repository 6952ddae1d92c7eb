"""Voiding an administration and the baseline: kept and audited, never counted again."""

from __future__ import annotations

import pytest

from tests.reports.course import record_course
from workbench.domain.episode import Contract
from workbench.errors import InvalidInput
from workbench.services import episodes, measures, report_supervisor, risk, workspace_reads
from workbench.services.caseload import find_clients
from workbench.store import audit
from workbench.store.vault import Vault

FULL = [2, 2, 2, 2, 2, 2, 2, 2, 0]  # 16


def episode(vault: Vault, held: int = 4) -> tuple[int, int]:
    client = record_course(vault, sessions_held=held)
    return client, episodes.current_episode(vault, client).id


def test_a_void_administration_is_kept_marked_and_never_counted(vault: Vault) -> None:
    client, ep = episode(vault)
    before = measures.episode_trend(vault, ep).plotted()
    wrong = measures.record(vault, ep, "PHQ-9", [3] * 8 + [0], administered_on="2026-06-01")
    assert ("PHQ-9", "2026-06-01", 24) in measures.episode_trend(vault, ep).plotted()
    latest = next(c for c in find_clients(vault) if c.id == client)
    assert latest.last_phq9 == 24

    measures.void(vault, wrong.administration_id, "  Entered in the wrong chart ")
    assert measures.episode_trend(vault, ep).plotted() == before
    assert wrong.administration_id not in {a.id for a in measures.administrations(vault, ep)}
    shown = {r.id: r for r in workspace_reads.administration_rows(vault, ep)}
    kept = shown[wrong.administration_id]
    assert kept.total == 24 and kept.voided_at is not None
    assert kept.void_reason == "Entered in the wrong chart"
    latest = next(c for c in find_clients(vault) if c.id == client)
    assert latest.last_phq9 != 24  # the caseload's PHQ-9 skips it too
    summary = workspace_reads.measure_summary(vault, ep, "PHQ-9")
    assert summary is not None and 24 not in summary.totals
    report = report_supervisor.supervisor_report(vault, client)
    assert 24 not in {row.total for row in report.measures}
    assert ("PHQ-9", "2026-06-01", 24) not in report.trend.plotted()
    with vault.reading() as conn:
        entries = audit.entries(conn, 5)
        assert not audit.verify_chain(conn)
    assert (entries[0].action, entries[0].entity, entries[0].entity_id) == (
        "void",
        "measure",
        str(wrong.administration_id),
    )


def test_void_needs_a_reason_and_cannot_be_undone(vault: Vault) -> None:
    _, ep = episode(vault)
    given = measures.record(vault, ep, "PHQ-9", FULL, administered_on="2026-02-02")
    with pytest.raises(InvalidInput):
        measures.void(vault, given.administration_id, "   ")
    measures.void(vault, given.administration_id, "duplicate entry")
    with pytest.raises(InvalidInput):
        measures.void(vault, given.administration_id, "again")
    with vault.transaction() as tx, pytest.raises(Exception, match="stays voided"):
        tx.execute(
            "UPDATE measure_administrations SET voided_at = NULL WHERE id = ?",
            (given.administration_id,),
        )


def test_a_flag_raised_by_a_void_administration_stays_open(vault: Vault) -> None:
    _, ep = episode(vault, held=2)
    before = len(risk.open_flags(vault, ep))
    given = measures.record(vault, ep, "PHQ-9", [0] * 8 + [1], administered_on="2026-02-02")
    measures.void(vault, given.administration_id, "wrong client")
    assert len(risk.open_flags(vault, ep)) == before + 1  # only a risk note closes a flag


def test_the_baseline_is_the_first_complete_non_void_administration(vault: Vault) -> None:
    _, ep = episodes.start_client(vault, "Tamsin", "Oakridge", Contract("WMK", 12), "2026-01-05")
    measures.record(vault, ep, "PHQ-9", [2] * 8 + [None], administered_on="2026-01-05")
    typo = measures.record(vault, ep, "PHQ-9", [0] * 9, administered_on="2026-01-06")
    measures.record(vault, ep, "PHQ-9", FULL, administered_on="2026-01-12")  # 16
    measures.record(vault, ep, "PHQ-9", [1] * 7 + [0, 0], administered_on="2026-02-09")  # 7
    measures.void(vault, typo.administration_id, "typed into the wrong form")
    found = measures.progress(vault, ep, "PHQ-9")
    assert found is not None
    assert (found.baseline, found.latest) == (16, 7)
    assert found.response.status == "response"  # 56% fall: computed, not "not computed"
    assert found.remission is not None and found.remission.status == "no remission"
