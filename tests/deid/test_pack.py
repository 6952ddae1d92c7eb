"""The supervision pack: several corpus clients in one de-identified PDF with a cover page
listing them by pseudonym; nothing planted leaks; AES-256 on request; audited per case."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader

from tests.deid.corpus import GOAL, Planted
from tests.deid.test_corpus import leaks, pdf_text
from workbench.services import pack
from workbench.store import audit
from workbench.store.vault import Vault

PASSWORD = "amber-basil-cedar-delta"


def test_a_pack_of_ten_leaks_nothing_and_lists_cases_by_pseudonym(
    corpus: tuple[Vault, list[Planted]], tmp_path: Path
) -> None:
    vault, planted = corpus
    chosen = planted[:10]
    built = pack.build_pack(vault, [c.client_id for c in chosen])
    path = tmp_path / "pack.pdf"
    path.write_bytes(built.pdf)
    text = pdf_text(path)
    for client in planted:  # none of the corpus, chosen or not
        assert not leaks(text, client), (client.client_id, leaks(text, client))
    names = list(built.pseudonyms.values())
    assert len(set(names)) == 10 and all(n.startswith("Case ") for n in names)
    reader = PdfReader(path)
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Supervision pack (de-identified)" in cover and "pseudonymised, not anonymised" in cover
    positions = [cover.index(n) for n in names]
    assert positions == sorted(positions)  # listed in the order chosen
    assert [o.title for o in reader.outline] == names  # a bookmark per case
    first_case = " ".join(reader.pages[1].extract_text().split())
    assert first_case.count(names[0]) >= 2 and "page 1 of" in first_case  # its own chrome
    assert "page 1 of 1" in cover
    assert text.count("Supervisor report (de-identified)") == 10
    assert text.count("For the supervisor") == 10
    assert text.count(GOAL) >= 10 and "a role dispute" in text  # clinical content survives


def test_pack_export_with_password_is_aes_256_and_audited_per_case(
    corpus: tuple[Vault, list[Planted]], tmp_path: Path
) -> None:
    vault, planted = corpus
    ids = [planted[3].client_id, planted[7].client_id]
    path = pack.export_pack(vault, ids, tmp_path / "p.pdf", password=PASSWORD)
    info = subprocess.run(
        ["qpdf", "--show-encryption", f"--password={PASSWORD}", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "AESv3" in info  # AES-256, PDF revision 6
    refused = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert refused.returncode != 0
    opened = subprocess.run(
        ["pdftotext", "-upw", PASSWORD, str(path), "-"], capture_output=True, text=True, check=True
    )
    assert "Supervision pack" in opened.stdout
    with vault.reading() as conn:
        for client_id in ids:
            logged = audit.entries_for_client(conn, client_id, limit=20)
            rules = next(e.entity_id for e in logged if e.entity == "deidentification")
            assert rules.startswith(f"{client_id}:") and "record-places" in rules
            assert "dates" in rules and "phone-numbers" in rules
