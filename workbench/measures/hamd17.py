"""HAM-D-17 score entry: per-item ranges, item 3 risk, two configurable band sets (§10.3)."""

from __future__ import annotations

from workbench.measures.model import Band, BandSet, Instrument, Item

# Per-item maxima of the standard 17-item Hamilton scale (Hamilton 1960, J Neurol Neurosurg
# Psychiatry 23:56; the NINDS CDE form as used by CamCOPS): items 4-6, 12-14, 16 and 17 are
# rated 0-2, the rest 0-4, so the total runs 0-52 as §10.3 states. Item 16 is entered as its
# scored value (0-2, by history or by measurement); "not assessed" is left unanswered.
ITEM_LABELS_AND_MAXIMA = (
    ("Depressed mood", 4),
    ("Feelings of guilt", 4),
    ("Suicide", 4),
    ("Insomnia: early in the night", 2),
    ("Insomnia: middle of the night", 2),
    ("Insomnia: early hours of the morning", 2),
    ("Work and activities", 4),
    ("Retardation", 4),
    ("Agitation", 4),
    ("Anxiety: psychic", 4),
    ("Anxiety: somatic", 4),
    ("Somatic symptoms: gastro-intestinal", 2),
    ("General somatic symptoms", 2),
    ("Genital symptoms", 2),
    ("Hypochondriasis", 4),
    ("Loss of weight", 2),
    ("Insight", 2),
)

ZIMMERMAN_2013_BANDS = BandSet(
    name="HAM-D-17 empirical bands (Zimmerman et al. 2013)",
    source="Zimmerman et al. 2013, J Affect Disord 150:384",
    bands=(
        Band(0, 7, "none"),
        Band(8, 16, "mild"),
        Band(17, 23, "moderate"),
        Band(24, 52, "severe"),
    ),
)

OLDER_CONVENTION_BANDS = BandSet(
    name="HAM-D-17 older convention bands",
    source="Older convention (as used by CamCOPS)",
    bands=(
        Band(0, 7, "normal"),
        Band(8, 13, "mild"),
        Band(14, 18, "moderate"),
        Band(19, 22, "severe"),
        Band(23, 52, "very severe"),
    ),
)

HAMD_NOTICE = (
    "Hamilton Rating Scale for Depression, 17 items (Hamilton M. J Neurol Neurosurg Psychiatry "
    "1960;23:56-62). The original HAM-D is described as public domain by the NINDS Common Data "
    "Elements; structured-interview versions (for example SIGH-D, GRID-HAMD) may carry their "
    "own copyright. Rating anchors are not included: rate from your own form. Severity bands "
    "are not standardised; the band set used is shown with every score."
)

HAMD17 = Instrument(
    id="HAM-D-17",
    title="Hamilton Rating Scale for Depression (17-item)",
    rated_by="clinician",
    period="past week",
    stem=None,
    items=tuple(
        Item(number=n, max_value=maximum, label=label)
        for n, (label, maximum) in enumerate(ITEM_LABELS_AND_MAXIMA, start=1)
    ),
    band_sets=(ZIMMERMAN_2013_BANDS, OLDER_CONVENTION_BANDS),
    bands_configurable=True,
    risk_items=(3,),  # item 3 (suicide) > 0, or unrated, needs clinician review
    notice=HAMD_NOTICE,
)
