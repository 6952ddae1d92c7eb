"""Nicknames and places in the desktop forms (new client, inventory person, timeline event),
saved through the identifiers service and shown again when the record is reopened."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from tests.reports.course import record_course
from tests.ui.session_support import session_for
from tests.ui.workspace.test_inventory_timeline import idle, open_page
from ui.dialogs.new_client import NewClientDialog
from ui.tasks import TaskRunner
from ui.widgets.identifier_fields import split_list
from ui.workspace.inventory_page import InventoryPage
from ui.workspace.timeline_page import TimelinePage
from workbench.services import caseload, episodes, inventory
from workbench.store.vault import Vault


@pytest.fixture
def course(vault: Vault) -> tuple[int, int]:
    client = record_course(vault, sessions_held=2)
    return client, episodes.current_episode(vault, client).id


@pytest.fixture
def runner(vault: Vault) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()


def test_split_list_trims_and_drops_empty_entries() -> None:
    assert split_list(" Magda, Mags;; the Royal Infirmary ,") == (
        "Magda",
        "Mags",
        "the Royal Infirmary",
    )


def test_person_nicknames_and_places_are_saved_and_reloaded(qtbot, vault, runner, course):
    page = open_page(qtbot, InventoryPage, vault, runner, course)
    assert isinstance(page, InventoryPage)
    page.table.selectRow(0)
    form = page.form
    first = form.person_id
    assert form.identifiers.aliases_edit is not None
    form.identifiers.aliases_edit.setText("Magda, Mags")
    form.identifiers.places_edit.setText("Thornwick, St Ives Hospice")
    page.save_button.click()
    idle(qtbot, runner, lambda: any(p.aliases for p in inventory.people(vault, course[1])))
    person = next(p for p in inventory.people(vault, course[1]) if p.id == first)
    assert person.aliases == ("Magda", "Mags")
    assert person.places == ("Thornwick", "St Ives Hospice")
    page.table.selectRow(1)
    assert form.identifiers.places_edit.text() == ""
    page.table.selectRow(0)
    assert form.identifiers.aliases_edit.text() == "Magda, Mags"


def test_event_places_are_saved_on_add_and_on_edit(qtbot, vault, runner, course):
    page = open_page(qtbot, TimelinePage, vault, runner, course)
    assert isinstance(page, TimelinePage)
    page.table.selectRow(0)
    event_id = page.form.event_id
    page.form.where.places_edit.setText("Greyfriars Cemetery")
    page.save_button.click()
    idle(
        qtbot,
        runner,
        lambda: any(e.places for e in inventory.timeline(vault, course[1]) if e.id == event_id),
    )
    event = next(e for e in inventory.timeline(vault, course[1]) if e.id == event_id)
    assert event.places == ("Greyfriars Cemetery",)
    page.new_button.click()
    assert page.form.where.places_edit.text() == ""
    page.form.kind.setCurrentIndex(page.form.kind.findData("move"))
    page.form.where.places_edit.setText("Lowmoor")
    page.save_button.click()
    idle(
        qtbot,
        runner,
        lambda: any(e.places == ("Lowmoor",) for e in inventory.timeline(vault, course[1])),
    )


def test_new_client_with_other_names_and_places(qtbot, vault: Vault) -> None:
    dialog = NewClientDialog(session_for(vault, TaskRunner()))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.given.setText("Invented")
    dialog.family.setText("Person")
    assert dialog.identifiers.aliases_edit is not None
    dialog.identifiers.aliases_edit.setText("Inv, x")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "two characters" in dialog.error.text())
    assert caseload.find_clients(vault) == []  # a refused entry leaves no half-made client
    dialog.identifiers.aliases_edit.setText("Inv, Vee")
    dialog.identifiers.places_edit.setText("Harrowgate Library")
    with qtbot.waitSignal(dialog.created, timeout=10_000) as blocker:
        dialog.buttons.accepted.emit()
    client = episodes.get_client(vault, blocker.args[0])
    assert client.aliases == ("Inv", "Vee") and client.places == ("Harrowgate Library",)
