"""Where the manual teaches each element (a section of ipt-reference.md) and what it says there."""

from __future__ import annotations

from workbench.protocol import ManualProfile

REFERENCE = "ipt-reference"
AREA_SECTIONS = {
    "grief": "§3.1",
    "role_dispute": "§3.2",
    "role_transition": "§3.3",
    "interpersonal_deficits": "§3.4",
    "interpersonal_sensitivity": "§3.4",
}
KIND_SECTIONS = {
    "stage": "§3.2",
    "risk_note": "§11.2",
    "risk": "§11.2",
    "measure": "§10",
    "formulation": "§9.2",
    "person": "§7.1",
    "timeline": "§8",
    "technique": "§4",
    "strategy": "§3",
    "goal": "§3",
    "primary": "§2",
    "secondary": "§0",
    "modifier": "§3.4",
}
RISK_SAYS = (
    "A positive suicide item is a flag, not a risk level: it stays open until the clinician "
    "writes a structured risk note: the nature of the thoughts, their frequency and recency, "
    "protective factors, the risk formulation in the clinician's own words, the actions taken "
    "and a follow-up date. The app never fills in a risk judgement, and a zero is not an "
    "all-clear."
)


def where(section: str) -> str:
    """'§3.2' → 'ipt-reference §3.2'; empty stays empty."""
    return f"{REFERENCE} {section}" if section else ""


def area_where(area_id: str | None, given: str = "") -> str:
    return where(given or AREA_SECTIONS.get(area_id or "", "§3"))


def kind_where(kind: str, given: str = "") -> str:
    return where(given or KIND_SECTIONS.get(kind, ""))


def area_says(profile: ManualProfile, area_id: str | None) -> str:
    """The profile's own indication for an area, e.g. 'Role disputes: an open or hidden …'."""
    area = profile.problem_area(area_id or "")
    if area is None:
        return ""
    prompt = f" {area.selection_prompt}" if area.selection_prompt else ""
    return f"{area.label} ({profile.id}): {area.indication}{prompt}"


def stage_says(profile: ManualProfile, stage_id: str | None) -> str:
    """'Impasse: talk has stopped …; aim: bring the disagreement back …'."""
    for area in profile.problem_areas:
        for stage in area.stages:
            if stage.id == stage_id:
                return f"{stage.label}: {stage.description} Aim: {stage.aim}"
    return ""


def goal_area_says(profile: ManualProfile, ref: str) -> str:
    area = profile.problem_area(ref.partition(":")[0])
    if area is None:
        return ""
    goals = " ".join(f"({n}) {g}" for n, g in enumerate(area.goals, 1))
    return f"Goals of {area.label} ({profile.id}): {goals}"
