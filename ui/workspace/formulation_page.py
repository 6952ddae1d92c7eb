"""Formulation page: problem areas of the manual profile, WMK short form or S&R sections, goals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP
from ui.session import EPISODE, RECORD, VaultSession
from ui.widgets.formulation_parts import SharedBox, StatementBox, ruled_out_box, sections_box
from ui.widgets.goals_editor import GoalsEditor
from ui.widgets.page import wrapped_label
from ui.workspace.base import WorkspacePage
from workbench.domain.formulation import Formulation, Goal
from workbench.errors import WorkbenchError
from workbench.protocol import ManualProfile, load_profile
from workbench.services import episodes, formulation

DEFICITS = "interpersonal_deficits"
ERROR_STYLE = "color: #ffffff; background: #a4262c; padding: 6px; border-radius: 3px;"


@dataclass(frozen=True)
class Loaded:
    profile: ManualProfile
    formulation: Formulation
    goals: list[Goal]


class FormulationPage(WorkspacePage):
    """The interpersonal formulation (ipt-reference §9); a suggested draft is never saved alone."""

    title = QT_TRANSLATE_NOOP("WorkspacePage", "Formulation")

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
        self._profile: ManualProfile | None = None
        self._saved = Formulation()
        self._suggested: str | None = None
        self.profile_label = wrapped_label("", self)
        self.primary = self._area_box(self.tr("Primary problem area"))
        self.secondary = self._area_box(self.tr("Secondary problem area (at most one)"))
        self.area_hint = wrapped_label("", self)
        areas = QGroupBox(self.tr("Problem areas"), self)
        area_form = QFormLayout(areas)
        area_form.addRow(self.tr("&Primary"), self.primary)
        area_form.addRow(self.tr("S&econdary"), self.secondary)
        area_form.addRow(self.area_hint)

        self.ruled_out = ruled_out_box(self)
        self.statement_box = StatementBox(self)
        self.statement = self.statement_box.statement
        self.statement_box.suggest_button.clicked.connect(self.suggest)
        self.sections = sections_box(self)
        self.shared = SharedBox(self)
        self.goals = GoalsEditor(self)
        goals_box = QGroupBox(self.tr("Goals"), self)
        QVBoxLayout(goals_box).addWidget(self.goals)

        body = QWidget(self)
        column = QVBoxLayout(body)
        for part in (
            self.profile_label,
            areas,
            self.ruled_out,
            self.statement_box,
            self.sections,
            self.shared,
            goals_box,
        ):
            column.addWidget(part)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.error = wrapped_label("", self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.save_button = QPushButton(self.tr("&Save formulation"), self)
        self.save_button.setAccessibleName(self.tr("Save formulation"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        bar = QHBoxLayout()
        bar.addStretch(0)
        bar.addWidget(self.error, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        self._watch()
        self._show_parts()

    def _area_box(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        box.currentIndexChanged.connect(self._show_parts)
        return box

    def _watch(self) -> None:
        boxes = [*self.ruled_out.texts.values(), *self.sections.texts.values()]
        for box in [self.statement, self.shared.patient_words, *boxes]:
            box.textChanged.connect(self._edited)
        for combo in (self.primary, self.secondary, self.shared.agreement):
            combo.currentIndexChanged.connect(self._edited)
        self.shared.shared_on.check.toggled.connect(self._edited)
        self.shared.shared_on.date.dateChanged.connect(self._edited)
        self.goals.edited.connect(self._edited)

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    def _show_parts(self, *_: object) -> None:
        wmk = self._profile is not None and self._profile.id == "WMK"
        chosen = (self.primary.currentData(), self.secondary.currentData())
        self.ruled_out.setVisible(wmk and DEFICITS in chosen)
        self.statement_box.setVisible(wmk)
        self.sections.setVisible(self._profile is not None and not wmk)
        area = self._profile.problem_area(chosen[0]) if self._profile and chosen[0] else None
        self.area_hint.setText(area.selection_prompt or area.indication if area else "")
        self.goals.set_area(str(chosen[0] or ""))

    # ----- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        vault, episode = self.vault, self.episode_id

        def load() -> Loaded:
            profile = load_profile(episodes.get_episode(vault, episode).contract.manual_profile)
            found = formulation.get_formulation(vault, episode) or Formulation()
            return Loaded(profile, found, formulation.goals(vault, episode))

        self.load(load, self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = True
        self._profile, self._saved = loaded.profile, loaded.formulation
        f = loaded.formulation
        self.profile_label.setText(self.tr("Manual profile: %s") % loaded.profile.label)
        for box in (self.primary, self.secondary):
            box.clear()
            box.addItem(self.tr("not chosen yet"), None)
            for area in loaded.profile.problem_areas:
                box.addItem(area.label, area.id)
        self.primary.setCurrentIndex(max(self.primary.findData(f.primary_area), 0))
        self.secondary.setCurrentIndex(max(self.secondary.findData(f.secondary_area), 0))
        self.ruled_out.set_value(f.sections.get("ruled_out", {}))
        self.sections.set_value(f.sections)
        self.statement.setPlainText(f.statement)
        self.shared.shared_on.set_value(f.shared_on)
        agreement = self.shared.agreement
        agreement.setCurrentIndex(max(agreement.findData(f.patient_agreed), 0))
        self.shared.patient_words.setPlainText(f.patient_words)
        self.goals.set_profile(loaded.profile)
        self.goals.set_goals(loaded.goals)
        self.error.hide()
        self._show_parts()
        self._loading = False
        self.dirty = False
        self.loaded = True

    # ----- drafting and saving ---------------------------------------------------------------

    def suggest(self) -> None:
        if self.primary.currentData() != self._saved.primary_area:
            self.message.emit(
                self.tr("The draft uses the saved problem area; save to draft from the new one.")
            )
        vault, episode = self.vault, self.episode_id
        self.load(
            lambda: formulation.suggest_statement(vault, episode), self._suggestion, "suggest"
        )

    def _suggestion(self, draft: str) -> None:
        self._suggested = draft
        self.statement.setPlainText(draft)
        self.statement.setFocus()

    def current(self, *, keep_unedited_draft: bool = True) -> Formulation:
        """The formulation as typed; an untouched suggestion counts only when asked to save it."""
        sections: dict[str, Any] = dict(self._saved.sections)
        wmk = self._profile is not None and self._profile.id == "WMK"
        if wmk:
            sections["ruled_out"] = self.ruled_out.value()
        else:
            sections.update(self.sections.value())
        statement = self.statement.toPlainText().strip()
        if not keep_unedited_draft and self._suggested and statement == self._suggested.strip():
            statement = self._saved.statement
        return Formulation(
            primary_area=self.primary.currentData(),
            secondary_area=self.secondary.currentData(),
            sections=sections,
            statement=statement,
            shared_on=self.shared.shared_on.value(),
            patient_agreed=self.shared.agreement.currentData(),
            patient_words=self.shared.patient_words.toPlainText().strip(),
        )

    def save(self) -> None:
        """Save the formulation and goals; a refusal is shown and every typed word stays."""
        chosen, goals = self.current(), self.goals.goals()
        vault, episode = self.vault, self.episode_id

        def work() -> Formulation:
            formulation.save_formulation(vault, episode, chosen)
            formulation.set_goals(vault, episode, goals)
            return chosen

        self.write(work, self._saved_ok, {RECORD, EPISODE}, self._refused)

    def _saved_ok(self, saved: Formulation) -> None:
        self._saved, self._suggested = saved, None
        self.dirty = False
        self.error.hide()
        self.message.emit(self.tr("Formulation saved."))

    def _refused(self, error: WorkbenchError) -> None:
        self.error.setText(error.user_message)
        self.error.show()
        self.show_error(error)

    # ----- contract --------------------------------------------------------------------------

    def flush(self) -> None:
        """On lock or close: save what was typed (an untouched suggested draft is not saved)."""
        self.goals.commit_edits()  # a goal cell still being typed marks the page dirty
        if not self.dirty or self._profile is None:
            return
        try:
            chosen = self.current(keep_unedited_draft=False)
            formulation.save_formulation(self.vault, self.episode_id, chosen)
            formulation.set_goals(self.vault, self.episode_id, self.goals.goals())
            self._saved, self.dirty = chosen, False
        except WorkbenchError as error:
            self.show_error(error)

    def clear(self) -> None:
        self._loading = True
        self._saved, self._suggested = Formulation(), None
        for part in (self.statement, self.ruled_out, self.sections, self.shared):
            part.clear()
        self.primary.clear()
        self.secondary.clear()
        self.goals.clear()
        self.area_hint.clear()
        self.profile_label.clear()
        self.error.clear()
        self.error.hide()
        self._loading = False
        self.dirty = False
        self.loaded = False
