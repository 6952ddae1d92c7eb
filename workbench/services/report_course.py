"""Supervisor-report sections for the whole course (ipt-reference §14.3 items 2, 5, 10):
episodes and renegotiations, the ending review, the IPT-M contract, problem-area records,
medication and referrals, format and adaptation."""

from __future__ import annotations

from workbench.domain.course import ENDING_NAMES
from workbench.domain.problem_areas import TRANSITION_FIELDS, ProblemAreaRecords
from workbench.reports.model import FactsSection
from workbench.services import course, inventory
from workbench.services import episode_records as record_service
from workbench.services.report_parts import KINDS, PROFILES, Context
from workbench.store.vault import Vault

Facts = list[tuple[str, str]]


def course_sections(vault: Vault, ctx: Context) -> tuple[FactsSection, ...]:
    r = ctx.redactor
    history = course.course_history(vault, ctx.client.id)
    sections = [FactsSection("Course of treatment", tuple(_history(ctx, history)))]
    reviewed = [e for e in history if e.ending_review is not None]
    if reviewed:
        entry = reviewed[-1]
        review = entry.ending_review
        assert review is not None
        name = ENDING_NAMES[entry.episode.contract.manual_profile]
        sections.append(
            FactsSection(
                f"{name.capitalize()} review",
                (
                    ("Progress by measures", r.text(review.progress_by_measures)),
                    ("Progress on the goals", r.text(review.progress_on_goals)),
                    ("What the client did", r.text(review.what_the_client_did)),
                    ("Warning signs", r.text("; ".join(review.warning_signs))),
                    ("Feelings about ending", r.text(review.feelings_about_ending) or "—"),
                    ("Decision", review.next_step),
                ),
            )
        )
    contract = course.maintenance_contract(vault, ctx.episode.id)
    if contract is not None:
        sections.append(
            FactsSection(
                "Maintenance (IPT-M) contract",
                (
                    ("Frequency", contract.frequency),
                    ("Sessions", str(contract.sessions)),
                    ("Duration", f"{contract.duration_months} months"),
                    ("Review date", r.when(contract.review_date)),
                    ("Return to acute treatment", r.text(contract.return_to_acute_rule)),
                ),
            )
        )
    sections += _problem_areas(vault, ctx, record_service.problem_areas(vault, ctx.episode.id))
    sections += _care(vault, ctx)
    return tuple(sections)


def _history(ctx: Context, history: list[course.CourseEntry]) -> Facts:
    r = ctx.redactor
    facts = []
    for entry in history:
        ep = entry.episode
        when = f"{r.when(ep.start_date)} to {r.when(ep.end_date) if ep.end_date else 'now'}"
        text = f"{when} · {entry.sessions_held} of {ep.contract.contracted_sessions} sessions"
        for change in entry.changes:
            text += (
                f" · renegotiated {change.old_sessions} → {change.new_sessions} on "
                f"{r.when(change.changed_on)} ({r.text(change.reason)})"
            )
        label = f"{KINDS[ep.kind.value]} ({PROFILES[ep.contract.manual_profile]})"
        facts.append((label, text))
    return facts


def _problem_areas(vault: Vault, ctx: Context, doc: ProblemAreaRecords) -> list[FactsSection]:
    r = ctx.redactor
    names = {p.id: r.person(p.alias) for p in inventory.people(vault, ctx.episode.id)}
    found = []
    if doc.dispute:
        d = doc.dispute
        facts: Facts = [("Other party", names.get(d.person_id, "—"))]
        facts += [
            (f"Stage from {r.when(c.on)}", c.stage + (f" — {r.text(c.note)}" if c.note else ""))
            for c in d.stages
        ]
        facts += [
            ("What the client wants", r.text(d.client_wants) or "—"),
            ("What the other wants (as the client sees it)", r.text(d.other_wants) or "—"),
        ]
        found.append(FactsSection("Role dispute: stage history", tuple(facts)))
    if doc.grief:
        g = doc.grief
        who = names.get(g.person_id, "—") if g.person_id is not None else "—"
        facts = [
            ("Who died", who),
            ("When", r.when(g.died_on)),
            ("Anniversaries", r.text("; ".join(g.anniversaries)) or "—"),
            ("Avoidance", r.text(g.avoidance) or "—"),
            ("The relationship", r.text(g.relationship) or "—"),
        ]
        found.append(FactsSection("Grief", tuple(facts)))
    if doc.transition:
        grid = doc.transition
        facts = [(label, r.text(getattr(grid, key)) or "—") for key, label in TRANSITION_FIELDS]
        found.append(FactsSection("Role transition: old and new role", tuple(facts)))
    if doc.deficits:
        facts = [
            ("Pattern of isolation", r.text(doc.deficits.isolation_pattern)),
            ("The therapeutic relationship", r.text(doc.deficits.therapeutic_relationship) or "—"),
        ]
        found.append(FactsSection("Interpersonal deficits", tuple(facts)))
    return found


def _care(vault: Vault, ctx: Context) -> list[FactsSection]:
    r = ctx.redactor
    found = []
    meds = record_service.medication(vault, ctx.episode.id)
    if meds is not None:
        facts: Facts = [
            ("Current (as the client reports it)", r.text(meds.current) or "—"),
            ("Prescriber", r.text(meds.prescriber) or "—"),
        ]
        facts += [(f"Change, {r.when(c.on)}", r.text(c.text)) for c in meds.changes]
        facts += [(f"Referral, {r.when(c.on)}", r.text(c.text)) for c in meds.referrals]
        found.append(FactsSection("Medication and referrals (recorded, not advised)", tuple(facts)))
    adapted = record_service.adaptation(vault, ctx.episode.id)
    if adapted is not None:
        facts = [("Format", adapted.delivery), ("Adaptation", adapted.population)]
        if adapted.notes:
            facts.append(("Notes", r.text(adapted.notes)))
        found.append(FactsSection("Format and adaptation", tuple(facts)))
    return found
