"""Phase engine: phase tables per contract length, reminders, open items, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.phase import Phase as DomainPhase
from workbench.domain.phase import derive_phase
from workbench.protocol import Level, Phase, PhaseStatus, evaluate, load_profile
from workbench.protocol.phase_engine import (
    REMIND_ENDING,
    REMIND_INITIAL_OPEN,
    REMIND_NO_CONTRACT,
    REMIND_NO_FORMULATION,
    REMIND_OVER_CONTRACT,
)

LETTER = {"I": Phase.INITIAL, "M": Phase.MIDDLE, "T": Phase.TERMINATION, "C": Phase.CONCLUSION}

# The phase of sessions 1..M, one letter per session.
TABLES = [
    ("WMK", 8, "IIMMMMTT"),
    ("WMK", 12, "IIIMMMMMMTTT"),
    ("WMK", 16, "IIIMMMMMMMMMMTTT"),
    ("WMK", 20, "IIIMMMMMMMMMMMMMMTTT"),
    ("SR", 8, "IIMMMMCC"),
    ("SR", 12, "IIIMMMMMMMCC"),
    ("SR", 16, "IIIMMMMMMMMMMMCC"),
    ("SR", 20, "IIIMMMMMMMMMMMMMMMCC"),
    # Very short contracts keep every phase while there is room for it.
    ("WMK", 1, "I"),
    ("WMK", 2, "IT"),
    ("WMK", 3, "IMT"),
    ("SR", 4, "IMMC"),
    ("WMK", 6, "IIMMTT"),
    ("SR", 6, "IIMMMC"),
]


def status(profile: str, held: int, contracted: int, **overrides: object) -> PhaseStatus:
    args: dict[str, object] = {
        "kind": "acute",
        "ended": False,
        "checklist": {},
        "formulation_agreed": True,
        "ending_discussed": False,
    }
    args.update(overrides)
    return evaluate(
        load_profile(profile),
        sessions_held=held,
        contracted=contracted,
        **args,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(("profile", "contracted", "table"), TABLES)
def test_phase_table(profile: str, contracted: int, table: str) -> None:
    assert len(table) == contracted
    phases = [status(profile, n, contracted).phase for n in range(1, contracted + 1)]
    assert phases == [LETTER[letter] for letter in table]
    assert status(profile, 0, contracted).phase is Phase.NOT_STARTED
    over = status(profile, contracted + 1, contracted).phase
    assert over is load_profile(profile).ending_phase


@pytest.mark.parametrize(("profile", "contracted", "table"), TABLES)
def test_ending_reminder_fires_when_four_or_fewer_sessions_remain(
    profile: str, contracted: int, table: str
) -> None:
    for held in range(1, contracted + 1):
        reminders = status(profile, held, contracted).reminders
        assert (REMIND_ENDING in reminders) == (contracted - held <= 4), (held, reminders)
        assert (
            REMIND_ENDING not in status(profile, held, contracted, ending_discussed=True).reminders
        )
    ticked = {"ending.raise_ending": "done"}
    assert REMIND_ENDING not in status(profile, contracted, contracted, checklist=ticked).reminders


@pytest.mark.parametrize("profile", ["WMK", "SR"])
def test_session_label_and_over_contract(profile: str) -> None:
    current = status(profile, 5, 8)
    assert current.session_label == "session 5 of 8"
    assert current.sessions_left == 3
    assert REMIND_OVER_CONTRACT not in current.reminders
    over = status(profile, 10, 8)
    assert over.session_label == "session 10 of 8"
    assert over.sessions_left == -2
    assert REMIND_OVER_CONTRACT in over.reminders
    assert over.phase is load_profile(profile).ending_phase


def test_no_valid_contract_is_reminded_not_assumed() -> None:
    result = status("WMK", 7, 0)
    assert result.phase is Phase.MIDDLE
    assert result.session_label == "session 7, no contract"
    assert result.sessions_left is None
    assert result.reminders[0] == REMIND_NO_CONTRACT
    assert REMIND_ENDING not in result.reminders


@pytest.mark.parametrize("profile", ["WMK", "SR"])
def test_middle_without_agreed_formulation(profile: str) -> None:
    assert REMIND_NO_FORMULATION in status(profile, 5, 16, formulation_agreed=False).reminders
    assert REMIND_NO_FORMULATION not in status(profile, 5, 16).reminders
    ticked = {"initial.formulation_agreed": "done"}
    assert (
        REMIND_NO_FORMULATION
        not in status(profile, 5, 16, formulation_agreed=False, checklist=ticked).reminders
    )
    assert REMIND_NO_FORMULATION not in status(profile, 2, 16, formulation_agreed=False).reminders


@pytest.mark.parametrize("profile", ["WMK", "SR"])
def test_required_initial_items_open_past_the_initial_phase(profile: str) -> None:
    loaded = load_profile(profile)
    assert REMIND_INITIAL_OPEN not in status(profile, 2, 16).reminders
    assert REMIND_INITIAL_OPEN in status(profile, 5, 16).reminders
    assert REMIND_INITIAL_OPEN in status(profile, 15, 16).reminders
    required = {i.id: "done" for i in loaded.items_for(Phase.INITIAL) if i.required}
    assert REMIND_INITIAL_OPEN not in status(profile, 5, 16, checklist=required).reminders


def test_open_items_are_current_and_earlier_phases_required_first() -> None:
    profile = load_profile("WMK")
    middle = status("WMK", 5, 16, problem_areas=["grief"])
    phases = {item.phase for item in middle.open_items}
    assert phases == {Phase.INITIAL, Phase.MIDDLE}
    levels = [item.level for item in middle.open_items]
    assert levels == sorted(levels, key=lambda level: level is not Level.REQUIRED)
    assert all(item.problem_area in (None, "grief") for item in middle.open_items)
    assert any(item.problem_area == "grief" for item in middle.open_items)
    assert all(item.scope.value == "episode" for item in middle.open_items)
    assert "initial.formulation_agreed" not in {i.id for i in middle.open_items}
    done = {item.id: "done" for item in profile.checklist}
    assert status("WMK", 5, 16, checklist=done).open_items == ()
    assert status("WMK", 0, 16).open_items == ()
    initial = status("WMK", 1, 16)
    assert {item.phase for item in initial.open_items} == {Phase.INITIAL}
    assert initial.open_items[0].required


def test_maintenance_and_ended_episodes() -> None:
    maintenance = status("SR", 3, 12, kind="maintenance")
    assert maintenance.phase is Phase.MAINTENANCE
    assert maintenance.phase_label == "Maintenance"
    assert {item.phase for item in maintenance.open_items} == {Phase.MAINTENANCE}
    assert REMIND_INITIAL_OPEN not in maintenance.reminders
    assert REMIND_ENDING in status("WMK", 9, 12, kind="maintenance").reminders
    ended = status("WMK", 16, 16, ended=True, formulation_agreed=False)
    assert ended.phase is Phase.ENDED
    assert ended.phase_label == "Ended"
    assert ended.reminders == ()


def test_domain_derive_phase_delegates_to_the_engine() -> None:
    assert DomainPhase is Phase
    for profile, contracted, table in TABLES:
        for held, letter in enumerate(table, 1):
            assert (
                derive_phase(
                    sessions_held=held,
                    contracted=contracted,
                    profile=profile,
                    kind="acute",
                    ended=False,
                )
                is LETTER[letter]
            )
    kwargs = {"sessions_held": 4, "contracted": 12, "profile": "SR"}
    assert derive_phase(kind="maintenance", ended=False, **kwargs) is Phase.MAINTENANCE  # type: ignore[arg-type]
    assert derive_phase(kind="acute", ended=True, **kwargs) is Phase.ENDED  # type: ignore[arg-type]


RANK = {phase: rank for rank, phase in enumerate(Phase)}
statuses_ = st.dictionaries(st.text(max_size=30), st.sampled_from(["open", "done", "x", ""]))


@settings(max_examples=300, deadline=None)
@given(
    profile=st.sampled_from(["WMK", "SR"]),
    held=st.integers(min_value=-(10**6), max_value=10**6),
    contracted=st.integers(min_value=-(10**6), max_value=10**6),
    kind=st.sampled_from(["acute", "continuation", "maintenance"]) | st.text(max_size=12),
    ended=st.booleans(),
    checklist=statuses_,
    flags=st.tuples(st.booleans(), st.booleans()),
    areas=st.lists(st.text(max_size=20), max_size=3),
)
def test_engine_never_raises(
    profile: str,
    held: int,
    contracted: int,
    kind: str,
    ended: bool,
    checklist: dict[str, str],
    flags: tuple[bool, bool],
    areas: list[str],
) -> None:
    result = evaluate(
        load_profile(profile),
        sessions_held=held,
        contracted=contracted,
        kind=kind,
        ended=ended,
        checklist=checklist,
        formulation_agreed=flags[0],
        ending_discussed=flags[1],
        problem_areas=areas,
    )
    assert isinstance(result.phase, Phase)
    assert result.session_label.startswith(f"session {max(held, 0)}")


@settings(max_examples=300, deadline=None)
@given(
    profile=st.sampled_from(["WMK", "SR"]),
    contracted=st.integers(min_value=-3, max_value=60),
    held=st.integers(min_value=-3, max_value=70),
    step=st.integers(min_value=1, max_value=30),
    kind=st.sampled_from(["acute", "continuation", "maintenance"]),
)
def test_phases_never_go_backwards_as_sessions_are_held(
    profile: str, contracted: int, held: int, step: int, kind: str
) -> None:
    def phase(n: int) -> Phase:
        return status(profile, n, contracted, kind=kind).phase

    assert RANK[phase(held)] <= RANK[phase(held + step)]
