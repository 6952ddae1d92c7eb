"""A summary of a past session computes outcomes only from the scores known by that session."""

from __future__ import annotations

from tests.reports.course import record_course
from workbench.services import report_data
from workbench.store.vault import Vault


def test_past_session_outcomes_use_no_later_score(vault: Vault) -> None:
    client = record_course(vault)
    fourth = report_data.session_summary(vault, client, 4)
    assert {(o.instrument, o.baseline, o.latest) for o in fourth.outcomes} == {("PHQ-9", 18, 13)}
    assert report_data.session_summary(vault, client, 1).outcomes == ()  # one score: no outcome
    twelfth = report_data.session_summary(vault, client, 12)
    assert {o.latest for o in twelfth.outcomes if o.instrument == "PHQ-9"} == {5}
    latest = report_data.session_summary(vault, client)  # the last session sees every score
    assert {(o.instrument, o.latest) for o in latest.outcomes} == {("PHQ-9", 2), ("GAD-7", 3)}
