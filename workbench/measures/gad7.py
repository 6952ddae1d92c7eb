"""GAD-7 definition: official wording, shared PHQ options and notice (ipt-reference §10.2)."""

from __future__ import annotations

from workbench.measures.model import Band, BandSet, Instrument, Item
from workbench.measures.phq9 import DIFFICULTY_ITEM, FREQUENCY_OPTIONS, PHQ_ATTRIBUTION, PHQ_STEM

# Official item wording, reproduced exactly on purpose: never paraphrase it.
ITEM_TEXTS = (
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
)

SEVERITY_BANDS = BandSet(
    name="GAD-7 severity (cut points 5/10/15)",
    source="Spitzer et al. 2006",
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 21, "severe"),
    ),
)

GAD7 = Instrument(
    id="GAD-7",
    title="Generalized Anxiety Disorder-7",
    rated_by="patient",
    period="last 2 weeks",
    stem=PHQ_STEM,
    items=tuple(
        Item(number=n, max_value=3, text=text, options=FREQUENCY_OPTIONS)
        for n, text in enumerate(ITEM_TEXTS, start=1)
    ),
    band_sets=(SEVERITY_BANDS,),
    bands_configurable=False,
    risk_items=(),  # the GAD-7 has no risk item
    notice=PHQ_ATTRIBUTION,
    difficulty=DIFFICULTY_ITEM,
)
