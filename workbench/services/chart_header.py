"""Whose chart is open: the line every workspace shows above its pages, read in one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.domain.episode import EpisodeKind
from workbench.protocol import load_profile
from workbench.services import episodes, formulation, risk, status
from workbench.services.vaults import Vault

PROFILE_NAMES = {"WMK": "WMK", "SR": "S&R"}
KIND_NAMES = {
    EpisodeKind.ACUTE: "Acute",
    EpisodeKind.CONTINUATION: "Continuation",
    EpisodeKind.MAINTENANCE: "Maintenance (IPT-M)",
}


@dataclass(frozen=True)
class ChartHeader:
    """What names the open chart, so a note is never written in the wrong one."""

    client_id: int
    episode_id: int
    name: str
    code: str
    age_band: str  # "30–39", or "" without a date of birth
    episode: str  # e.g. "Acute course 2 of 2 · WMK"
    phase: str
    session: str  # "session 4 of 12"
    focus: str  # the primary problem area, or "" before the formulation
    open_flags: int


def age_band(date_of_birth: str | None, today: date) -> str:
    """Ten-year band of the age today ("90+" from 90 on); "" when the date is unknown."""
    if not date_of_birth:
        return ""
    try:
        born = date.fromisoformat(date_of_birth)
    except ValueError:
        return ""
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age < 0:
        return ""
    if age >= 90:
        return "90+"
    low = age // 10 * 10
    return f"{low}–{low + 9}"


def chart_header(vault: Vault, client_id: int) -> ChartHeader:
    client = episodes.get_client(vault, client_id)
    course = episodes.client_episodes(vault, client_id)
    current = episodes.current_episode(vault, client_id)
    where = status.episode_status(vault, current.id)
    chosen = formulation.get_formulation(vault, current.id)
    profile = current.contract.manual_profile
    focus = ""
    if chosen is not None and chosen.primary_area:
        area = load_profile(profile).problem_area(chosen.primary_area)
        focus = area.label if area is not None else chosen.primary_area
    number = next((i for i, e in enumerate(course, 1) if e.id == current.id), len(course))
    episode = (
        f"{KIND_NAMES.get(current.kind, current.kind.value)} course {number} of {len(course)}"
        f" · {PROFILE_NAMES.get(profile, profile)}"
    )
    return ChartHeader(
        client_id=client.id,
        episode_id=current.id,
        name=client.display_name,
        code=client.code,
        age_band=age_band(client.date_of_birth, date.fromisoformat(vault.now()[:10])),
        episode=episode,
        phase=where.phase_label,
        session=where.session_label,
        focus=focus,
        open_flags=len(risk.client_open_flags(vault, client_id)),  # flags follow the client
    )
