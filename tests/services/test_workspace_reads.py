"""Read views of the client workspace: session rows, administrations, overview, process notes."""

from __future__ import annotations

from tests.reports.course import record_course
from workbench.domain.episode import Contract
from workbench.services import episodes, sessions, workspace_reads


def test_session_rows_say_which_notes_are_signed(vault) -> None:
    episode_id = episodes.current_episode(vault, record_course(vault, sessions_held=3)).id
    rows = workspace_reads.session_rows(vault, episode_id)
    assert [(r.number, r.held_on, r.signed) for r in rows] == [
        (1, "2026-01-05", True),
        (2, "2026-01-12", True),
        (3, "2026-01-19", False),
    ]
    assert rows[0].note_id is not None and rows[0].attendance == "attended"
    sessions.add_addendum(vault, rows[0].note_id, "A later correction.")
    assert workspace_reads.session_rows(vault, episode_id)[0].addenda == 1


def test_administration_rows_carry_session_number_and_band(vault) -> None:
    episode_id = episodes.current_episode(vault, record_course(vault, sessions_held=4)).id
    rows = workspace_reads.administration_rows(vault, episode_id)
    assert [(r.instrument, r.session_number, r.total, r.band) for r in rows] == [
        ("PHQ-9", 1, 18, "moderately severe"),
        ("GAD-7", 1, 11, "moderate"),
        ("PHQ-9", 4, 13, "moderate"),
        ("PHQ-9", None, 2, "minimal/none"),
    ]
    assert workspace_reads.band_for("PHQ-9", None) is None


def test_overview_has_status_flags_and_the_latest_measures(vault) -> None:
    episode_id = episodes.current_episode(vault, record_course(vault, sessions_held=4)).id
    overview = workspace_reads.overview(vault, episode_id)
    assert overview.status.session_label == "session 4 of 20"
    assert (overview.sessions_held, overview.contracted) == (4, 20)
    assert [f.source for f in overview.open_flags] == ["PHQ-9 item 9"]
    phq, gad = overview.measures
    assert (phq.instrument, phq.latest_total, phq.latest_band) == ("PHQ-9", 2, "minimal/none")
    assert phq.totals == (18, 13, 2)
    assert phq.progress is not None and phq.progress.response.status == "response"
    assert (gad.instrument, gad.totals, gad.progress) == ("GAD-7", (11,), None)


def test_overview_of_an_episode_without_measures(vault) -> None:
    client = episodes.add_client(vault, "Tamsin", "Oakes")
    episode_id = episodes.open_episode(vault, client, Contract("SR", 12), "2026-03-02")
    overview = workspace_reads.overview(vault, episode_id)
    assert overview.measures == () and overview.open_flags == ()
    assert overview.sessions_held == 0


def test_process_notes_are_read_apart(vault) -> None:
    episode_id = episodes.current_episode(vault, record_course(vault, sessions_held=1)).id
    session_id = workspace_reads.session_rows(vault, episode_id)[0].session_id
    sessions.save_process_note(vault, episode_id, "My impatience.", session_id)
    (note,) = workspace_reads.process_notes(vault, episode_id)
    assert (note.session_id, note.body) == (session_id, "My impatience.")
