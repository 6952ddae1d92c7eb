"""The preview before a de-identified export: every free text the PDF will print, as it will
appear, with each replacement marked; the clinician may add terms and preview again."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.deid import MarkedText
from workbench.errors import InvalidInput
from workbench.services import report_data, report_supervisor
from workbench.services.report_parts import Deidentify, context
from workbench.store.vault import Vault

PREVIEW_KINDS = ("session-summary", "supervisor-report")


@dataclass(frozen=True)
class Preview:
    """What a de-identified export will show; pass *pseudonym* and the terms on to export."""

    pseudonym: str
    extra_terms: tuple[str, ...]
    rules: tuple[str, ...]  # the rules that will run (docs/deidentification.md)
    texts: tuple[MarkedText, ...]  # in report order; only texts that hold something

    @property
    def replacements(self) -> int:
        return sum(len(t.marks) for t in self.texts)


def preview(
    vault: Vault,
    client_id: int,
    kind: str,
    *,
    session: int | None = None,
    extra_terms: tuple[str, ...] = (),
    pseudonym_label: str = "",
) -> Preview:
    """Gather the report exactly as the export does and return what its free text became."""
    how = Deidentify(pseudonym=pseudonym_label, extra_terms=clean_terms(extra_terms))
    if kind == "session-summary":
        report_data.session_summary(vault, client_id, session, deidentify=True, how=how)
    elif kind == "supervisor-report":
        report_supervisor.supervisor_report(vault, client_id, deidentify=True, how=how)
    else:
        raise InvalidInput(f"A preview is made for: {', '.join(PREVIEW_KINDS)}.")
    assert how.redactor is not None  # set by the gathering above
    return Preview(
        pseudonym=how.pseudonym,
        extra_terms=how.extra_terms,
        rules=how.redactor.deid.rules_ran,
        texts=tuple(t for t in how.redactor.shown if t.text.strip()),
    )


def text_preview(
    vault: Vault, client_id: int, text: str, *, extra_terms: tuple[str, ...] = ()
) -> MarkedText:
    """One piece of text as a de-identified export of this client would print it, marked."""
    how = Deidentify(extra_terms=clean_terms(extra_terms))
    ctx = context(vault, client_id, deidentify=True, how=how)
    return ctx.redactor.marked(text)


def clean_terms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Terms the clinician added: trimmed, duplicates dropped; one letter is refused."""
    cleaned: list[str] = []
    for term in terms:
        text = " ".join(term.split())
        if not text:
            continue
        if len(text) < 2:
            raise InvalidInput("A term to remove needs at least two characters.")
        if text.casefold() not in {c.casefold() for c in cleaned}:
            cleaned.append(text)
    return tuple(cleaned)


def add_term(current: Preview, term: str) -> tuple[str, ...]:
    """The terms for the next preview: the current ones plus *term*."""
    return clean_terms((*current.extra_terms, term))
