"""Every Qt item model of the app passes pytest-qt's qtmodeltester with data from a real vault.

The model classes are found by importing every module under `ui/`: a new model class without an
entry in COVERED (or BASES) fails `test_every_model_class_is_covered`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import ui
from tests.reports.course import record_course
from tests.ui.conftest import UI_PASSPHRASE, MakeWindow, Unlock
from tests.ui.qt_inspection import living_models
from tests.ui.workspace_driver import idle
from ui.models.caseload_model import CaseloadModel
from ui.models.editable_lists import GoalsModel, SupportModel, _ListModel
from ui.models.note_hits_model import NoteHitsModel
from ui.models.rows import RowsModel
from ui.models.workspace_models import (
    AdministrationsModel,
    OpenItemsModel,
    RiskFlagsModel,
    RiskNotesModel,
    SessionsModel,
)
from ui.models.workspace_tables import (
    AuditModel,
    EventRow,
    EventsModel,
    PeopleModel,
    PersonRow,
)
from ui.widgets.event_form import EventForm
from ui.workspace.measure_history import HistoryModel
from workbench.demo.build import fill_demo
from workbench.services import (
    audit_log,
    caseload,
    episodes,
    formulation,
    inventory,
    measures,
    risk,
    workspace_reads,
)
from workbench.store.vault import Vault

# Generic bases: never shown on their own, checked through every subclass below.
# AdministrationsModel is shown through HistoryModel (void rows marked) on the Measures page.
BASES: frozenset[type[QAbstractItemModel]] = frozenset(
    {RowsModel, _ListModel, AdministrationsModel}
)


@dataclass(frozen=True)
class Course:
    vault: Vault
    client_id: int
    episode_id: int


Fill = Callable[[Course, QObject], QAbstractItemModel]


def _caseload(c: Course, parent: QObject) -> QAbstractItemModel:
    model = CaseloadModel(parent)
    model.set_rows(caseload.find_clients(c.vault))
    return model


def _note_hits(c: Course, parent: QObject) -> QAbstractItemModel:
    model = NoteHitsModel(parent)
    model.set_rows(caseload.find_notes(c.vault, "mood"))
    return model


def _sessions(c: Course, parent: QObject) -> QAbstractItemModel:
    model = SessionsModel(parent)
    model.set_rows(workspace_reads.session_rows(c.vault, c.episode_id))
    return model


def _open_items(c: Course, parent: QObject) -> QAbstractItemModel:
    model = OpenItemsModel(parent)
    model.set_rows(workspace_reads.overview(c.vault, c.episode_id).status.open_items)
    return model


def _history(c: Course, parent: QObject) -> QAbstractItemModel:
    """Past administrations with one voided, so the void row's roles are checked too."""
    given = measures.administrations(c.vault, c.episode_id)
    measures.void(c.vault, given[0].id, "entered twice")
    model = HistoryModel(parent)
    model.set_rows(workspace_reads.administration_rows(c.vault, c.episode_id))
    return model


def _risk_flags(c: Course, parent: QObject) -> QAbstractItemModel:
    model = RiskFlagsModel(parent)
    model.set_rows(risk.flags(c.vault, c.episode_id))
    return model


def _risk_notes(c: Course, parent: QObject) -> QAbstractItemModel:
    model = RiskNotesModel(parent)
    model.set_rows(risk.risk_notes(c.vault, c.episode_id))
    return model


def _people(c: Course, parent: QObject) -> QAbstractItemModel:
    model = PeopleModel(parent)
    people = inventory.people(c.vault, c.episode_id)
    model.set_rows([PersonRow(p, n % 3 + 1 if n else None) for n, p in enumerate(people)])
    return model


def _events(c: Course, parent: QObject) -> QAbstractItemModel:
    model = EventsModel(parent)
    aliases = {p.id: p.alias for p in inventory.people(c.vault, c.episode_id)}
    entries = inventory.timeline(c.vault, c.episode_id)
    model.set_rows([EventRow(e, ", ".join(aliases[p] for p in e.people)) for e in entries])
    return model


def _audit(c: Course, parent: QObject) -> QAbstractItemModel:
    model = AuditModel(parent)
    model.set_rows(audit_log.for_client(c.vault, c.client_id))
    return model


def _goals(c: Course, parent: QObject) -> QAbstractItemModel:
    model = GoalsModel(parent)
    model.set_rows(formulation.goals(c.vault, c.episode_id))
    return model


def _support(c: Course, parent: QObject) -> QAbstractItemModel:
    model = SupportModel(parent)
    plan = formulation.get_plan(c.vault, c.episode_id)
    assert plan is not None
    model.aliases = {p.id: p.alias for p in inventory.people(c.vault, c.episode_id)}
    model.set_rows(list(plan.support_people))
    return model


COVERED: dict[type[QAbstractItemModel], Fill] = {
    CaseloadModel: _caseload,
    NoteHitsModel: _note_hits,
    SessionsModel: _sessions,
    OpenItemsModel: _open_items,
    HistoryModel: _history,
    RiskFlagsModel: _risk_flags,
    RiskNotesModel: _risk_notes,
    PeopleModel: _people,
    EventsModel: _events,
    AuditModel: _audit,
    GoalsModel: _goals,
    SupportModel: _support,
}


def ui_model_classes() -> set[type[QAbstractItemModel]]:
    """Every QAbstractItemModel subclass defined in a module of the `ui` package."""
    found: set[type[QAbstractItemModel]] = set()
    for info in pkgutil.walk_packages(ui.__path__, prefix="ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractItemModel) and cls.__module__.startswith("ui."):
                found.add(cls)
    return found


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real vault: a 12-session course with every kind of record, and a few demo clients."""
    from tests.support import FAST_KDF, PASSPHRASE

    vault, _ = Vault.create(tmp_path_factory.mktemp("models") / "v", PASSPHRASE, kdf=FAST_KDF)
    client_id = record_course(vault, sessions_held=12)
    fill_demo(vault, 4, 11)
    yield Course(vault, client_id, episodes.current_episode(vault, client_id).id)
    vault.close()


def test_every_model_class_is_covered() -> None:
    missing = ui_model_classes() - set(COVERED) - BASES
    assert not missing, f"add these models to COVERED with real data: {sorted(map(str, missing))}"


@pytest.mark.parametrize("kind", list(COVERED), ids=lambda kind: kind.__name__)
def test_model_passes_qtmodeltester(qtmodeltester, qapp, course: Course, kind) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    model = COVERED[kind](course, owner)
    assert type(model) is kind
    assert model.rowCount() > 0, "checked with real rows, not an empty model"
    qtmodeltester.check(model)
    for column in range(model.columnCount()):  # what a header click does
        model.sort(column, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)
    model.sort(-1)
    qtmodeltester.check(model)
    if hasattr(model, "clear"):  # what a lock does
        model.clear()
        assert model.rowCount() == 0
        qtmodeltester.check(model)


def test_event_form_people_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, qtbot: QtBot, course: Course
) -> None:
    """The timeline form's tick list is a QStandardItemModel filled from the inventory."""
    form = EventForm()
    qtbot.addWidget(form)
    form.set_people(inventory.people(course.vault, course.episode_id))
    assert form.people_model.rowCount() == 2
    form.people_model.item(0).setCheckState(Qt.CheckState.Checked)
    qtmodeltester.check(form.people_model)
    form.clear()
    qtmodeltester.check(form.people_model)


def test_every_model_in_the_real_window_passes_qtmodeltester(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    make_window: MakeWindow,
    unlock: Unlock,
    new_vault: Callable[..., tuple[Vault, str]],
) -> None:
    """Every live model once every page has loaded (drop-downs included), checked through the
    lock that clears them: one tester per model, each kept alive to the end."""
    vault, _ = new_vault("window", passphrase=UI_PASSPHRASE)
    record_course(vault, sessions_held=12)
    vault.close()
    window = make_window([str(vault.folder)], idle_ms=3_600_000)
    caseload = unlock(window, UI_PASSPHRASE)
    caseload.notes.search.setText("mood")
    caseload.notes.refresh()
    caseload.clients.table.selectRow(0)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    workspace = window.workspace
    assert workspace is not None
    for index in range(workspace.count()):
        workspace.setCurrentIndex(index)
        idle(qtbot, window)
    assert caseload.notes.model.rowCount() > 0
    models = living_models()
    assert {type(m) for m in models} >= set(COVERED)
    testers = []
    for model in models:
        tester = ModelTester(request.config)
        tester.check(model)
        testers.append(tester)
    window.lock_action.trigger()
    qtbot.wait(50)
    assert len(testers) == len(models)
