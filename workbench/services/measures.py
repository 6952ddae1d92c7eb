"""Recording symptom measures: score through workbench.measures, store, raise risk flags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.errors import InvalidInput
from workbench.measures import Outcome, Score, Trend, remission, response, score, trend
from workbench.store import episodes, form_drafts
from workbench.store import measures as store
from workbench.store.vault import Vault


@dataclass(frozen=True)
class Recorded:
    administration_id: int
    score: Score
    flag_ids: tuple[int, ...]


def record(
    vault: Vault,
    episode_id: int,
    instrument: str,
    responses: Sequence[int | None],
    *,
    administered_on: str,
    session_id: int | None = None,
    difficulty: int | None = None,
) -> Recorded:
    """Score and store one administration; a positive (or unanswered) suicide item opens a flag."""
    result = score(instrument, responses, difficulty=difficulty)  # raises MeasureInputError
    with vault.transaction() as tx:
        if session_id is not None:
            session_episode, _, _ = episodes.session_row(tx, session_id)
            if session_episode != episode_id:
                raise ValueError("session belongs to another episode")
        admin_id, flag_ids = store.add_administration(
            tx, vault.now(), episode_id, session_id, administered_on, result
        )
        form_drafts.discard(tx, episode_id, form_drafts.MEASURE, instrument)  # now recorded
        vault.audit(tx, "create", "measure", admin_id)
        for flag_id in flag_ids:
            vault.audit(tx, "create", "risk-flag", flag_id)
    return Recorded(admin_id, result, tuple(flag_ids))


def administrations(
    vault: Vault, episode_id: int, instrument: str | None = None, *, include_void: bool = False
) -> list[store.Administration]:
    """The episode's administrations in date order; voided ones only when asked for."""
    with vault.reading() as conn:
        return store.administrations(conn, episode_id, instrument, include_void=include_void)


VOID_REASON_MAX = 500


def void(vault: Vault, administration_id: int, reason: str) -> int:
    """Void an administration entered in error: kept and audited, never counted again.

    Risk flags it raised stay open: only a risk note closes a flag. Returns the episode id.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("Say why the administration is void (for example: wrong client).")
    if len(reason) > VOID_REASON_MAX:
        raise InvalidInput(f"Keep the reason under {VOID_REASON_MAX} characters.")
    with vault.transaction() as tx:
        episode_id = store.void_administration(tx, vault.now(), administration_id, reason)
        vault.audit(tx, "void", "measure", administration_id)
    return episode_id


def episode_trend(vault: Vault, episode_id: int) -> Trend:
    """The PHQ-9 / GAD-7 chart data of the episode, the same for the app and the PDFs."""
    with vault.reading() as conn:
        given = store.administrations(conn, episode_id)
        held = episodes.episode_sessions(conn, episode_id)
    return trend(given, [(s[0], s[1], s[2]) for s in held])


@dataclass(frozen=True)
class Progress:
    """Baseline against latest for one instrument, each outcome labelled with its definition."""

    instrument: str
    baseline: int | None
    latest: int | None
    response: Outcome
    remission: Outcome | None  # None where §10.5 defines no remission for the instrument


def progress(vault: Vault, episode_id: int, instrument: str = "PHQ-9") -> Progress | None:
    """Change since the baseline: the first complete, non-void administration of the episode,
    against the latest complete one after it (None until both exist)."""
    return progress_of(instrument, administrations(vault, episode_id, instrument))


def progress_of(instrument: str, given: Sequence[store.Administration]) -> Progress | None:
    """Change from the first to the last counted (complete, non-void) of *given*, in order."""
    totals = [a.total for a in given if a.instrument == instrument and a.counted]
    if len(totals) < 2:
        return None
    first, last = totals[0], totals[-1]
    with_default = instrument in ("PHQ-9", "HAM-D-17")
    return Progress(
        instrument=instrument,
        baseline=first,
        latest=last,
        response=response(_rated(instrument, first), _rated(instrument, last)),
        remission=remission(_rated(instrument, first), _rated(instrument, last))
        if with_default
        else None,
    )


def _rated(instrument: str, total: int | None) -> Score:
    """A stored total as a Score, so outcomes know the instrument (and a missing total)."""
    return Score(
        instrument=instrument, total=total, band=None, complete=total is not None, answered=0
    )
