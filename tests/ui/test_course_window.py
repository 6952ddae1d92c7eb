"""A course carried on through the real window: renegotiate 12 → 16, hold the last sessions, end
with the termination review, set the clinician profile, start IPT-M, export the plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.ui.conftest import UI_PASSPHRASE, MakeWindow, Unlock, widget_texts
from tests.ui.test_full_course import START, hold_session
from tests.ui.workspace_driver import choose_data, idle, show_page, wait_for
from ui.dialogs.create_vault import CreateVaultPage
from ui.dialogs.ending_review_dialog import EndingReviewDialog
from ui.dialogs.export_dialog import MAINTENANCE_PLAN
from ui.dialogs.maintenance_dialog import MaintenanceDialog
from ui.dialogs.new_episode_dialog import NewEpisodeDialog
from ui.dialogs.profile_dialog import ProfileDialog
from ui.dialogs.recovery_code import RecoveryCodePage
from ui.dialogs.renegotiate_dialog import RenegotiateDialog
from ui.views.main_window import MainWindow
from ui.widgets.course_line import CourseLine
from ui.workspace.problem_area_page import ProblemAreaPage
from ui.workspace.risk_page import RiskPage
from workbench.domain.episode import Contract, EpisodeKind
from workbench.domain.inventory import PersonDetails
from workbench.domain.maintenance import MaintenancePlan, SupportPerson
from workbench.services import (
    clinician,
    course,
    episode_records,
    episodes,
    formulation,
    inventory,
    measures,
    sessions,
)
from workbench.store.vault import Vault

SUPPORTER = "Wren Halloway"  # invented
SIGNS = ("Waking at 4am", "Cancelling plans with Wren")
CRISIS_TEXT = "Outside clinic hours call the Riverside duty line."
CONTACT = ("Riverside duty team", "0161 496 0000")
RULE = "Two weeks of low mood and broken sleep: we go back to weekly sessions."


def make_course(vault: Vault, held: int) -> int:
    """A WMK client contracted for 12 sessions with *held* held, a supporter in the plan."""
    client, episode = episodes.start_client(
        vault, "Tamsin", "Oakenfold", Contract("WMK", 12), START.toString("yyyy-MM-dd")
    )
    friend = inventory.add_person(
        vault, episode, SUPPORTER, "friend", PersonDetails(confiding="yes")
    )
    formulation.save_plan(
        vault,
        episode,
        MaintenancePlan(
            what_we_worked_on="Asking for help with the move.",
            support_people=(SupportPerson(friend, "a walk when low"),),
        ),
    )
    for n in range(1, held + 1):
        sessions.record_session(vault, episode, START.addDays(7 * (n - 1)).toString("yyyy-MM-dd"))
    return client


def open_course_window(
    qtbot: QtBot, make_window: MakeWindow, unlock: Unlock, vault: Vault, client: int
) -> MainWindow:
    vault.close()
    window = make_window([str(vault.folder)], idle_ms=3_600_000)
    caseload = unlock(window, UI_PASSPHRASE)
    caseload.clients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.workspace is not None and window.workspace.client_id == client
    idle(qtbot, window)
    return window


def course_dialog(qtbot: QtBot, window: MainWindow, trigger: Callable[[], None]) -> object:
    trigger()
    wait_for(qtbot, window, lambda: window.actions_.course.dialog is not None)
    return window.actions_.course.dialog


def save_and_close(qtbot: QtBot, window: MainWindow, dialog: object) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # type: ignore[attr-defined]
    wait_for(qtbot, window, lambda: window.actions_.course.dialog is None)


def test_renegotiate_end_maintain_and_export_the_plan(
    qtbot: QtBot,
    make_window: MakeWindow,
    unlock: Unlock,
    new_vault: Callable[..., tuple[Vault, str]],
    tmp_path: Path,
) -> None:
    vault, _ = new_vault("course", passphrase=UI_PASSPHRASE)
    client = make_course(vault, held=10)
    window = open_course_window(qtbot, make_window, unlock, vault, client)
    acts = window.actions_.course
    assert acts.renegotiate_action.isEnabled()

    dialog = course_dialog(qtbot, window, acts.renegotiate_action.trigger)
    assert isinstance(dialog, RenegotiateDialog)
    dialog.sessions.setValue(30)
    dialog.reason.setPlainText("Her mother's illness interrupted four weeks of work.")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait_for(qtbot, window, lambda: bool(dialog.error.text()))
    assert "8–20 sessions" in dialog.error.text()  # the core's own message, dialog still open
    dialog.sessions.setValue(16)
    save_and_close(qtbot, window, dialog)
    wait_for(qtbot, window, lambda: "of 16" in window.episode_label.text())

    for n in range(11, 17):
        hold_session(qtbot, window, n)
    opened = window.vault
    assert opened is not None
    (changed,) = course.course_history(opened, client)[0].changes
    assert (changed.old_sessions, changed.new_sessions) == (12, 16)

    dialog = course_dialog(qtbot, window, acts.end_action.trigger)
    assert isinstance(dialog, EndingReviewDialog)
    assert dialog.windowTitle() == "Termination review" and not dialog.carry.isVisible()
    assert dialog.notice.isHidden()  # 16 of 16 held: nothing to advise
    dialog.by_measures.setPlainText("PHQ-9 from 19 to 6 over sixteen sessions.")
    dialog.on_goals.setPlainText("She asked her brother for help with the move twice.")
    dialog.client_did.setPlainText("She spoke up at work and rang Wren each week.")
    dialog.warning_signs.setPlainText("\n".join(SIGNS))
    choose_data(dialog.next_step, "maintenance")
    save_and_close(qtbot, window, dialog)

    window.show_preferences()
    preferences = window.preferences_dialog
    assert preferences is not None and preferences.profile_button.isEnabled()
    preferences.profile_button.click()
    wait_for(qtbot, window, lambda: acts.dialog is not None)
    profile = acts.dialog
    assert isinstance(profile, ProfileDialog)
    wait_for(qtbot, window, profile.buttons.isEnabled)
    profile.name.setText("Dr Ada Example")
    profile.credentials.setText("DClinPsy")
    profile.crisis_text.setPlainText(CRISIS_TEXT)
    profile.add_contact(*CONTACT)
    save_and_close(qtbot, window, profile)
    preferences.reject()

    before = window.workspace
    assert before is not None
    dialog = course_dialog(qtbot, window, acts.maintenance_action.trigger)
    assert isinstance(dialog, MaintenanceDialog)
    choose_data(dialog.frequency, "monthly")
    dialog.rule.setPlainText(RULE)
    save_and_close(qtbot, window, dialog)
    wait_for(qtbot, window, lambda: window.workspace is not None and window.workspace is not before)
    maintenance = episodes.current_episode(opened, client)
    assert maintenance.kind is EpisodeKind.MAINTENANCE
    assert window.workspace is not None and window.workspace.episode_id == maintenance.id

    window.show_export()
    export = window.export_dialog
    assert export is not None
    qtbot.waitUntil(export.export_button.isEnabled, timeout=10_000)
    export.kind_buttons[MAINTENANCE_PLAN].setChecked(True)
    target = tmp_path / "plan.pdf"
    export.path.setText(str(target))
    with qtbot.waitSignal(export.exported, timeout=20_000):
        export.export_button.click()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    for expected in (*SIGNS, SUPPORTER, CRISIS_TEXT, *CONTACT, RULE):
        assert expected in text, expected


def test_a_new_vault_asks_for_the_profile_once_and_later_skips_it(
    qtbot: QtBot, make_window: MakeWindow, fast_kdf: None
) -> None:
    window = make_window([], idle_ms=3_600_000)
    window.show_create()
    page = window.current_page()
    assert isinstance(page, CreateVaultPage)
    page.passphrase.setText(UI_PASSPHRASE)
    page.confirm.setText(UI_PASSPHRASE)
    qtbot.waitUntil(page.create_button.isEnabled, timeout=10_000)
    page.create_button.click()
    qtbot.waitUntil(lambda: isinstance(window.current_page(), RecoveryCodePage), timeout=30_000)
    assert window.actions_.course.dialog is None  # not before the recovery code is confirmed
    code_page = window.current_page()
    assert isinstance(code_page, RecoveryCodePage)
    code = code_page.code.text().strip()
    code_page.written.setChecked(True)
    code_page.continue_button.click()
    code_page.tail.setText("-".join(code.split("-")[-2:]))
    code_page.finish_button.click()
    wait_for(qtbot, window, lambda: isinstance(window.actions_.course.dialog, ProfileDialog))
    dialog = window.actions_.course.dialog
    assert isinstance(dialog, ProfileDialog) and window.caseload is not None
    wait_for(qtbot, window, dialog.buttons.isEnabled)
    dialog.name.setText("")  # Save without a name: the core's message, the dialog stays
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait_for(qtbot, window, lambda: bool(dialog.error.text()))
    assert "Enter your name" in dialog.error.text()
    later = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert later is not None and later.text() == "Later"
    later.click()
    wait_for(qtbot, window, lambda: window.actions_.course.dialog is None)
    vault = window.vault
    assert vault is not None and clinician.get_profile(vault) is None
    window.lock()  # locking with no dialog open leaves nothing behind
    assert window.vault is None


def test_an_open_flag_is_carried_forward_only_when_ticked_and_follows_the_client(
    qtbot: QtBot,
    make_window: MakeWindow,
    unlock: Unlock,
    new_vault: Callable[..., tuple[Vault, str]],
) -> None:
    vault, _ = new_vault("flag", passphrase=UI_PASSPHRASE)
    client = make_course(vault, held=8)
    first = episodes.current_episode(vault, client).id
    measures.record(
        vault, first, "PHQ-9", [1, 1, 1, 1, 1, 1, 1, 1, 1], administered_on="2026-02-23"
    )
    window = open_course_window(qtbot, make_window, unlock, vault, client)
    acts = window.actions_.course

    dialog = course_dialog(qtbot, window, acts.end_action.trigger)
    assert isinstance(dialog, EndingReviewDialog)
    assert "8 of 12" in dialog.notice.text()  # advice only
    assert dialog.scores.text() == "PHQ-9: 9 → 9 (given 1×)"  # totals only, never a judgement
    assert dialog.carry.isVisible() and "PHQ-9 item 9" in dialog.flags_label.text()
    dialog.by_measures.setPlainText("PHQ-9 from 19 to 9 over eight sessions.")
    dialog.on_goals.setPlainText("She asked her brother for help once.")
    dialog.client_did.setPlainText("She spoke up at work twice.")
    dialog.warning_signs.setPlainText(SIGNS[0])
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "Carry the open flag forward" in dialog.error.text()  # never silently
    opened = window.vault
    assert opened is not None and not episodes.get_episode(opened, first).ended
    dialog.carry.setChecked(True)
    save_and_close(qtbot, window, dialog)
    assert episodes.get_episode(opened, first).ended

    before = window.workspace
    dialog = course_dialog(qtbot, window, acts.new_episode_action.trigger)
    assert isinstance(dialog, NewEpisodeDialog)
    dialog.sessions.setValue(14)
    save_and_close(qtbot, window, dialog)
    wait_for(qtbot, window, lambda: window.workspace is not None and window.workspace is not before)
    second = episodes.current_episode(opened, client)
    assert second.id != first and second.kind is EpisodeKind.ACUTE
    assert window.workspace is not None and window.workspace.episode_id == second.id

    page = show_page(qtbot, window, RiskPage)
    wait_for(qtbot, window, lambda: page.flags_model.rowCount() == 1)
    course_text = page.flags_model.index(0, 3).data()
    assert "raised in an earlier episode" in course_text and "carried forward" in course_text
    assert "raised in an earlier episode" in page.banner.lines.text()

    line = CourseLine()
    qtbot.addWidget(line)
    line.set_course(course.course_history(opened, client))
    assert len(line.chips) == 2
    assert "8 of 12 sessions held" in line.chips[0].text()
    assert "ended with the termination review" in line.chips[0].text()
    assert "ongoing" in line.chips[1].text() and "0 of 14" in line.chips[1].text()
    line.clear()
    assert line.chips == []


def test_a_lock_wipes_an_open_course_dialog_and_keeps_typed_records(
    qtbot: QtBot,
    make_window: MakeWindow,
    unlock: Unlock,
    new_vault: Callable[..., tuple[Vault, str]],
) -> None:
    vault, _ = new_vault("lock", passphrase=UI_PASSPHRASE)
    client = make_course(vault, held=4)
    window = open_course_window(qtbot, make_window, unlock, vault, client)
    page = show_page(qtbot, window, ProblemAreaPage)
    wait_for(qtbot, window, lambda: page.loaded)
    page.transition.setChecked(True)
    page.transition.boxes["old_role"].setPlainText("night-shift baker")
    page.transition.boxes["new_role"].setPlainText("day-time student")

    dialog = course_dialog(qtbot, window, window.actions_.course.end_action.trigger)
    assert isinstance(dialog, EndingReviewDialog)
    typed = "Quillon says the early shifts ended it."  # invented, looked for after the lock
    dialog.client_did.setPlainText(typed)
    window.lock()
    assert window.vault is None and window.actions_.course.dialog is None
    assert not any(typed in text for text in widget_texts())
    assert not any("night-shift baker" in text for text in widget_texts())

    unlock(window, UI_PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    opened = window.vault
    assert opened is not None
    episode = episodes.current_episode(opened, client)
    assert not episode.ended  # the review was never saved
    saved = episode_records.problem_areas(opened, episode.id).transition
    assert saved is not None and saved.old_role == "night-shift baker"
