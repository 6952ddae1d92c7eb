"""The progress view: what the trainee misses most across cases, per trainee, and its PDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.practice.window import PracticeWindow
from workbench.practice import evaluate, find_vignette, model_answer


def _record(window: PracticeWindow) -> None:
    store = window.store()
    m, d = find_vignette("M"), find_vignette("D")
    for vignette, attempt in (
        (m, replace(model_answer(m, "Ana"), dispute_stage="impasse")),
        (d, replace(model_answer(d, "Ana"), dispute_stage="renegotiation")),
        (m, replace(model_answer(m, "Ben"), rule_outs={})),
    ):
        store.record(evaluate(vignette, attempt), attempt)


def _rows(tree: object) -> list[list[str]]:
    from PySide6.QtWidgets import QTreeWidget

    assert isinstance(tree, QTreeWidget)
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]  # type: ignore[union-attr]
        for r in range(tree.topLevelItemCount())
    ]


def test_progress_shows_what_is_missed_most_and_exports_a_pdf(
    qtbot: QtBot, window: PracticeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPT_WORKBENCH_HOME", str(tmp_path / "home"))
    _record(window)
    window.show_picker()
    qtbot.mouseClick(window.picker.progress_button, Qt.MouseButton.LeftButton)
    page = window.progress
    assert window.current_page() is page
    assert "3 attempts" in page.summary.text()
    missed = _rows(page.missed)
    assert missed[0][:3] == ["Dispute stage", "2", "M, D"]
    assert missed[0][3] == "ipt-reference §3.2"
    assert ["Written rule-out of a tempting area", "1", "M", "ipt-reference §2"] in missed

    page.trainee.setCurrentIndex(page.trainee.findData("Ben"))
    assert "1 attempts" in page.summary.text()
    assert [row[0] for row in _rows(page.missed)] == ["Written rule-out of a tempting area"]

    pdf = tmp_path / "progress.pdf"
    monkeypatch.setattr(window, "ask_pdf_path", lambda _suggested: pdf)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in page.message.text(), timeout=20_000)
    text = " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "Trainee: Ben" in text and "Written rule-out" in text
    assert "PRACTICE — fictional case" in text

    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.picker


def test_no_attempts_yet(
    qtbot: QtBot, window: PracticeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPT_WORKBENCH_HOME", str(tmp_path / "empty"))
    window._store = None
    window.show_progress()
    assert window.progress.summary.text().startswith("0 attempts")
    assert not window.progress.export_button.isEnabled()
