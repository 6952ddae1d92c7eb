"""The trainee's work in the practice PDF: choices, circle, tags, measures, formulation, risk."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from workbench.domain.formulation import SR_SECTIONS
from workbench.practice.attempt import Attempt
from workbench.practice.model import TIMELINE_TAG_LABELS, Vignette
from workbench.practice.parts import Vocabulary, match_person
from workbench.reports import style
from workbench.reports.circle import CirclePerson, closeness_circle

CIRCLE = 62 * mm


def trainee_work(
    vignette: Vignette, attempt: Attempt, words: Vocabulary, required: bool
) -> list[Flowable]:
    """What the trainee selected, placed, scored and wrote, as the supervisor should see it."""
    st = style.styles()
    out: list[Flowable] = [*style.heading("The trainee's work")]
    right = style.CONTENT_WIDTH - CIRCLE - 8 * mm
    choice_rows = (
        ("Primary area", words.area(attempt.primary_area) if attempt.primary_area else None),
        ("About whom", attempt.primary_person),
        ("Secondary area", words.area(attempt.secondary_area) if attempt.secondary_area else None),
        ("Secondary: whom", attempt.secondary_person if attempt.secondary_area else None),
        ("Dispute stage", words.stage(attempt.dispute_stage) if attempt.dispute_stage else None),
        ("Modifier", words.area(attempt.modifier) if attempt.modifier else None),
    )
    choices = style.data_table(
        [[style.plain(label, st.label), value] for label, value in choice_rows],
        [30 * mm, right - 30 * mm],
        header=False,
    )
    placed = []
    people: list[list[style.Cell]] = [["Person", "Relationship", "Ring"]]
    for entry in attempt.people:
        person = match_person(vignette.people, entry.alias)
        people.append([entry.alias, entry.relationship, str(entry.ring or "—")])
        if entry.ring is not None:
            line = "deceased" if person is not None and not person.living else "supportive"
            placed.append(CirclePerson(entry.alias, entry.ring, line))
    side = Table(
        [
            [
                closeness_circle(
                    placed, size=CIRCLE, title="Closeness circle", centre_label="Client"
                ),
                [choices, style.data_table(people, [right - 40 * mm, 26 * mm, 14 * mm])],
            ]
        ],
        colWidths=[CIRCLE + 8 * mm, right],
        hAlign="LEFT",
    )
    side.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    out.append(side)
    if attempt.rule_outs:
        ruled = [(f"Why not {words.area(a)}", why) for a, why in attempt.rule_outs.items()]
        out.append(style.plain("Areas ruled out, in the trainee's words", st.h2))
        out.append(style.facts(ruled, label_width=50 * mm))
    tags: list[list[style.Cell]] = []
    for event_id, chosen_tags in attempt.timeline_tags.items():
        event = vignette.event(event_id)
        if event is not None and chosen_tags:
            labels = ", ".join(TIMELINE_TAG_LABELS.get(t, t) for t in chosen_tags)
            tags.append([f"{event.notes} ({event.when})", labels])
    if tags:
        tag_table = style.data_table([["Event", "Tagged as"], *tags], [None, 55 * mm])
        out.append(style.titled("Timeline tags", tag_table, 2))
    rows: list[list[style.Cell]] = [["Measure", "Items entered", "Total", "Band"]]
    for name, m in attempt.measures.items():
        items = " ".join("–" if v is None else str(v) for v in m.items)
        rows.append([name, items, None if m.total is None else str(m.total), m.band])
    measures = style.data_table(rows, [28 * mm, None, 18 * mm, 40 * mm])
    out.append(style.titled("Measures as scored", measures, 2))
    for title, chosen, label in (
        ("Goals", attempt.goals, words.goal),
        ("Strategies", attempt.strategies, words.strategy),
        ("Techniques", attempt.techniques, words.technique),
    ):
        out.append(style.plain(title, st.h2))
        out += [style.plain(f"•  {label(c)}") for c in chosen] or [style.plain("None selected.")]
    out.append(style.plain("Formulation", st.h2))
    sections = [
        (label, attempt.formulation[key])
        for key, label in SR_SECTIONS
        if attempt.formulation.get(key, "").strip()
    ]
    out.append(
        style.facts(list(sections), label_width=50 * mm)
        if sections
        else style.plain("No formulation written.")
    )
    note = attempt.risk_note
    if note is None and not required:
        out.append(
            style.plain(
                "No risk note was written; none was required (no suicide item "
                "endorsed; a zero is not an all-clear)."
            )
        )
    elif note is None:
        out.append(style.risk_block("Risk note", ["No risk note was written."]))
    else:
        checked = f" (checked: {', '.join(note.action_checks)})" if note.action_checks else ""
        actions = (note.actions_taken.strip() + checked).strip()
        out.append(
            style.risk_block(
                "Risk note (trainee's)",
                [
                    f"Nature of thoughts: {', '.join(note.nature_of_thoughts) or '—'}",
                    f"Frequency and recency: {note.frequency_recency or '—'}",
                    f"Protective factors: {note.protective_factors or '—'}",
                    f"Risk formulation: {note.risk_formulation or '—'}",
                    f"Actions: {actions or '—'}",
                    f"Follow-up: {note.follow_up_date or '—'}",
                ],
            )
        )
    return out
