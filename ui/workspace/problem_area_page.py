"""Problem-area records of the middle phase: dispute, grief, role transition, deficits; beside
them the care record (medication and referrals as reported, format and adaptation)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.session import EPISODE, RECORD, VaultSession
from ui.widgets.care_form import CareForm
from ui.widgets.page import wrapped_label
from ui.widgets.problem_area_forms import DeficitsForm, DisputeForm, GriefForm, TransitionForm
from ui.workspace.base import WorkspacePage
from workbench.domain.care import Adaptation, MedicationRecord
from workbench.domain.inventory import Person
from workbench.domain.problem_areas import ProblemAreaRecords
from workbench.errors import WorkbenchError
from workbench.services import episode_records, inventory
from workbench.services.vaults import Vault

ERROR_STYLE = "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"


@dataclass(frozen=True)
class Loaded:
    people: list[Person]
    areas: ProblemAreaRecords
    medication: MedicationRecord | None
    adaptation: Adaptation | None


@dataclass(frozen=True)
class Edited:
    areas: ProblemAreaRecords
    medication: MedicationRecord
    adaptation: Adaptation


def load(vault: Vault, episode_id: int) -> Loaded:
    return Loaded(
        inventory.people(vault, episode_id),
        episode_records.problem_areas(vault, episode_id),
        episode_records.medication(vault, episode_id),
        episode_records.adaptation(vault, episode_id),
    )


def store(vault: Vault, episode_id: int, edited: Edited, had_medication: bool) -> None:
    """Problem areas first (the core checks the people); then the care record."""
    episode_records.save_problem_areas(vault, episode_id, edited.areas)
    if had_medication or edited.medication != MedicationRecord():
        episode_records.save_medication(vault, episode_id, edited.medication)
    episode_records.save_adaptation(vault, episode_id, edited.adaptation)


class ProblemAreaPage(WorkspacePage):
    """Tick the areas worked on; the dispute's stage history grows by dated stage changes."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Problem areas")
    shows = frozenset({RECORD, EPISODE})

    def __init__(
        self,
        session: VaultSession,
        client_id: int,
        episode_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, episode_id, parent)
        self.loaded = False
        self.dirty = False
        self._loading = False
        self._had_medication = False
        self.dispute = DisputeForm(self)
        self.grief = GriefForm(self)
        self.transition = TransitionForm(self)
        self.deficits = DeficitsForm(self)
        self.care = CareForm(self)
        body = QWidget(self)
        grid = QGridLayout(body)
        for column, forms in enumerate(
            ((self.dispute, self.transition), (self.grief, self.deficits, self.care))
        ):
            stack = QVBoxLayout()
            for form in forms:
                stack.addWidget(form)
            stack.addStretch(1)
            grid.addLayout(stack, 0, column)
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.error = wrapped_label("", self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.save_button = QPushButton(self.tr("&Save records"), self)
        self.save_button.setAccessibleName(self.tr("Save problem-area records"))
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.save_button.clicked.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(self.error, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        for form in (self.dispute, self.grief, self.transition, self.deficits, self.care):
            form.edited.connect(self._edited)

    def _edited(self) -> None:
        if not self._loading:
            self.dirty = True

    def reload(self) -> None:
        vault, episode = self.vault, self.episode_id
        self.load(lambda: load(vault, episode), self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = True
        living = [p for p in loaded.people if p.details.living]
        self.dispute.set_value(loaded.areas.dispute, living)
        self.grief.set_value(loaded.areas.grief, loaded.people)
        self.transition.set_value(loaded.areas.transition)
        self.deficits.set_value(loaded.areas.deficits)
        self.care.set_value(loaded.medication, loaded.adaptation)
        self._had_medication = loaded.medication is not None
        self._loading = False
        self.dirty = False
        self.loaded = True

    def edited(self) -> Edited:
        areas = ProblemAreaRecords(
            self.dispute.value(), self.grief.value(), self.transition.value(), self.deficits.value()
        )
        return Edited(areas, self.care.medication(), self.care.adaptation())

    def save(self) -> None:
        vault, episode, edited = self.vault, self.episode_id, self.edited()
        had = self._had_medication
        self.write(lambda: store(vault, episode, edited, had), self._saved, {RECORD}, self._refused)

    def _saved(self, _: object) -> None:
        self.dirty = False
        self._had_medication = self._had_medication or self.care.medication() != MedicationRecord()
        self.error.hide()
        self.message.emit(self.tr("Problem-area records saved."))
        self.reload()

    def _refused(self, error: WorkbenchError) -> None:
        self.error.setText(error.user_message)
        self.error.show()
        self.show_error(error)

    def flush(self) -> None:
        if not self.dirty or not self.loaded:
            return
        try:
            store(self.vault, self.episode_id, self.edited(), self._had_medication)
            self.dirty = False
        except WorkbenchError as error:
            self.show_error(error)

    def clear(self) -> None:
        self._loading = True
        self.dispute.set_value(None, [])
        self.grief.set_value(None, [])
        self.transition.set_value(None)
        self.deficits.set_value(None)
        self.care.set_value(None, None)
        self.error.clear()
        self.error.hide()
        self._loading = False
        self.dirty = False
        self.loaded = False
