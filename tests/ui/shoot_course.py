"""Screenshot scenes of the course actions (run from shoot_window.py): the clinician profile,
renegotiation, the ending review with an open flag, IPT-M, a new episode, the course line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tests.reports.course import SISTER
from tests.ui.workspace.shoot_pages import settle
from ui.dialogs.new_episode_dialog import NewEpisodeDialog
from ui.views.main_window import MainWindow
from ui.widgets.course_line import CourseLine
from ui.workspace.problem_area_page import ProblemAreaPage
from ui.workspace.risk_page import RiskPage
from workbench.domain.care import MedicationRecord
from workbench.domain.problem_areas import (
    DisputeRecord,
    ProblemAreaRecords,
    StageChange,
    TransitionRecord,
)
from workbench.services import course, episode_records, episodes, inventory


def _save(dialog: object) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # type: ignore[attr-defined]


def shoot_problem_areas(window: MainWindow, shoot: Callable[[str], None]) -> None:
    """The shown client's dispute with its stage history, the role grid and the care record."""
    vault, workspace = window.vault, window.workspace
    assert vault is not None and workspace is not None
    episode = workspace.episode_id
    sister = next(p.id for p in inventory.people(vault, episode) if p.alias == SISTER)
    episode_records.save_problem_areas(
        vault,
        episode,
        ProblemAreaRecords(
            dispute=DisputeRecord(
                sister,
                (
                    StageChange("2026-01-12", "impasse", "They stopped speaking"),
                    StageChange("2026-02-16", "renegotiation", "Agreed to talk on Sundays"),
                ),
                "A fair share of the visits to their mother.",
                "Less criticism of how she cares for their mother.",
            ),
            transition=TransitionRecord(
                "daughter who visits", "main carer", "free weekends", "closeness with mother"
            ),
        ),
    )
    episode_records.save_medication(
        vault, episode, MedicationRecord("Sertraline 50 mg, as she reports it", "her GP")
    )
    index, page = workspace.page_of(ProblemAreaPage)
    workspace.setCurrentIndex(index)
    page.reload()
    settle(window._runner, 500)
    shoot("problem-areas-filled")


def shoot_course(window: MainWindow, shoot: Callable[[str], None], size: list[int]) -> None:
    """Leaves the shown client in maintenance (the last scenes of the theme lock anyway)."""
    runner, acts = window._runner, window.actions_.course
    shoot_problem_areas(window, shoot)
    window.show_preferences()
    settle(runner)
    preferences = window.preferences_dialog
    assert preferences is not None
    preferences.profile_button.click()
    settle(runner)
    profile = acts.dialog
    assert profile is not None
    profile.name.setText("Dr Ada Example")  # type: ignore[attr-defined]
    profile.credentials.setText("DClinPsy")  # type: ignore[attr-defined]
    profile.organisation.setText("Riverside Psychology Service")  # type: ignore[attr-defined]
    profile.crisis_text.setPlainText(  # type: ignore[attr-defined]
        "Outside clinic hours, call the Riverside duty line."
    )
    profile.add_contact("Riverside duty team", "0161 496 0000")  # type: ignore[attr-defined]
    settle(runner)
    shoot("profile")
    _save(profile)
    settle(runner)
    preferences.reject()
    settle(runner)

    acts.renegotiate()
    settle(runner)
    assert acts.dialog is not None
    acts.dialog.sessions.setValue(22)  # type: ignore[attr-defined]
    acts.dialog.reason.setPlainText("Two sessions missed in a family crisis.")  # type: ignore[attr-defined]
    _save(acts.dialog)
    settle(runner)
    shoot("renegotiate-refused")  # 22 is outside the WMK range: the core's message
    acts.dialog.sessions.setValue(20)  # type: ignore[union-attr]
    shoot("renegotiate")
    acts.dialog.reject()  # type: ignore[union-attr]
    settle(runner)

    acts.end_acute_phase()
    settle(runner)
    review = acts.dialog
    assert review is not None
    review.by_measures.setPlainText("PHQ-9 from 18 to 2 over twelve sessions.")  # type: ignore[attr-defined]
    review.on_goals.setPlainText("She shares the visits with her sister.")  # type: ignore[attr-defined]
    review.client_did.setPlainText("She asked directly and kept asking.")  # type: ignore[attr-defined]
    review.warning_signs.setPlainText("waking at 4am\navoiding my sister's calls")  # type: ignore[attr-defined]
    settle(runner)
    shoot("ending-review")
    review.carry.setChecked(True)  # type: ignore[attr-defined]
    _save(review)
    settle(runner, 600)

    acts.start_maintenance()
    settle(runner)
    maintenance = acts.dialog
    assert maintenance is not None
    maintenance.rule.setPlainText(  # type: ignore[attr-defined]
        "Two weeks of low mood and broken sleep: back to weekly sessions."
    )
    shoot("maintenance")
    _save(maintenance)
    settle(runner, 800)
    workspace = window.workspace
    assert workspace is not None and window.session is not None
    index, _page = workspace.page_of(RiskPage)
    workspace.setCurrentIndex(index)
    settle(runner, 500)
    shoot("risk-carried-forward")

    vault = window.vault
    assert vault is not None
    client = workspace.client_id
    dialog = NewEpisodeDialog(
        window.session, client, episodes.current_episode(vault, client).contract, window
    )
    dialog.open()
    settle(runner)
    shoot("new-episode")
    dialog.reject()
    settle(runner)

    holder = QWidget()
    holder.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    line = CourseLine(holder)
    line.set_course(course.course_history(vault, client))
    QVBoxLayout(holder).addWidget(line)
    holder.setGeometry(0, 0, size[0], 200)
    holder.show()
    settle(runner)
    shoot("course-line")
    line.clear()
    holder.close()
    holder.deleteLater()
