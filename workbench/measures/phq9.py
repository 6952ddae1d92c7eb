"""PHQ-9 definition: official wording, 0–3 options, bands and notice (ipt-reference §10.1)."""

from __future__ import annotations

from workbench.measures.model import Band, BandSet, Instrument, Item, Option, UnscoredItem

# Official notice for the PHQ family, shown in the app and on PDFs (§10.1).
PHQ_ATTRIBUTION = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)

PHQ_STEM = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)

# The bottom option is "Not at all" (never "Not at all sure", Zorowitz et al. 2021).
FREQUENCY_OPTIONS = (
    Option(0, "Not at all"),
    Option(1, "Several days"),
    Option(2, "More than half the days"),
    Option(3, "Nearly every day"),
)

DIFFICULTY_ITEM = UnscoredItem(
    text=(
        "If you checked off any problems, how difficult have these problems made it for you "
        "to do your work, take care of things at home, or get along with other people?"
    ),
    options=(
        Option(0, "Not difficult at all"),
        Option(1, "Somewhat difficult"),
        Option(2, "Very difficult"),
        Option(3, "Extremely difficult"),
    ),
)

# Official item wording, reproduced exactly on purpose: never paraphrase it.
ITEM_TEXTS = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
)

SEVERITY_BANDS = BandSet(
    name="PHQ-9 severity (cut points 5/10/15/20)",
    source="Kroenke, Spitzer & Williams 2001",
    bands=(
        Band(0, 4, "minimal/none"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 19, "moderately severe"),
        Band(20, 27, "severe"),
    ),
)

PHQ9 = Instrument(
    id="PHQ-9",
    title="Patient Health Questionnaire-9",
    rated_by="patient",
    period="last 2 weeks",
    stem=PHQ_STEM,
    items=tuple(
        Item(number=n, max_value=3, text=text, options=FREQUENCY_OPTIONS)
        for n, text in enumerate(ITEM_TEXTS, start=1)
    ),
    band_sets=(SEVERITY_BANDS,),
    bands_configurable=False,
    risk_items=(9,),  # any value > 0, or unanswered, needs clinician review (§11.2)
    notice=PHQ_ATTRIBUTION,
    difficulty=DIFFICULTY_ITEM,
)
