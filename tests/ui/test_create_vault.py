"""Create page and recovery code: live strength meter, location warning, print, save, check."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from ui.dialogs import recovery_code as recovery_module
from ui.dialogs.create_vault import CreateVaultPage
from ui.dialogs.recovery_code import WRONG_TAIL, RecoveryCodePage
from ui.tasks import TaskRunner
from ui.widgets.strength_meter import StrengthMeter
from workbench.paths import default_vault
from workbench.services.vault_access import RECOVERY_FILE_NAME
from workbench.store.location import SYNC_WARNING
from workbench.store.passphrase import Strength, strength

STRONG = "copper meadow whistles under nine paper moons"
LONG_STRONG = ("copper meadow whistles under nine paper moons while lanterns invent kites " * 5)[
    :300
]


def meter_for(qtbot: Any, **kwargs: Any) -> StrengthMeter:
    meter = StrengthMeter(debounce_ms=10, **kwargs)
    qtbot.addWidget(meter)
    return meter


def settle(qtbot: Any, meter: StrengthMeter) -> Strength:
    qtbot.waitUntil(lambda: meter.verdict is not None, timeout=10_000)
    assert meter.verdict is not None
    return meter.verdict


@pytest.mark.parametrize(
    ("text", "acceptable", "words"),
    [
        ("", False, "nothing typed yet"),
        ("abc", False, "at least 12 characters"),
        ("password1234", False, "too easy to guess"),
        (("abc123" * 50), False, "Repeats"),
        (STRONG, True, "Long enough and hard to guess"),
        (LONG_STRONG, True, "very strong"),
    ],
)
def test_meter_says_in_words_how_strong(qtbot, text: str, acceptable: bool, words: str) -> None:
    meter = meter_for(qtbot)
    meter.set_passphrase(text)
    verdict = settle(qtbot, meter)
    assert verdict.acceptable is acceptable
    assert words in meter.label.text()
    assert meter.label.text().startswith("Strength:")
    assert meter.accessibleName() == "Passphrase strength"
    assert meter.accessibleDescription() == meter.label.text()
    assert meter.bar.value() == verdict.score


def test_typing_a_long_passphrase_scores_once_after_the_pause(qtbot) -> None:
    calls: list[int] = []
    threads: list[int] = []

    def counted(text: str) -> Strength:
        calls.append(len(text))
        threads.append(threading.get_ident())
        return strength(text)

    meter = meter_for(qtbot, evaluate=counted)
    field_text = ""
    for char in LONG_STRONG[:200]:  # one edit per key, as typing does
        field_text += char
        meter.set_passphrase(field_text)
        assert calls == []  # a keystroke never scores
    verdict = settle(qtbot, meter)
    assert verdict.acceptable
    assert calls == [200]  # nothing scored mid-typing, and only the final text
    assert threading.get_ident() not in threads  # the UI thread never waited for zxcvbn


def test_stale_result_is_dropped_for_the_latest_text(qtbot) -> None:
    meter = meter_for(qtbot)
    meter.set_passphrase("abc123" * 40)  # slow to score (about a second)
    qtbot.wait(30)  # its scoring has started on the meter's worker
    meter.set_passphrase(STRONG)
    verdict = settle(qtbot, meter)
    assert verdict.acceptable
    assert "Long enough" in meter.label.text()


def test_create_button_waits_for_an_acceptable_matching_pair(qtbot, tmp_path) -> None:
    page = CreateVaultPage(tmp_path / "new.iptvault", TaskRunner(), debounce_ms=10)
    qtbot.addWidget(page)
    assert not page.create_button.isEnabled()
    page.passphrase.setText("password1234")
    page.confirm.setText("password1234")
    settle(qtbot, page.meter)
    assert not page.create_button.isEnabled()

    page.passphrase.setText(STRONG)
    settle(qtbot, page.meter)
    assert not page.create_button.isEnabled()
    assert page.match_hint.isVisibleTo(page)
    page.confirm.setText(STRONG)
    assert page.create_button.isEnabled()
    assert not page.match_hint.isVisibleTo(page)
    assert page.findChild(QLabel, "locationWarning") is None


def test_sync_folder_is_warned_before_creating(qtbot, tmp_path) -> None:
    page = CreateVaultPage(tmp_path / "Dropbox" / "caseload.iptvault", TaskRunner())
    qtbot.addWidget(page)
    warning = page.findChild(QLabel, "locationWarning")
    assert warning is not None and warning.isVisibleTo(page)
    assert SYNC_WARNING in warning.text()
    assert warning.accessibleDescription() == "Location warning"
    assert warning.accessibleName() == ""  # a screen reader reads the warning itself


class FakePrintDialog:
    """Stands in for QPrintDialog: the user picks "print to PDF" and presses Print."""

    pdf: Path

    def __init__(self, printer: QPrinter, _parent: object) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.pdf))

    def setWindowTitle(self, _title: str) -> None:
        pass

    def exec(self) -> int:
        return int(QDialog.DialogCode.Accepted)


@pytest.mark.usefixtures("fast_kdf")
def test_create_print_save_and_check_the_code(
    qtbot, make_window, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window([])
    window.current_page().create_button.click()
    page = window.current_page()
    assert isinstance(page, CreateVaultPage)
    page.passphrase.setText(STRONG)
    page.confirm.setText(STRONG)
    qtbot.waitUntil(page.create_button.isEnabled, timeout=10_000)
    page.create_button.click()
    qtbot.waitUntil(lambda: isinstance(window.current_page(), RecoveryCodePage), timeout=10_000)
    codes = window.current_page()
    code = codes.code.text()
    groups = code.split("-")
    assert len(groups) == 7

    FakePrintDialog.pdf = tmp_path / "printed.pdf"
    monkeypatch.setattr(recovery_module, "QPrintDialog", FakePrintDialog)
    codes.print_button.click()
    assert FakePrintDialog.pdf.stat().st_size > 0
    if shutil.which("pdftotext"):  # poppler-utils (stack notes); the text is checked when present
        printed = subprocess.run(
            ["pdftotext", str(FakePrintDialog.pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert code in printed
    assert "away from this computer" in codes.notice.text()

    saved = tmp_path / "usb" / "code.txt"
    saved.parent.mkdir()
    offered: list[str] = []

    def choose(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(saved), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    previous = os.umask(0o022)
    try:
        codes.save_button.click()
    finally:
        os.umask(previous)
    assert Path(offered[0]).name == RECOVERY_FILE_NAME
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert code in lines
    assert any("forget the passphrase" in line for line in lines)
    assert "Do not keep that file on this computer" in codes.notice.text()

    assert not codes.continue_button.isEnabled()
    codes.written.setChecked(True)
    codes.continue_button.click()
    assert codes.check_part.isVisible() and not codes.code.isVisible()
    codes.tail.setText("AAAA-AAAA" if groups[-2:] != ["AAAA", "AAAA"] else "BBBB-BBBB")
    codes.finish_button.click()
    assert codes.message.text() == WRONG_TAIL
    assert window.caseload is None

    codes.back_button.click()  # the code can be seen again
    assert codes.code.isVisible() and codes.code.text() == code
    codes.continue_button.click()
    shown_at_exit: list[str] = []
    codes.confirmed.connect(lambda: shown_at_exit.append(codes.code.text() + codes.tail.text()))
    codes.tail.setText(f"{groups[-2]} {groups[-1]}".lower())  # spaces and case forgiven
    codes.tail.returnPressed.emit()
    assert shown_at_exit == [""]
    qtbot.waitUntil(lambda: window.caseload is not None)
    qtbot.waitUntil(lambda: window.count_label.text().startswith("No clients yet"))
    assert (default_vault() / "caseload.db").is_file()
