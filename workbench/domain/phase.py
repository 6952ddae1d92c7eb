"""Where an episode stands: derived from session N of M (ipt-reference §1); it never blocks."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    NOT_STARTED = "not started"
    INITIAL = "initial"
    MIDDLE = "middle"
    TERMINATION = "termination"  # WMK wording
    CONCLUSION = "conclusion"  # S&R wording
    MAINTENANCE = "maintenance"
    ENDED = "ended"


INITIAL_LAST_SESSION = 3
ENDING_SESSIONS = {"WMK": 3, "SR": 2}  # WMK: last ~3 sessions; S&R: conclusion 1-2 sessions


def derive_phase(
    *, sessions_held: int, contracted: int, profile: str, kind: str, ended: bool
) -> Phase:
    """The phase implied by the session count; checklist state refines it elsewhere."""
    if ended:
        return Phase.ENDED
    if kind == "maintenance":
        return Phase.MAINTENANCE
    if sessions_held <= 0:
        return Phase.NOT_STARTED
    ending = ENDING_SESSIONS.get(profile, 3)
    if sessions_held > contracted - ending:
        # A short contract reaches its ending before its initial phase is "over".
        return Phase.CONCLUSION if profile == "SR" else Phase.TERMINATION
    if sessions_held <= INITIAL_LAST_SESSION:
        return Phase.INITIAL
    return Phase.MIDDLE
