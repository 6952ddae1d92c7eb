"""Supervision from the desktop: the pack (real PDF read back), a session's adherence
self-rating, the case summary and a supervision meeting, saved through the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.reports.course import CLIENT, SISTER, record_course
from tests.ui.conftest import UI_PASSPHRASE, LockedVault
from tests.ui.session_support import session_for
from ui.dialogs.fidelity_dialogs import CaseSummaryDialog, SessionRatingDialog
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.dialogs.pack_dialog import PackDialog
from ui.tasks import TaskRunner
from workbench.services import episodes, fidelity
from workbench.store.vault import Vault


def _shown(qtbot, dialog):
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_pack_of_two_cases_is_deidentified_and_password_protected(
    qtbot, vault: Vault, tmp_path: Path
) -> None:
    first = record_course(vault, sessions_held=3)
    second = record_course(vault, sessions_held=2)
    dialog = _shown(qtbot, PackDialog(session_for(vault, TaskRunner()), first))
    qtbot.waitUntil(lambda: dialog.clients.count() == 2)
    assert dialog.chosen_ids() == [first] and dialog.deidentify.isChecked()
    dialog.clients.item(1).setCheckState(Qt.CheckState.Checked)
    assert sorted(dialog.chosen_ids()) == sorted([first, second])
    dialog.path.setText(str(tmp_path / "pack.pdf"))
    dialog.generate_button.click()
    password = dialog.password.text()
    assert dialog.protect.isChecked() and len(password) >= 8
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.build_button.click()
    path = blocker.args[0]
    assert password in dialog.saved_note.text() and not dialog.build_button.isVisible()
    reader = PdfReader(path)
    assert reader.is_encrypted and reader.decrypt(password)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name in (*CLIENT, SISTER):
        assert name not in text
    assert text.count("Case ") >= 2


def test_pack_needs_a_ticked_case_and_a_full_path(qtbot, vault: Vault) -> None:
    record_course(vault, sessions_held=2)
    dialog = _shown(qtbot, PackDialog(session_for(vault, TaskRunner())))
    qtbot.waitUntil(lambda: dialog.clients.count() == 1)
    dialog.build_button.click()
    assert "Tick at least one case" in dialog.message.text()
    dialog.clients.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.path.setText("pack.pdf")
    dialog.build_button.click()
    assert "full path" in dialog.message.text() and dialog.saved is None


def test_session_rating_is_saved_and_read_back(qtbot, vault: Vault) -> None:
    client = record_course(vault, sessions_held=3)
    dialog = _shown(qtbot, SessionRatingDialog(session_for(vault, TaskRunner()), client))
    qtbot.waitUntil(lambda: dialog.session_choice.count() == 3)
    assert dialog.session_choice.currentIndex() == 2  # the latest session
    form = fidelity.forms("self-rating")[0]
    assert list(dialog.grid.boxes) == [item.id for item in form.items]
    first, second = form.items[0].id, form.items[1].id
    dialog.grid.boxes[first].setValue(4)
    dialog.grid.boxes[second].setValue(2)
    dialog.deviations.setPlainText("Ran over time on the role play.")
    dialog.recorded.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    episode = episodes.current_episode(vault, client).id
    (rating,) = fidelity.session_ratings(vault, episode)
    assert rating.ratings == {first: 4, second: 2} and rating.session_number == 3
    assert rating.recorded and not rating.recording_reviewed
    assert rating.deviations == "Ran over time on the role play."

    again = _shown(qtbot, SessionRatingDialog(session_for(vault, TaskRunner()), client))
    qtbot.waitUntil(lambda: again.session_choice.count() == 3)
    assert "rated" in again.session_choice.currentText()
    assert again.grid.ratings() == {first: 4, second: 2} and again.recorded.isChecked()


def test_case_summary_is_saved_and_shown_again(qtbot, vault: Vault) -> None:
    client = record_course(vault, sessions_held=2)
    dialog = _shown(qtbot, CaseSummaryDialog(session_for(vault, TaskRunner()), client))
    qtbot.waitUntil(lambda: dialog.inputs.isEnabled())
    dialog.summary.setPlainText("A dispute with her sister over their mother's care.")
    dialog.diagnosis.setText("F32.1 moderate depressive episode")
    dialog.sick_role.check.setChecked(True)
    day = dialog.sick_role.value()
    dialog.questions.setPlainText("Impasse or renegotiation?")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    saved = fidelity.case_summary(vault, episodes.current_episode(vault, client).id)
    assert saved.diagnosis == "F32.1 moderate depressive episode"
    assert saved.sick_role_given_on == day and saved.questions == "Impasse or renegotiation?"
    again = _shown(qtbot, CaseSummaryDialog(session_for(vault, TaskRunner()), client))
    qtbot.waitUntil(lambda: again.diagnosis.text() != "")
    assert again.summary.toPlainText().startswith("A dispute") and again.sick_role.value() == day


def test_meeting_needs_a_case_then_is_recorded(qtbot, vault: Vault) -> None:
    client = record_course(vault, sessions_held=2)
    dialog = _shown(qtbot, MeetingDialog(session_for(vault, TaskRunner())))
    qtbot.waitUntil(lambda: dialog.cases.count() == 1)
    dialog.supervisor.setText("Dr Invented Supervisor")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "at least one case" in dialog.message.text()
    dialog.cases.item(0).setCheckState(Qt.CheckState.Checked)
    item = dialog.grid.form.items[0].id
    dialog.grid.boxes[item].setValue(dialog.grid.form.maximum)
    dialog.actions_box.setPlainText("Bring a recording of session 3.")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    (meeting,) = fidelity.meetings(vault, client)
    assert meeting.supervisor == "Dr Invented Supervisor" and meeting.client_ids == (client,)
    assert meeting.ratings == {item: dialog.grid.form.maximum}
    assert meeting.agreed_actions == "Bring a recording of session 3."


@pytest.fixture
def supervision_vault(new_vault) -> LockedVault:
    vault, code = new_vault("supervision", passphrase=UI_PASSPHRASE)
    client = record_course(vault, sessions_held=2)
    codes = (episodes.get_client(vault, client).code,)
    vault.close()
    return LockedVault(vault.folder, code, (" ".join(CLIENT),), codes)


def test_client_menu_opens_the_dialogs_and_the_lock_closes_them(
    qtbot, make_window, supervision_vault, unlock
) -> None:
    window = make_window([str(supervision_vault.folder)])
    menu = window.actions_.supervision
    assert not menu.pack_action.isEnabled()
    unlock(window)
    assert all(action.isEnabled() for action in menu.actions_)
    menu.rating_action.trigger()  # no client open or selected: a message, no dialog
    assert menu.dialog is None
    menu.pack_action.trigger()
    dialog = menu.dialog
    assert isinstance(dialog, PackDialog)
    qtbot.waitUntil(lambda: dialog.clients.count() == 1)
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        window.lock()
    assert menu.dialog is None and not menu.pack_action.isEnabled()
