"""Symptom measures (PHQ-9, GAD-7, HAM-D-17, EPDS): scoring, risk flags and outcomes."""

from __future__ import annotations

from workbench.measures.epds import THRESHOLD_10_BANDS as EPDS_THRESHOLD_10_BANDS
from workbench.measures.epds import THRESHOLD_13_BANDS as EPDS_THRESHOLD_13_BANDS
from workbench.measures.epds import epds_threshold_bands
from workbench.measures.hamd17 import OLDER_CONVENTION_BANDS as HAMD_OLDER_CONVENTION_BANDS
from workbench.measures.hamd17 import ZIMMERMAN_2013_BANDS as HAMD_ZIMMERMAN_2013_BANDS
from workbench.measures.model import (
    Band,
    BandSet,
    Instrument,
    Item,
    MeasureInputError,
    Option,
    RiskFlag,
    Score,
    UnscoredItem,
)
from workbench.measures.outcomes import (
    DEFAULT_REMISSION,
    DEFAULT_RESPONSE,
    HAMD17_RECOVERY,
    HAMD17_REMISSION,
    HAMD17_SUSTAINED_REMISSION,
    PHQ9_REMISSION,
    Outcome,
    RemissionRule,
    ResponseCriteria,
    remission,
    response,
)
from workbench.measures.phq9 import PHQ_ATTRIBUTION
from workbench.measures.registry import INSTRUMENTS, get_instrument
from workbench.measures.scoring import score
from workbench.measures.trends import CHARTED, Trend, TrendPoint, TrendSeries, band_lines, trend

__all__ = [
    "CHARTED",
    "DEFAULT_REMISSION",
    "DEFAULT_RESPONSE",
    "EPDS_THRESHOLD_10_BANDS",
    "EPDS_THRESHOLD_13_BANDS",
    "HAMD17_RECOVERY",
    "HAMD17_REMISSION",
    "HAMD17_SUSTAINED_REMISSION",
    "HAMD_OLDER_CONVENTION_BANDS",
    "HAMD_ZIMMERMAN_2013_BANDS",
    "INSTRUMENTS",
    "PHQ9_REMISSION",
    "PHQ_ATTRIBUTION",
    "Band",
    "BandSet",
    "Instrument",
    "Item",
    "MeasureInputError",
    "Option",
    "Outcome",
    "RemissionRule",
    "ResponseCriteria",
    "RiskFlag",
    "Score",
    "Trend",
    "TrendPoint",
    "TrendSeries",
    "UnscoredItem",
    "band_lines",
    "epds_threshold_bands",
    "get_instrument",
    "remission",
    "response",
    "score",
    "trend",
]
