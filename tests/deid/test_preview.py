"""The preview before a de-identified export: every printed free text with its replacements
marked; a term the clinician adds disappears from the next preview and from the PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.reports.course import SISTER, record_course
from workbench.services import deidentify, episodes, export, identifiers, sessions
from workbench.store import audit
from workbench.store.vault import Vault

STREET = "Bakerloo Parade"


def test_preview_marks_replacements_and_an_added_term_leaves_the_pdf(
    vault: Vault, tmp_path: Path
) -> None:
    client = record_course(vault, sessions_held=4)
    identifiers.set_client_identifiers(vault, client, aliases=["Leni"], places=["Thornwick"])
    episode = episodes.current_episode(vault, client).id
    _, note_id = sessions.record_session(vault, episode, "2026-02-02")
    sessions.save_note(
        vault,
        note_id,
        {"check_in": f"Leni met {SISTER} in Thornwick near {STREET}; mood low."},
    )
    first = deidentify.preview(vault, client, "session-summary")
    shown = next(t for t in first.texts if "mood low" in t.text)
    assert [(m.rule, m.replacement) for m in shown.marks] == [
        ("record-names", "[client]"),
        ("record-people", "[sibling]"),
        ("record-places", "[place]"),
    ]
    for mark in shown.marks:
        assert shown.text[mark.start : mark.end] == mark.replacement
    assert STREET in shown.text and first.replacements >= 3
    assert first.pseudonym.startswith("Case ") and "dates" in first.rules

    terms = deidentify.add_term(first, STREET)
    second = deidentify.preview(
        vault, client, "session-summary", extra_terms=terms, pseudonym_label=first.pseudonym
    )
    again = next(t for t in second.texts if "mood low" in t.text)
    assert STREET not in again.text and again.marks[-1].rule == "extra-terms"
    assert second.pseudonym == first.pseudonym

    path = export.export(
        vault,
        client,
        "session-summary",
        tmp_path / "s.pdf",
        deidentify=True,
        extra_terms=terms,
        pseudonym=second.pseudonym,
    )
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert STREET not in text and "Thornwick" not in text and "Leni" not in text
    assert second.pseudonym in text and "mood low" in text
    with vault.reading() as conn:
        logged = [e for e in audit.entries_for_client(conn, client) if e.action == "export"]
    rules = next(e.entity_id for e in logged if e.entity == "deidentification")
    assert "extra-terms" in rules and STREET not in rules  # which rules ran, never the terms


def test_text_preview_marks_one_text_with_the_clients_identifiers(vault: Vault) -> None:
    client = record_course(vault, sessions_held=2)
    marked = deidentify.text_preview(
        vault, client, f"{SISTER} rang 0161 496 0123 from {STREET}.", extra_terms=(STREET,)
    )
    assert marked.text == "[sibling] rang [phone number] from [removed]."
    assert [m.kind for m in marked.marks] == [
        "person's name",
        "phone number",
        "term added by the clinician",
    ]
