"""The IPT frame as data: manual profiles, phases, checklists, problem areas and techniques."""

from workbench.protocol.checklist import ChecklistState, is_closed, reconcile_checklist
from workbench.protocol.errors import ProtocolError, UnknownProfile
from workbench.protocol.loader import (
    list_profiles,
    load_profile,
    load_profile_file,
    profile_id,
    techniques,
)
from workbench.protocol.model import (
    ChecklistItem,
    ContractFrame,
    ItemStatus,
    Level,
    ManualProfile,
    Phase,
    PhaseDef,
    ProblemArea,
    Role,
    Scope,
    Span,
    Stage,
    Technique,
)
from workbench.protocol.phase_engine import PhaseStatus, evaluate, phase_for, phase_lengths
from workbench.protocol.schema import parse_profile, parse_techniques

__all__ = [
    "ChecklistItem",
    "ChecklistState",
    "ContractFrame",
    "ItemStatus",
    "Level",
    "ManualProfile",
    "Phase",
    "PhaseDef",
    "PhaseStatus",
    "ProblemArea",
    "ProtocolError",
    "Role",
    "Scope",
    "Span",
    "Stage",
    "Technique",
    "UnknownProfile",
    "evaluate",
    "is_closed",
    "list_profiles",
    "load_profile",
    "load_profile_file",
    "parse_profile",
    "parse_techniques",
    "phase_for",
    "phase_lengths",
    "profile_id",
    "reconcile_checklist",
    "techniques",
]
