"""Pieces every report shares: header, measure rows and outcomes, the risk section."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.domain.caseload import ClientRecord
from workbench.domain.episode import Episode
from workbench.domain.notes import Note
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
from workbench.reports.redact import Redactor
from workbench.services import episodes, inventory, measures, risk, status
from workbench.store.measures import Administration
from workbench.store.vault import Vault

RISK_NOTE_FIELDS = (
    ("nature_of_thoughts", "Nature of thoughts"),
    ("frequency_recency", "Frequency and recency"),
    ("protective_factors", "Protective factors"),
    ("risk_formulation", "Risk formulation (clinician)"),
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


def context(vault: Vault, client_id: int, *, deidentify: bool) -> Context:
    client = episodes.get_client(vault, client_id)
    episode = episodes.current_episode(vault, client_id)
    people = [(p.alias, p.relationship) for p in inventory.people(vault, episode.id)]
    redactor = Redactor(client, episode.start_date, active=deidentify, people=people)
    held = max((s[1] for s in episodes.sessions(vault, episode.id)), default=0)
    return Context(
        client=client,
        episode=episode,
        state=status.episode_status(vault, episode.id),
        held=held,
        redactor=redactor,
        signer=episodes.signer(vault),
        generated_at=vault.now(),
    )


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


def outcomes(vault: Vault, episode_id: int) -> list[OutcomeLine]:
    lines = []
    for instrument in ("PHQ-9", "GAD-7"):
        result = measures.progress(vault, episode_id, instrument)
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
    written = {n.id: n for n in risk.risk_notes(vault, ctx.episode.id)}
    flags = []
    for flag in risk.flags(vault, ctx.episode.id):
        note = written.get(flag.note_id) if flag.note_id else None
        when = note.signature.signed_at if note and note.signature else None
        state = (
            "open — clinician review required"
            if flag.open
            else f"risk note written {ctx.redactor.when(when)}"
        )
        flags.append(RiskFlagLine(flag.source, ctx.redactor.when(flag.raised_at), state, flag.open))
    views = [_note_view(ctx, n) for n in written.values()]
    return RiskSection(tuple(flags), tuple(views[:1] if latest_only else views))


def _note_view(ctx: Context, note: Note) -> RiskNoteView:
    fields = []
    for key, label in RISK_NOTE_FIELDS:
        value = note.body.get(key)
        text = ", ".join(value) if isinstance(value, list) else str(value or "")
        if text:
            fields.append((label, ctx.redactor.text(text)))
    signature = note.signature
    return RiskNoteView(
        written=ctx.redactor.when(signature.signed_at if signature else None),
        signer=signature.signed_by if signature else "not signed",
        fields=tuple(fields),
    )
