"""Fidelity records: the clinician's per-session adherence self-rating, supervision meetings
(ratings on a loaded supervisor form, agreed actions) and the case summary for supervision."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workbench.domain.fidelity import CaseSummary, SessionRating, SupervisionMeeting
from workbench.errors import InvalidInput
from workbench.fidelity import FormError, RatingForm, list_forms, load_form
from workbench.store import episodes
from workbench.store import fidelity as store
from workbench.store.vault import Vault


def forms(kind: str | None = None) -> tuple[RatingForm, ...]:
    """The loaded rating forms ("self-rating" or "supervisor"); a malformed file raises."""
    return tuple(f for f in list_forms() if kind is None or f.kind == kind)


def _form(form_id: str, kind: str) -> RatingForm:
    form = next((f for f in forms(kind) if f.id == form_id), None)
    if form is None:
        raise InvalidInput(f"No {kind} form has the id {form_id!r}.")
    return form


def _iso(day: str | None, what: str) -> None:
    if day is None:
        return
    try:
        date.fromisoformat(day)
    except ValueError:
        raise InvalidInput(f"Give the {what} as a date (YYYY-MM-DD).") from None


def rate_session(vault: Vault, rating: SessionRating) -> int:
    """Save (or replace) a session's adherence self-rating; returns the rating's id."""
    form = _form(rating.form_id, "self-rating")
    problems = form.problems(rating.ratings)
    if problems:
        raise InvalidInput(" ".join(problems))
    rating = replace(rating, form_version=form.version, deviations=rating.deviations.strip())
    with vault.transaction() as tx:
        episode_id, _, _ = episodes.session_row(tx, rating.session_id)
        rating_id = store.save_rating(tx, vault.now(), episode_id, rating)
        vault.audit(tx, "edit", "fidelity-rating", rating_id)
    return rating_id


def session_ratings(vault: Vault, episode_id: int) -> list[SessionRating]:
    """Self-ratings of the episode's sessions, in session order."""
    with vault.reading() as conn:
        return store.ratings(conn, episode_id)


def record_meeting(vault: Vault, meeting: SupervisionMeeting) -> int:
    """A supervision meeting with the cases discussed; returns its id."""
    _iso(meeting.held_on, "meeting date")
    if not meeting.supervisor.strip():
        raise InvalidInput("Enter the supervisor's name.")
    if not meeting.client_ids:
        raise InvalidInput("Choose at least one case discussed.")
    version = 0
    if meeting.form_id:
        form = _form(meeting.form_id, "supervisor")
        problems = form.problems(meeting.ratings)
        if problems:
            raise InvalidInput(" ".join(problems))
        version = form.version
    elif meeting.ratings:
        raise InvalidInput("Choose the rating form the ratings belong to.")
    meeting = replace(
        meeting,
        supervisor=meeting.supervisor.strip(),
        agreed_actions=meeting.agreed_actions.strip(),
        form_version=version,
    )
    with vault.transaction() as tx:
        meeting_id = store.add_meeting(tx, vault.now(), meeting)
        vault.audit(tx, "create", "supervision-meeting", meeting_id)
    return meeting_id


def meetings(vault: Vault, client_id: int | None = None) -> list[SupervisionMeeting]:
    """Supervision meetings, oldest first (only those that discussed *client_id*, if given)."""
    with vault.reading() as conn:
        return store.meetings(conn, client_id)


def save_case_summary(vault: Vault, episode_id: int, summary: CaseSummary) -> None:
    """The clinician's case summary, diagnosis as recorded, sick role date, questions."""
    _iso(summary.sick_role_given_on, "date the sick role was given")
    with vault.transaction() as tx:
        store.save_case_summary(tx, vault.now(), episode_id, summary)
        vault.audit(tx, "edit", "case-summary", episode_id)


def case_summary(vault: Vault, episode_id: int) -> CaseSummary:
    with vault.reading() as conn:
        return store.case_summary(conn, episode_id) or CaseSummary()


def form_label(form_id: str) -> str:
    """The form's label, or its id if the form is no longer shipped."""
    try:
        return load_form(form_id).label
    except FormError:
        return form_id
