"""32 invented clients with identifiers planted in every printed free-text field: de-identified
PDFs (read back with pdftotext) hold none of them, and the clinical content survives."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.deid.corpus import GOAL, Planted
from workbench.deid.folding import fold_term
from workbench.services import export
from workbench.store.vault import Vault


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def leaks(text: str, planted: Planted) -> list[str]:
    """Every planted identifier still in *text* (case and accents folded)."""
    folded = fold_term(text)
    found = [
        w for w in planted.words if re.search(rf"(?<!\w){re.escape(fold_term(w))}(?!\w)", folded)
    ]
    found += [s for s in planted.strings if fold_term(s) in folded]
    digits = re.sub(r"\D", "", text)
    found += [d for d in planted.digits if d in digits]
    return found


def test_the_corpus_is_large_and_the_check_can_fail(
    corpus: tuple[Vault, list[Planted]], tmp_path: Path
) -> None:
    vault, planted = corpus
    assert len(planted) >= 30
    first = planted[0]
    plain = export.export(vault, first.client_id, "supervisor-report", tmp_path / "plain.pdf")
    found = leaks(pdf_text(plain), first)
    # Not de-identified: the names, places, dates and numbers are all printed.
    assert len(found) >= len(first.words) // 2 and any(d in found for d in first.digits)


def test_deidentified_reports_leak_nothing_and_keep_the_clinical_content(
    corpus: tuple[Vault, list[Planted]], tmp_path: Path
) -> None:
    vault, planted = corpus
    for client in planted:
        for kind, session in (
            ("supervisor-report", None),
            ("session-summary", 1),
            ("session-summary", 3),
            ("session-summary", 4),
        ):
            path = export.export(
                vault,
                client.client_id,
                kind,
                tmp_path / f"{client.client_id}-{kind}-{session}.pdf",
                session=session,
                deidentify=True,
            )
            text = pdf_text(path)
            assert not leaks(text, client), (client.client_id, kind, session, leaks(text, client))
            assert "Case " in text and "[client]" in text
            assert "impasse" in text  # the note's clinical content is still there
            if kind == "supervisor-report":
                assert "a role dispute" in text and GOAL in text
                assert "18" in text and "7" in text and "Communication analysis" in text
                assert "[partner]" in text and "[place]" in text
            if session == 1:
                assert "week 2" in text  # the risk note's follow-up date, relative
