"""The caseload line carries the latest PHQ-9 with its change and the next review date."""

from __future__ import annotations

from dataclasses import replace

from tests.reports.course import record_course
from workbench.domain.episode import Contract
from workbench.services import caseload, episodes, formulation, measures
from workbench.store.vault import Vault


def test_latest_phq9_its_change_and_the_review_date(vault: Vault) -> None:
    client = record_course(vault, sessions_held=12)
    fresh = episodes.add_client(vault, "Quill", "Ostrander")
    episodes.open_episode(vault, fresh, Contract("WMK", 12), "2026-02-02")
    rows = {row.id: row for row in caseload.find_clients(vault)}

    course = rows[client]
    episode = episodes.current_episode(vault, client).id
    phq9 = [a.total for a in measures.administrations(vault, episode, "PHQ-9") if a.complete]
    assert course.last_phq9 == phq9[-1] and course.previous_phq9 == phq9[-2]
    assert course.phq9_change == phq9[-1] - phq9[-2] < 0
    assert course.review_date == "2026-12-01"

    newcomer = rows[fresh]
    assert (newcomer.last_phq9, newcomer.phq9_change, newcomer.review_date) == (None, None, None)


def test_the_review_date_follows_every_change_of_the_plan(vault: Vault) -> None:
    client = record_course(vault, sessions_held=12)
    episode = episodes.current_episode(vault, client).id
    plan = formulation.get_plan(vault, episode)
    assert plan is not None

    def review() -> str | None:
        return next(r.review_date for r in caseload.find_clients(vault) if r.id == client)

    formulation.save_plan(vault, episode, replace(plan, review_date="2027-01-15"))
    assert review() == "2027-01-15"
    formulation.save_plan(vault, episode, replace(plan, review_date=None))
    assert review() is None
