"""The de-identification preview from the export dialog: each replacement marked and listed, an
added term re-runs the preview and is removed from the exported PDF (read back with pdftotext)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt

from tests.reports.course import SISTER, record_course
from tests.ui.session_support import session_for
from ui.dialogs.deid_preview import DeidPreviewDialog
from ui.dialogs.export_dialog import SESSION_SUMMARY, ExportDialog
from ui.tasks import TaskRunner
from workbench.services import episodes, identifiers, sessions
from workbench.store.vault import Vault

STREET = "Bakerloo Parade"


def _marked_spans(dialog: DeidPreviewDialog) -> list[tuple[str, str]]:
    """(text, tooltip) of every highlighted fragment in the preview's document."""
    found = []
    block = dialog.text.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().toolTip():
                found.append((fragment.text(), fragment.charFormat().toolTip()))
            it += 1
        block = block.next()
    return found


def test_preview_marks_each_replacement_and_an_added_term_leaves_the_pdf(
    qtbot, vault: Vault, tmp_path: Path
) -> None:
    client = record_course(vault, sessions_held=3)
    identifiers.set_client_identifiers(vault, client, aliases=["Leni"], places=["Thornwick"])
    episode = episodes.current_episode(vault, client).id
    _, note_id = sessions.record_session(vault, episode, "2026-02-02")
    sessions.save_note(
        vault, note_id, {"check_in": f"Leni met {SISTER} in Thornwick near {STREET}; mood low."}
    )
    dialog = ExportDialog(session_for(vault, TaskRunner()), client, "code")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.export_button.isEnabled)
    assert dialog.kind() == SESSION_SUMMARY
    assert not dialog.preview.button.isEnabled()  # only for a de-identified export
    assert "not anonymised" in dialog.preview.note.text()
    dialog.deidentify.setChecked(True)
    assert dialog.preview.button.isEnabled()

    dialog.preview.button.click()
    preview = dialog.preview.dialog
    assert preview is not None
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=10_000)
    assert preview.preview is not None
    spans = _marked_spans(preview)
    assert len(spans) == preview.preview.replacements == preview.replacements.count()
    assert any(text == "[client]" and "record-names" in tip for text, tip in spans)
    assert any(text == "[place]" and "record-places" in tip for text, tip in spans)
    assert STREET in preview.text.toPlainText() and "Thornwick" not in preview.text.toPlainText()
    listed = [preview.replacements.item(i).text() for i in range(preview.replacements.count())]
    assert any(item.startswith("[sibling]") for item in listed)

    preview.term.setText(STREET)
    preview.add_button.click()
    qtbot.waitUntil(lambda: STREET not in preview.text.toPlainText(), timeout=10_000)
    assert any("extra-terms" in tip for _, tip in _marked_spans(preview))
    pseudonym = preview.pseudonym
    preview.use_button.click()
    assert dialog.preview.terms == (STREET,) and dialog.preview.pseudonym == pseudonym

    target = tmp_path / "summary.pdf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_button.click()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "mood low" in text and pseudonym in text
    for identifier in (STREET, "Thornwick", "Leni", SISTER):
        assert identifier not in text


def test_a_one_letter_term_is_refused_with_a_message(qtbot, vault: Vault) -> None:
    client = record_course(vault, sessions_held=2)
    preview = DeidPreviewDialog(session_for(vault, TaskRunner()), client, "supervisor-report", None)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=10_000)
    preview.term.setText("x")
    preview.add_button.click()
    assert "two characters" in preview.message.text() and preview.terms == ()
