"""The overview at a glance: focus, goals, next session, latest scores, open risk and the
next required checklist items, with finished phases folded into one line each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from workbench.protocol import load_profile
from workbench.protocol.model import Phase
from workbench.services import episodes, formulation, workspace_reads
from workbench.services.vaults import Vault
from workbench.services.workspace_reads import Overview

INTERVAL_DAYS = {"weekly": 7, "fortnightly": 14, "monthly": 28}
SHOWN_ITEMS = 5  # required items listed before "and N more"


@dataclass(frozen=True)
class PhaseLine:
    """One reached phase: finished (every required item closed) or what is still open."""

    label: str
    required_open: tuple[str, ...]  # in protocol order
    recommended_open: int

    @property
    def done(self) -> bool:
        return not self.required_open


@dataclass(frozen=True)
class Glance:
    overview: Overview
    focus: str  # the primary problem area, "" before the formulation
    goals: tuple[str, ...]
    next_number: int  # the next session's number
    next_due: str  # ISO date: the last session plus the contracted interval, or the start
    frequency: str
    phases: tuple[PhaseLine, ...]  # reached phases, earliest first

    @property
    def not_started(self) -> bool:
        return self.overview.sessions_held == 0


def glance(vault: Vault, episode_id: int) -> Glance:
    """What the clinician needs before the next session, in one read."""
    found = workspace_reads.overview(vault, episode_id)
    episode = episodes.get_episode(vault, episode_id)
    profile = load_profile(episode.contract.manual_profile)
    chosen = formulation.get_formulation(vault, episode_id)
    focus = ""
    if chosen is not None and chosen.primary_area:
        area = profile.problem_area(chosen.primary_area)
        focus = area.label if area is not None else chosen.primary_area
    held = episodes.sessions(vault, episode_id)
    frequency = episode.contract.frequency
    if held:
        due = date.fromisoformat(held[-1][2][:10]) + timedelta(INTERVAL_DAYS.get(frequency, 7))
    else:
        due = date.fromisoformat(episode.start_date[:10])
    return Glance(
        overview=found,
        focus=focus,
        goals=tuple(g.text for g in formulation.goals(vault, episode_id)),
        next_number=len(held) + 1,
        next_due=due.isoformat(),
        frequency=frequency,
        phases=_phase_lines(found, [(p.phase, p.label) for p in profile.phases]),
    )


def _phase_lines(found: Overview, phases: list[tuple[Phase, str]]) -> tuple[PhaseLine, ...]:
    status = found.status
    order = [phase for phase, _ in phases]
    if status.phase in order:
        reached = order[: order.index(status.phase) + 1]
    elif status.phase is Phase.NOT_STARTED:
        reached = []
    else:  # ended, or a phase outside the acute ladder: every phase with open items
        reached = [p for p in order if any(i.phase is p for i in status.open_items)]
    lines = []
    for phase, label in phases:
        if phase not in reached:
            continue
        mine = [i for i in status.open_items if i.phase is phase]
        lines.append(
            PhaseLine(
                label,
                tuple(i.text for i in mine if i.required),
                sum(1 for i in mine if not i.required),
            )
        )
    return tuple(lines)
