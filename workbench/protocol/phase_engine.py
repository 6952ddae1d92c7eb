"""Where an episode stands (session N of M plus checklist state), with advisory reminders only."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from workbench.protocol.checklist import is_closed
from workbench.protocol.model import (
    ENDING_PHASES,
    ChecklistItem,
    ItemStatus,
    ManualProfile,
    Phase,
    Scope,
    Span,
)

# Checklist items that record the same facts as evaluate()'s flags (both profiles have them).
FORMULATION_AGREED_ITEM = "initial.formulation_agreed"
ENDING_RAISED_ITEM = "ending.raise_ending"

REMIND_ENDING = "Ending should be discussed explicitly"
REMIND_NO_FORMULATION = "Middle phase started without an agreed formulation"
REMIND_INITIAL_OPEN = "Required initial-phase items are still open"
REMIND_OVER_CONTRACT = "Sessions have gone past the contract; renegotiate it explicitly"
REMIND_NO_CONTRACT = "No valid number of sessions is contracted; agree one explicitly"

MAINTENANCE_KIND = "maintenance"


@dataclass(frozen=True, slots=True)
class PhaseStatus:
    phase: Phase
    phase_label: str  # the profile's name for the phase, e.g. "Conclusion of acute treatment"
    session_label: str  # "session N of M"
    sessions_left: int | None  # M − N (negative past the contract); None without a valid M
    open_items: tuple[ChecklistItem, ...]  # current and earlier phases, required first
    reminders: tuple[str, ...]  # advisory; nothing here ever blocks the clinician


def phase_lengths(profile: ManualProfile, contracted: int) -> tuple[int, int]:
    """Sessions in the initial and the ending phase; shorter contracts shrink both in proportion."""
    first = profile.span(Span.FIRST).sessions or 1
    last = profile.span(Span.LAST).sessions or 1
    full = profile.contract.full_phases_from
    if contracted >= full:
        return first, last
    scale = max(contracted, 1)
    return max(1, -(-first * scale // full)), max(1, -(-last * scale // full))


def phase_for(
    profile: ManualProfile, *, sessions_held: int, contracted: int, kind: str, ended: bool
) -> Phase:
    """The phase implied by session N of M; it never decreases as N grows."""
    if ended:
        return Phase.ENDED
    if kind == MAINTENANCE_KIND:
        return Phase.MAINTENANCE
    if sessions_held <= 0:
        return Phase.NOT_STARTED
    if contracted < 1:  # without a contract the ending cannot be placed
        first, _ = phase_lengths(profile, profile.contract.full_phases_from)
        return Phase.INITIAL if sessions_held <= first else Phase.MIDDLE
    first, last = phase_lengths(profile, contracted)
    if sessions_held <= first:  # a one- or two-session contract still opens with the initial tasks
        return Phase.INITIAL
    if sessions_held > contracted - last:
        return profile.ending_phase
    return Phase.MIDDLE


def _reached(profile: ManualProfile, phase: Phase, kind: str) -> tuple[Phase, ...]:
    if kind == MAINTENANCE_KIND:
        return (Phase.MAINTENANCE,) if phase in (Phase.MAINTENANCE, Phase.ENDED) else ()
    acute = (Phase.INITIAL, Phase.MIDDLE, profile.ending_phase)
    if phase is Phase.ENDED:
        return acute
    return acute[: acute.index(phase) + 1] if phase in acute else ()


def evaluate(
    profile: ManualProfile,
    *,
    sessions_held: int,
    contracted: int,
    kind: str,
    ended: bool,
    checklist: Mapping[str, str],
    formulation_agreed: bool,
    ending_discussed: bool,
    problem_areas: Collection[str] = (),
) -> PhaseStatus:
    """Phase, "session N of M", open items and reminders; never raises for any N or M.

    Items tagged with a problem area are listed only when that area is in *problem_areas*.
    Ticking the formulation-agreed or ending-raised item counts the same as the flag.
    """
    phase = phase_for(
        profile, sessions_held=sessions_held, contracted=contracted, kind=kind, ended=ended
    )
    held = max(sessions_held, 0)
    statuses = dict(checklist)
    formulation_agreed = formulation_agreed or is_closed(statuses.get(FORMULATION_AGREED_ITEM))
    ending_discussed = ending_discussed or is_closed(statuses.get(ENDING_RAISED_ITEM))
    if formulation_agreed:
        statuses[FORMULATION_AGREED_ITEM] = ItemStatus.DONE.value
    if ending_discussed:
        statuses[ENDING_RAISED_ITEM] = ItemStatus.DONE.value
    areas = frozenset(problem_areas)
    still_open = [
        item
        for reached in _reached(profile, phase, kind)
        for item in profile.items_for(reached, areas)
        if item.scope is Scope.EPISODE and not is_closed(statuses.get(item.id))
    ]
    open_items = tuple(sorted(still_open, key=lambda item: not item.required))
    reminders: list[str] = []
    if held >= 1 and phase is not Phase.ENDED:
        if contracted < 1:
            reminders.append(REMIND_NO_CONTRACT)
        else:
            if held > contracted:
                reminders.append(REMIND_OVER_CONTRACT)
            if contracted - held <= profile.contract.ending_notice and not ending_discussed:
                reminders.append(REMIND_ENDING)
        if phase is Phase.MIDDLE and not formulation_agreed:
            reminders.append(REMIND_NO_FORMULATION)
        if (phase is Phase.MIDDLE or phase in ENDING_PHASES) and any(
            item.phase is Phase.INITIAL and item.required for item in open_items
        ):
            reminders.append(REMIND_INITIAL_OPEN)
    definition = profile.phase_def(phase)
    return PhaseStatus(
        phase=phase,
        phase_label=definition.label if definition else phase.value.capitalize(),
        session_label=(
            f"session {held} of {contracted}" if contracted >= 1 else f"session {held}, no contract"
        ),
        sessions_left=contracted - held if contracted >= 1 else None,
        open_items=open_items,
        reminders=tuple(reminders),
    )
