"""Trainee practice mode: fictional vignettes, attempts, feedback, history (never the vault)."""

from workbench.practice.attempt import Attempt, MeasureEntry, PersonEntry, load_attempt
from workbench.practice.engine import evaluate
from workbench.practice.errors import (
    AttemptError,
    PracticeStoreError,
    UnknownVignette,
    VignetteError,
)
from workbench.practice.feedback import Cap, Feedback, Finding, Mark, Section
from workbench.practice.loader import find_vignette, load_vignette_file, shipped_vignettes
from workbench.practice.model import TIMELINE_TAGS, Distractor, RequiredStep, Vignette
from workbench.practice.model_answer import blank_attempt, model_answer
from workbench.practice.schema import parse_vignette
from workbench.practice.store import AttemptRecord, PracticeStore, default_store_path

__all__ = [
    "TIMELINE_TAGS",
    "Attempt",
    "AttemptError",
    "AttemptRecord",
    "Cap",
    "Distractor",
    "Feedback",
    "Finding",
    "Mark",
    "MeasureEntry",
    "PersonEntry",
    "PracticeStore",
    "PracticeStoreError",
    "RequiredStep",
    "Section",
    "UnknownVignette",
    "Vignette",
    "VignetteError",
    "blank_attempt",
    "default_store_path",
    "evaluate",
    "find_vignette",
    "load_attempt",
    "load_vignette_file",
    "model_answer",
    "parse_vignette",
    "shipped_vignettes",
]
