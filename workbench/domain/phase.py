"""Where an episode stands: derived from session N of M (ipt-reference §1); it never blocks."""

from __future__ import annotations

from functools import lru_cache

from workbench.protocol.loader import load_profile
from workbench.protocol.model import Phase
from workbench.protocol.phase_engine import phase_for

__all__ = ["Phase", "derive_phase"]


# The caseload list derives a phase for every client; the inputs repeat, so remember them.
@lru_cache(maxsize=8192)
def derive_phase(
    *, sessions_held: int, contracted: int, profile: str, kind: str, ended: bool
) -> Phase:
    """The phase implied by the session count, with the profile's phase lengths (protocol data)."""
    return phase_for(
        load_profile(profile),
        sessions_held=sessions_held,
        contracted=contracted,
        kind=kind,
        ended=ended,
    )
