"""After an idle lock no widget, no Qt model and no live Qt object holds a word of client data.

Canaries (an invented client name and invented note text) are put into every kind of record; the
window then shows every workspace page, the note search, the export and new-client dialogs, and
a typed draft, before the idle timer locks the vault.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.reports import course as course_module
from tests.reports.course import record_course
from tests.support import complete_risk_note
from tests.ui.conftest import UI_PASSPHRASE, MakeWindow, Unlock, model_texts, widget_texts
from tests.ui.qt_inspection import held_strings, living_models, living_objects
from tests.ui.workspace_driver import idle, open_new_client_dialog, show_page, wait_for
from ui.dialogs.unlock import UnlockPage
from ui.views.main_window import MainWindow
from ui.workspace.inventory_page import InventoryPage
from ui.workspace.sessions_page import SessionsPage
from ui.workspace.timeline_page import TimelinePage
from workbench.domain.formulation import Formulation, Goal
from workbench.domain.inventory import PersonDetails, Placement, TimelineEvent
from workbench.domain.maintenance import MaintenancePlan, SupportPerson
from workbench.services import (
    episodes,
    formulation,
    inventory,
    measures,
    risk,
    sessions,
)
from workbench.store.clients import list_clients
from workbench.store.vault import Vault

CLIENT = ("Zephyrine", "Quarrington")  # invented
WORD = "Xylocanary"  # in every kind of free text
TYPED = f"{WORD} typed into the draft just before the lock"
PERSON = f"{WORD} Bee"


COURSE_NAMES = (*course_module.CLIENT, course_module.SISTER, course_module.FRIEND)


def canaries(code: str) -> tuple[str, ...]:
    return (*CLIENT, WORD, code, *COURSE_NAMES)


@pytest.fixture
def canary_vault(
    new_vault: Callable[..., tuple[Vault, str]], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str]:
    """A closed vault whose one client has canaries in every kind of record; (folder, code)."""
    vault, _ = new_vault("canary", passphrase=UI_PASSPHRASE)
    monkeypatch.setattr(course_module, "CLIENT", CLIENT)  # the course, with the canary's name
    client_id = record_course(vault, sessions_held=12)
    ep = episodes.current_episode(vault, client_id).id
    person = inventory.add_person(
        vault, ep, PERSON, "friend", PersonDetails(conflict=f"{WORD} conflict", confiding="yes")
    )
    inventory.snapshot_circle(vault, ep, "2026-03-01", "mid-treatment", [Placement(person, 1)])
    inventory.add_event(
        vault,
        ep,
        TimelineEvent(0, "2025-11-02", "day", "move", 5, None, f"{WORD} moved out", (person,)),
    )
    held = episodes.sessions(vault, ep)
    first_note = sessions.session_note_id(vault, held[0][0])
    assert first_note is not None
    sessions.add_addendum(vault, first_note, f"{WORD} addendum")
    sessions.save_process_note(vault, ep, f"{WORD} process note", held[-1][0])
    recorded = measures.record(
        vault, ep, "PHQ-9", [1] * 9, administered_on="2026-03-30", session_id=held[-1][0]
    )
    risk.write_risk_note(
        vault, ep, complete_risk_note(risk_formulation=f"{WORD} risk formulation"), [], held[-1][0]
    )
    assert recorded.flag_ids  # an open flag: the banners show it
    formulation.save_formulation(
        vault,
        ep,
        Formulation(
            primary_area="role_dispute",
            statement=f"{WORD} statement",
            shared_on="2026-01-19",
            patient_agreed="partly",
            patient_words=f"{WORD} own words",
        ),
    )
    formulation.set_goals(vault, ep, [Goal(f"{WORD} goal", "role_dispute")])
    formulation.save_plan(
        vault,
        ep,
        MaintenancePlan(
            what_we_worked_on=f"{WORD} worked on",
            skills_that_helped=(f"{WORD} skill",),
            support_people=(SupportPerson(person, f"{WORD} walk"),),
        ),
    )
    with vault.reading() as conn:
        (client,) = list_clients(conn)
    vault.close()
    return vault.folder, client.code


def leaks(texts: list[str], words: tuple[str, ...]) -> list[str]:
    lowered = [t.casefold() for t in texts if t]
    return [w for w in words if any(w.casefold() in t for t in lowered)]


def visit_everything(qtbot: QtBot, window: MainWindow, code: str) -> None:
    """Caseload filter and note search, every workspace page and view, a typed draft."""
    caseload = window.caseload
    assert caseload is not None
    caseload.tabs.setCurrentWidget(caseload.notes)
    caseload.notes.search.setText(WORD)
    caseload.notes.refresh()  # no need to wait for the typing pause
    wait_for(qtbot, window, lambda: caseload.notes.model.rowCount() > 0)
    caseload.tabs.setCurrentWidget(caseload.clients)
    caseload.clients.search.setText(CLIENT[0])
    caseload.clients.refresh()
    wait_for(qtbot, window, lambda: caseload.clients.model.rowCount() == 1)
    caseload.clients.table.selectRow(0)
    wait_for(qtbot, window, lambda: window.workspace is not None)
    workspace = window.workspace
    assert workspace is not None
    for index in range(workspace.count()):
        workspace.setCurrentIndex(index)
        idle(qtbot, window)

    inventory_page = show_page(qtbot, window, InventoryPage)
    row = next(r for r in range(3) if inventory_page.model.row_at(r).person.alias == PERSON)
    inventory_page.table.selectRow(row)
    wait_for(qtbot, window, lambda: inventory_page.form.alias.text() == PERSON)
    inventory_page.form.texts["support"].setPlainText(f"{WORD} listens")
    inventory_page.save_button.click()  # the status bar says whom it saved
    wait_for(qtbot, window, lambda: PERSON in window.statusBar().currentMessage())
    inventory_page.tabs.setCurrentWidget(inventory_page.circle)
    inventory_page.circle.compare.setChecked(True)

    timeline = show_page(qtbot, window, TimelinePage)
    row = next(
        r
        for r in range(timeline.model.rowCount())
        if WORD in str(timeline.model.index(r, 5).data())
    )
    timeline.table.selectRow(row)
    assert WORD in timeline.form.notes.toPlainText()

    notes = show_page(qtbot, window, SessionsPage)
    notes.tabs.setCurrentWidget(notes.process)
    notes.table.selectRow(0)  # signed, with the canary addendum
    wait_for(qtbot, window, lambda: WORD in notes.addenda.history.toPlainText())
    notes.tabs.setCurrentWidget(notes.pane)
    notes.table.selectRow(notes.model.rowCount() - 1)
    wait_for(qtbot, window, lambda: not notes.editor.is_read_only())
    qtbot.keyClicks(notes.editor.fields["incidents"], TYPED)
    shown = "\n".join(widget_texts())
    for word in (WORD, CLIENT[1], code):  # the walk sees what is on screen before the lock
        assert word in shown


def idle_lock(qtbot: QtBot, window: MainWindow) -> None:
    window.idle.set_timeout(50)  # the idle timer, shortened; no input comes
    qtbot.waitUntil(lambda: window.vault is None, timeout=5_000)
    assert isinstance(window.current_page(), UnlockPage)
    window.idle.set_timeout(3_600_000)
    gc.collect()


def assert_walkers_see(words: tuple[str, ...]) -> None:
    """Before the lock each walker finds the canaries: the checks after it can fail."""
    assert leaks(widget_texts(), words)
    assert leaks([t for m in living_models() for t in model_texts(m)], words)
    assert leaks([t for o in living_objects() for t in held_strings(vars(o))], words)


def assert_nothing_left(window: MainWindow, words: tuple[str, ...]) -> None:
    assert leaks(widget_texts(), words) == []
    for model in living_models():
        found = leaks(model_texts(model), words)
        assert found == [], f"{type(model).__name__} still holds {found}"
    for obj in living_objects():
        found = leaks(list(held_strings(vars(obj))), words)
        assert found == [], f"{type(obj).__name__} {obj.objectName()!r} still holds {found}"
    assert leaks([window.windowTitle(), QApplication.clipboard().text()], words) == []


def test_nothing_survives_an_idle_lock(
    qtbot: QtBot, make_window: MakeWindow, unlock: Unlock, canary_vault: tuple[Path, str]
) -> None:
    folder, code = canary_vault
    words = canaries(code)
    window = make_window([str(folder)], idle_ms=3_600_000)
    unlock(window, UI_PASSPHRASE)
    visit_everything(qtbot, window, code)
    assert_walkers_see(words)
    dialog = open_new_client_dialog(qtbot, window)  # typed into, then cancelled
    dialog.given.setText(f"{WORD} Junior")
    dialog.reject()
    window.export_action.trigger()  # opened, loaded, closed
    export = window.export_dialog
    assert export is not None
    path = export.path
    wait_for(qtbot, window, lambda: bool(path.text()))
    path.setText(f"/tmp/{CLIENT[1]} {WORD}.pdf")
    export.reject()
    idle(qtbot, window)
    window.export_action.trigger()  # open, typed into, when the lock comes
    export = window.export_dialog
    assert export is not None and export.isVisible()
    path = export.path
    wait_for(qtbot, window, lambda: bool(path.text()))
    path.setText(f"/tmp/{CLIENT[1]}.pdf")
    idle_lock(qtbot, window)
    assert_nothing_left(window, words)

    unlock(window, UI_PASSPHRASE)  # back to the same client and page; then the other dialog
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    idle(qtbot, window)
    dialog = open_new_client_dialog(qtbot, window)
    dialog.family.setText(f"{WORD}-{CLIENT[1]}")
    assert f"{WORD}-{CLIENT[1]}" in widget_texts()
    idle_lock(qtbot, window)
    assert_nothing_left(window, words)

    unlock(window, UI_PASSPHRASE)  # Ctrl+L while answers are still on their way
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    idle(qtbot, window)
    caseload, workspace = window.caseload, window.workspace
    assert caseload is not None and workspace is not None
    caseload.notes.search.setText(WORD)
    caseload.notes.refresh()
    for page in workspace.pages:
        page.reload()
    assert window._runner.busy
    window.lock_action.trigger()
    assert window.vault is None
    qtbot.wait(200)  # any late answer would land now
    assert_nothing_left(window, words)
