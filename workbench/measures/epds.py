"""EPDS score-entry skeleton: 10 items 0–3, no item text (RCPsych licence, §10.4)."""

from __future__ import annotations

from workbench.measures.model import Band, BandSet, Instrument, Item, MeasureInputError

EPDS_MAX_TOTAL = 30

# Items 3 and 5-10 are reverse-keyed on the paper form (3 -> 0 from top to bottom). The
# clinician enters each item's *score* (already keyed) from the completed form, so the app
# never needs the item text to score it. Kept as data for display and future text packs.
REVERSE_KEYED_ITEMS = (3, 5, 6, 7, 8, 9, 10)

EPDS_NOTICE = (
    "Edinburgh Postnatal Depression Scale © 1987 The Royal College of Psychiatrists "
    "(Cox, Holden & Sagovsky, Br J Psychiatry 150:782-786). Item text is not included: written "
    "permission from the Royal College of Psychiatrists is required to reproduce it. Enter each "
    "item's score (0-3) from the completed paper form."
)


def epds_threshold_bands(threshold: int, *, source: str = "configured threshold") -> BandSet:
    """Two bands split at *threshold* (validated translations use different cut-offs)."""
    if not 1 <= threshold <= EPDS_MAX_TOTAL:
        raise MeasureInputError(
            f"EPDS threshold must be 1–{EPDS_MAX_TOTAL}; got {threshold}.", instrument="EPDS"
        )
    return BandSet(
        name=f"EPDS threshold ≥{threshold}",
        source=source,
        bands=(
            Band(0, threshold - 1, f"below threshold (<{threshold})"),
            Band(threshold, EPDS_MAX_TOTAL, f"at or above threshold (≥{threshold})"),
        ),
    )


THRESHOLD_13_BANDS = epds_threshold_bands(13, source="Cox, Holden & Sagovsky 1987 (≥13)")
THRESHOLD_10_BANDS = epds_threshold_bands(10, source="Higher-sensitivity threshold (≥10)")

EPDS = Instrument(
    id="EPDS",
    title="Edinburgh Postnatal Depression Scale",
    rated_by="patient",
    period="past 7 days",
    stem=None,
    items=tuple(Item(number=n, max_value=3) for n in range(1, 11)),
    band_sets=(THRESHOLD_13_BANDS, THRESHOLD_10_BANDS),
    bands_configurable=True,
    risk_items=(10,),  # item 10 (thoughts of self-harm) > 0, or unanswered, needs review
    notice=EPDS_NOTICE,
)
