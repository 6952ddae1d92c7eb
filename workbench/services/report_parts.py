"""Pieces every report shares: header, measure rows and outcomes, the risk section."""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.deid.folding import fold_term
from workbench.deid.redactor import Redactor
from workbench.domain.caseload import ClientRecord
from workbench.domain.episode import Episode
from workbench.domain.inventory import Person
from workbench.domain.notes import Note
from workbench.domain.risk import RiskFlagView
from workbench.measures import get_instrument, score
from workbench.protocol import PhaseStatus
from workbench.reports.model import (
    Header,
    MeasureRow,
    OutcomeLine,
    RiskFlagLine,
    RiskNoteView,
    RiskSection,
)
from workbench.reports.output import WORDS
from workbench.services import clinician, episodes, inventory, measures, risk, status
from workbench.store.measures import Administration
from workbench.store.vault import Vault

RISK_NOTE_FIELDS = (
    ("nature_of_thoughts", "Nature of thoughts"),
    ("frequency_recency", "What was asked and what the client said"),
    ("protective_factors", "Protective factors"),
    ("risk_formulation", "Clinician's summary"),
    ("actions_taken", "Actions taken"),
    ("action_checks", "Actions (checked)"),
    ("follow_up_date", "Follow-up"),
)
KINDS = {"acute": "Acute IPT", "continuation": "Continuation IPT", "maintenance": "Maintenance IPT"}
PROFILES = {"WMK": "WMK", "SR": "S&R"}


@dataclass(frozen=True)
class Context:
    """Everything about one client's current episode that several reports need."""

    client: ClientRecord
    episode: Episode
    state: PhaseStatus
    held: int  # N of "session N of M"
    redactor: Redactor
    signer: str
    generated_at: str
    open_flags: int  # of the client, from any episode: the count every report prints


@dataclass
class Deidentify:
    """How an export is de-identified (pseudonym, extra terms); once gathered, the redactor
    that ran, so the export can log its rules and the preview can show its marks."""

    pseudonym: str = ""
    extra_terms: tuple[str, ...] = ()
    redactor: Redactor | None = None


def context(
    vault: Vault, client_id: int, *, deidentify: bool, how: Deidentify | None = None
) -> Context:
    client = episodes.get_client(vault, client_id)
    episode = episodes.current_episode(vault, client_id)
    how = how or Deidentify()
    people = inventory.people(vault, episode.id)
    if not how.pseudonym:
        how.pseudonym = pseudonym(avoid=name_words(client, people))
    redactor = Redactor(
        client,
        episode.start_date,
        active=deidentify,
        people=people,
        events=inventory.timeline(vault, episode.id),
        extra_terms=how.extra_terms,
        pseudonym=how.pseudonym,
        today=vault.now(),
    )
    how.redactor = redactor
    held = max((s[1] for s in episodes.sessions(vault, episode.id)), default=0)
    return Context(
        client=client,
        episode=episode,
        state=status.episode_status(vault, episode.id),
        held=held,
        redactor=redactor,
        signer=clinician.pdf_signer(vault),
        generated_at=vault.now(),
        open_flags=len(risk.client_open_flags(vault, client_id)),
    )


def pseudonym(taken: tuple[str, ...] = (), avoid: frozenset[str] = frozenset()) -> str:
    """'Case Heron': a fresh pseudonym for the client code, stable within one export; never
    one already *taken* in the export, nor a word of the names in *avoid* (folded)."""
    choices = [
        w for w in WORDS if f"Case {w.capitalize()}" not in taken and fold_term(w) not in avoid
    ]
    return f"Case {secrets.choice(choices or list(WORDS)).capitalize()}"


def name_words(client: ClientRecord, people: list[Person]) -> frozenset[str]:
    names = [client.given_name, client.family_name, client.preferred_name, *client.aliases]
    names += [n for p in people for n in (p.alias, *p.aliases)]
    return frozenset(fold_term(w) for n in names for w in re.findall(r"\w+", n))


def header(ctx: Context, kind: str) -> Header:
    ep = ctx.episode
    start = ctx.redactor.when(ep.start_date) if not ctx.redactor.active else "week 1"
    label = f"{KINDS[ep.kind.value]} ({PROFILES[ep.contract.manual_profile]}), from {start}"
    return Header(
        kind=kind,
        client_label=ctx.redactor.client_label,
        episode_label=label,
        session_number=ctx.held,
        contracted=ctx.episode.contract.contracted_sessions,
        phase_label=ctx.state.phase_label,
        generated_at=ctx.generated_at,
        signer=ctx.signer,
        deidentified=ctx.redactor.active,
        open_risk_flags=ctx.open_flags,
    )


def measure_rows(
    ctx: Context, given: Sequence[Administration], session_numbers: dict[int, int]
) -> list[MeasureRow]:
    rows: list[MeasureRow] = []
    baselines: dict[str, int] = {}  # the first complete administration of each instrument
    for admin in given:
        instrument = get_instrument(admin.instrument)
        values = [admin.responses.get(n) for n in range(1, len(instrument.items) + 1)]
        scored = score(admin.instrument, values)
        first = admin.total is not None and admin.instrument not in baselines
        if admin.total is not None:
            baselines.setdefault(admin.instrument, admin.total)
        baseline = baselines.get(admin.instrument)
        change = (
            admin.total - baseline if admin.total is not None and baseline is not None else None
        )
        risk_items = [
            f"item {f.item}: {'unanswered' if f.value is None else f.value}"
            for f in scored.risk_flags
        ]
        rows.append(
            MeasureRow(
                instrument=admin.instrument,
                when=ctx.redactor.when(admin.administered_on),
                session_number=session_numbers.get(admin.session_id or -1),
                total=admin.total,
                band=scored.band,
                change_from_baseline=change,
                risk_item=", ".join(risk_items) or None,
                is_baseline=first,
            )
        )
    return rows


def outcomes(given: Sequence[Administration]) -> list[OutcomeLine]:
    """Response and remission by definition, from the first to the last of *given* only."""
    lines = []
    for instrument in ("PHQ-9", "GAD-7"):
        result = measures.progress_of(instrument, given)
        if result is None:
            continue
        lines.append(
            OutcomeLine(instrument, result.baseline, result.latest, result.response.caption)
        )
        if result.remission is not None:
            lines.append(
                OutcomeLine(instrument, result.baseline, result.latest, result.remission.caption)
            )
    return lines


def risk_section(vault: Vault, ctx: Context, *, latest_only: bool = False) -> RiskSection:
    """The client's flags from every episode and their risk notes (latest first)."""
    written = {n.id: n for n in risk.client_risk_notes(vault, ctx.client.id)}
    flags = []
    for flag in risk.client_flags(vault, ctx.client.id):
        note = written.get(flag.note_id) if flag.note_id else None
        when = note.signature.signed_at if note and note.signature else None
        if flag.open:
            state = "open — clinician review required"
            if flag.carried_forward:
                state += f"; carried forward open at the end of an episode ({_when(ctx, flag)})"
        else:
            state = f"risk note written {ctx.redactor.when(when)}"
        source = flag.source
        if flag.episode_id != ctx.episode.id:
            source += " (raised in an earlier episode)"
        flags.append(RiskFlagLine(source, ctx.redactor.when(flag.raised_at), state, flag.open))
    views = [_note_view(ctx, n) for n in written.values()]
    return RiskSection(tuple(flags), tuple(views[:1] if latest_only else views))


def _when(ctx: Context, flag: RiskFlagView) -> str:
    return ctx.redactor.when(flag.carried_forward) if flag.carried_forward else "—"


def _note_view(ctx: Context, note: Note) -> RiskNoteView:
    fields = []
    for key, label in RISK_NOTE_FIELDS:
        value = note.body.get(key)
        text = ", ".join(value) if isinstance(value, list) else str(value or "")
        if text:
            shown = ctx.redactor.date_text(text) if key == "follow_up_date" else text
            fields.append((label, ctx.redactor.text(shown)))
    for addendum in note.addenda:  # signed corrections are never dropped from a report
        signed = addendum.signature
        label = f"Addendum {ctx.redactor.when(signed.signed_at if signed else None)}"
        fields.append((label, ctx.redactor.text(str(addendum.body.get("text", "")))))
    signature = note.signature
    return RiskNoteView(
        written=ctx.redactor.when(signature.signed_at if signature else None),
        signer=signature.signed_by if signature else "not signed",
        fields=tuple(fields),
    )
