"""Export PDF dialog: the action, defaults, real PDFs for each kind, secrecy, errors and lock."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence

from tests.reports.course import CLIENT, SISTER, record_course
from tests.ui.conftest import UI_PASSPHRASE, LockedVault
from tests.ui.session_support import session_for
from ui.dialogs import export_dialog
from ui.dialogs.export_dialog import (
    KINDS,
    MAINTENANCE_PLAN,
    SESSION_SUMMARY,
    SUPERVISOR_REPORT,
    ExportDialog,
)
from ui.dialogs.unlock import UnlockPage
from ui.models.caseload_model import CODE_COLUMN
from ui.tasks import TaskRunner
from workbench.services import episodes
from workbench.services.export import default_filename
from workbench.store.vault import Vault

NAME = " ".join(CLIENT)


@dataclass(frozen=True)
class Course:
    vault: Vault
    client: int
    code: str
    bare: int  # a client with no episode and so no sessions
    bare_code: str


@pytest.fixture
def course(vault: Vault) -> Course:
    client = record_course(vault)
    bare = episodes.add_client(vault, "Noor", "Sessionless")
    code = episodes.get_client(vault, client).code
    return Course(vault, client, code, bare, episodes.get_client(vault, bare).code)


@pytest.fixture
def open_dialog(qtbot, course: Course):
    """open_dialog(client_id=None): a shown dialog whose sessions have loaded."""

    def factory(client_id: int | None = None) -> ExportDialog:
        client_id = course.client if client_id is None else client_id
        code = course.code if client_id == course.client else course.bare_code
        dialog = ExportDialog(session_for(course.vault, TaskRunner()), client_id, code)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it
        qtbot.addWidget(dialog)
        dialog.opened: list[Path] = []
        dialog.open_file = lambda path: dialog.opened.append(path) or True
        dialog.show()
        qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
        return dialog

    return factory


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for exported files (the vault sits next to it in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def choose(dialog: ExportDialog, target: Path) -> None:
    """Pick *target* through the (faked) save dialog."""
    dialog.ask_save_path = lambda parent, start: str(target)
    dialog.choose_button.click()
    assert dialog.path.text() == str(target)


def run_export(qtbot, dialog: ExportDialog) -> Path:
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as blocker:
        dialog.export_button.click()
        assert not dialog.inputs.isEnabled() and dialog.progress.isVisible()
    assert dialog.saved_note.isVisible() and not dialog.inputs.isEnabled()
    return blocker.args[0]


def test_defaults(open_dialog, course: Course) -> None:
    dialog = open_dialog()
    assert dialog.kind() == SESSION_SUMMARY
    assert (dialog.session.minimum(), dialog.session.value(), dialog.session.maximum()) == (
        1,
        20,
        20,
    )
    assert dialog.session.isEnabled()
    path = Path(dialog.path.text())
    assert path.name == default_filename(course.vault, course.client, SESSION_SUMMARY)
    assert course.code in path.name and path.parent == export_dialog.default_folder()
    for part in CLIENT:
        assert part not in path.name and part not in dialog.windowTitle()
    assert dialog.deidentify.isEnabled() and not dialog.deidentify.isChecked()
    assert not dialog.protect.isChecked() and not dialog.password.isEnabled()
    assert not dialog.message.isVisible() and not dialog.progress.isVisible()

    dialog.kind_buttons[SUPERVISOR_REPORT].setChecked(True)
    assert not dialog.session.isEnabled()
    assert Path(dialog.path.text()).name.startswith(f"{SUPERVISOR_REPORT}-{course.code}-")


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_writes_a_real_pdf(qtbot, open_dialog, out: Path, kind: str) -> None:
    dialog = open_dialog()
    dialog.kind_buttons[kind].setChecked(True)
    choose(dialog, out / f"{kind}.pdf")
    path = run_export(qtbot, dialog)
    assert path == out / f"{kind}.pdf"
    assert len(PdfReader(path).pages) > 0
    assert str(path) in dialog.saved_note.text() and "Password" not in dialog.saved_note.text()
    assert dialog.open_button.isVisible() and dialog.close_button.text() == "Close"
    dialog.open_button.click()
    assert dialog.opened == [path] and not dialog.message.isVisible()
    dialog.open_file = lambda path: False  # no PDF viewer installed
    dialog.open_button.click()
    assert dialog.message.text().startswith("No program could open the PDF")
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_chosen_session_is_exported(qtbot, open_dialog, out: Path) -> None:
    dialog = open_dialog()
    dialog.session.setValue(4)
    choose(dialog, out / "four.pdf")
    text = "".join(page.extract_text() for page in PdfReader(run_export(qtbot, dialog)).pages)
    assert "session 4 of 20" in text


def test_deidentified_and_password_protected(qtbot, open_dialog, out: Path) -> None:
    dialog = open_dialog()
    dialog.kind_buttons[SUPERVISOR_REPORT].setChecked(True)
    dialog.deidentify.setChecked(True)
    dialog.generate_button.click()
    password = dialog.password.text()
    assert dialog.protect.isChecked() and len(password) >= 8
    choose(dialog, out / "protected.pdf")
    path = run_export(qtbot, dialog)
    assert (
        password in dialog.saved_note.text()
        and export_dialog.PASSWORD_NOTE in dialog.saved_note.text()
    )

    reader = PdfReader(path)
    assert reader.is_encrypted
    assert reader.decrypt(password)
    text = "".join(page.extract_text() for page in reader.pages)
    assert text and CLIENT[0] not in text and SISTER not in text


def test_maintenance_plan_is_never_deidentified(open_dialog) -> None:
    dialog = open_dialog()
    dialog.deidentify.setChecked(True)
    dialog.kind_buttons[MAINTENANCE_PLAN].setChecked(True)
    assert not dialog.deidentify.isEnabled() and not dialog.deidentify.isChecked()
    assert dialog.deidentify_note.isVisible() and "for the patient" in dialog.deidentify.toolTip()
    dialog.kind_buttons[SESSION_SUMMARY].setChecked(True)
    assert dialog.deidentify.isEnabled() and not dialog.deidentify_note.isVisible()


def test_unwritable_target_shows_the_message(qtbot, open_dialog, out: Path) -> None:
    dialog = open_dialog()
    blocker = out / "a-file"
    blocker.write_text("not a folder")
    choose(dialog, blocker / "report.pdf")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible() and dialog.export_button.isEnabled())
    assert dialog.message.text().startswith("The PDF could not be written there")
    assert dialog.inputs.isEnabled() and not dialog.saved_note.isVisible()
    assert sorted(p.name for p in out.iterdir()) == ["a-file"]


def test_client_without_sessions(qtbot, open_dialog, course: Course, out: Path) -> None:
    dialog = open_dialog(course.bare)
    assert not dialog.session.isEnabled() and dialog.session.text() == "none"
    assert course.bare_code in dialog.path.text()
    choose(dialog, out / "none.pdf")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible() and dialog.export_button.isEnabled())
    assert dialog.message.text() == "This client has no episode of care yet."
    assert list(out.iterdir()) == []


def test_inputs_are_checked_before_exporting(open_dialog) -> None:
    dialog = open_dialog()
    for text in ("", "relative.pdf"):
        dialog.path.setText(text)
        dialog.export_button.click()
        assert dialog.message.text() == export_dialog.NO_PATH
    dialog.path.setText("/tmp/x.pdf")
    dialog.protect.setChecked(True)
    dialog.export_button.click()
    assert dialog.message.text() == export_dialog.NO_PASSWORD
    assert dialog.inputs.isEnabled()


def test_closing_while_loading_ignores_the_late_answer(qtbot, course: Course) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    runner.submit(lambda: gate.wait(5), lambda _: None, lambda _: None)  # hold the worker
    dialog = ExportDialog(session_for(course.vault, runner), course.client, course.code)
    dialog.show()
    assert not dialog.export_button.isEnabled() and dialog.progress.isVisible()
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)  # the answer reaches a deleted dialog harmlessly


def test_closing_is_refused_while_writing(qtbot, open_dialog, out: Path) -> None:
    dialog = open_dialog()
    choose(dialog, out / "busy.pdf")
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_button.click()
        dialog.reject()  # Escape or the window's close button
        assert dialog.isVisible()
    assert (out / "busy.pdf").exists()


# ----- in the main window ---------------------------------------------------------------------


@pytest.fixture
def course_vault(new_vault) -> LockedVault:
    vault, code = new_vault("course", passphrase=UI_PASSPHRASE)
    client = record_course(vault)
    bare = episodes.add_client(vault, "Noor", "Sessionless")
    codes = tuple(episodes.get_client(vault, c).code for c in (client, bare))
    vault.close()
    return LockedVault(vault.folder, code, (NAME, "Noor Sessionless"), codes)


def select_client(caseload, code: str) -> None:
    model = caseload.clients.model
    row = next(r for r in range(model.rowCount()) if model.index(r, CODE_COLUMN).data() == code)
    caseload.clients.table.selectionModel().select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_action_needs_an_open_or_selected_client(qtbot, make_window, course_vault, unlock) -> None:
    window = make_window([str(course_vault.folder)])
    action = window.export_action
    assert action.shortcut() == QKeySequence("Ctrl+E") and not action.isEnabled()
    caseload = unlock(window)
    assert not action.isEnabled()
    assert action in caseload.clients.table.actions()  # the table's context menu

    select_client(caseload, course_vault.codes[0])
    assert action.isEnabled()
    qtbot.waitUntil(lambda: window.workspace is not None)
    # the open chart stays the export's client while the list shows notes or other clients
    caseload.tabs.setCurrentWidget(caseload.notes)
    assert action.isEnabled()
    caseload.tabs.setCurrentWidget(caseload.clients)
    caseload.clients.search.setText("zzz-nobody")
    qtbot.waitUntil(lambda: caseload.clients.model.rowCount() == 0)
    assert action.isEnabled()
    window.show_export()
    qtbot.waitUntil(lambda: window.export_dialog is not None)
    dialog = window.export_dialog
    assert course_vault.names[0] in dialog.client_label.text()
    assert course_vault.codes[0] in dialog.client_label.text()


def test_ctrl_e_opens_and_lock_closes_the_dialog(
    qtbot, make_window, course_vault, unlock, assert_no_client_data
) -> None:
    window = make_window([str(course_vault.folder)])
    caseload = unlock(window)
    select_client(caseload, course_vault.codes[0])
    table = caseload.clients.table
    table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.export_dialog is not None)
    dialog = window.export_dialog
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    assert course_vault.codes[0] in dialog.path.text() and dialog.session.value() == 20

    dialog.generate_button.click()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert window.vault is None and window.export_dialog is None
        assert not dialog.isVisible() and dialog.password.text() == ""
        assert isinstance(window.current_page(), UnlockPage)
        assert_no_client_data(course_vault)
    assert not window.export_action.isEnabled()
    assert_no_client_data(course_vault)
