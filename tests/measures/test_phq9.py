"""PHQ-9: every band edge, incomplete forms, item 9 flags, difficulty item and input checks."""

from __future__ import annotations

import pytest

from workbench.measures import MeasureInputError, get_instrument, score


def _responses_totalling(total: int, *, item9: int = 0) -> list[int | None]:
    """Nine answers summing to *total* with item 9 fixed at *item9*."""
    rest = total - item9
    assert 0 <= rest <= 24
    values: list[int | None] = []
    for _ in range(8):
        step = min(3, rest)
        values.append(step)
        rest -= step
    return [*values, item9]


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal/none"),
        (4, "minimal/none"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_every_band_edge(total: int, band: str) -> None:
    item9 = 3 if total == 27 else 0
    result = score("PHQ-9", _responses_totalling(total, item9=item9))
    assert result.total == total
    assert result.band == band
    assert result.complete
    assert result.answered == 9
    assert result.missing_items == ()
    assert result.instrument == "PHQ-9"


def test_a_complete_form_with_item9_zero_has_no_flag() -> None:
    result = score("PHQ-9", [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.total == 24
    assert result.band == "severe"
    assert result.risk_flags == ()


@pytest.mark.parametrize(
    ("value", "label"),
    [(1, "Several days"), (2, "More than half the days"), (3, "Nearly every day")],
)
def test_item9_flags_at_every_nonzero_value_whatever_the_total(value: int, label: str) -> None:
    result = score("PHQ-9", [0, 0, 0, 0, 0, 0, 0, 0, value])
    assert result.total == value
    assert result.band == "minimal/none"  # a low total does not hide the flag
    (flag,) = result.risk_flags
    assert flag.item == 9
    assert flag.value == value
    assert flag.source == "PHQ-9 item 9"
    assert flag.reason == "endorsed"
    assert flag.response_label == label
    assert flag.banner == f"PHQ-9 item 9 endorsed: {label} — clinician review required"


def test_item9_unanswered_flags_for_review_and_leaves_the_form_incomplete() -> None:
    result = score("PHQ-9", [1, 1, 1, 1, 1, 1, 1, 1, None])
    assert result.total is None
    assert result.band is None
    assert not result.complete
    assert result.answered == 8
    assert result.missing_items == (9,)
    (flag,) = result.risk_flags
    assert (flag.item, flag.value, flag.source) == (9, None, "PHQ-9 item 9")
    assert flag.reason == "unanswered – needs clinician review"
    assert flag.response_label is None
    assert flag.banner == "PHQ-9 item 9 unanswered — clinician review required"


@pytest.mark.parametrize("missing", range(1, 9))
def test_any_missing_item_means_no_total_and_no_band_never_prorated(missing: int) -> None:
    responses: list[int | None] = [2] * 9
    responses[missing - 1] = None
    result = score("PHQ-9", responses)
    assert result.total is None
    assert result.band is None
    assert not result.complete
    assert result.answered == 8
    assert result.missing_items == (missing,)
    assert result.risk_flags[0].reason == "endorsed"  # item 9 = 2 still flags


def test_an_empty_form_is_incomplete_and_item9_needs_review() -> None:
    result = score("PHQ-9", [None] * 9)
    assert (result.total, result.band, result.complete, result.answered) == (None, None, False, 0)
    assert result.missing_items == tuple(range(1, 10))
    assert [f.reason for f in result.risk_flags] == ["unanswered – needs clinician review"]


def test_several_missing_items_are_listed_in_order() -> None:
    result = score("PHQ-9", [None, 1, None, 1, 1, None, 1, 1, 0])
    assert result.missing_items == (1, 3, 6)
    assert result.answered == 6
    assert result.risk_flags == ()


def test_raw_responses_are_kept() -> None:
    answers = [0, 1, 2, 3, None, 0, 1, 2, 1]
    assert score("PHQ-9", answers).responses == tuple(answers)


def test_difficulty_item_is_stored_but_never_added() -> None:
    plain = score("PHQ-9", [1] * 9)
    with_difficulty = score("PHQ-9", [1] * 9, difficulty=3)
    assert with_difficulty.total == plain.total == 9
    assert with_difficulty.difficulty == 3
    assert plain.difficulty is None
    assert get_instrument("PHQ-9").difficulty is not None


def test_a_tenth_response_is_refused_with_a_hint_about_the_difficulty_item() -> None:
    with pytest.raises(MeasureInputError, match=r"exactly 9 .*difficulty="):
        score("PHQ-9", [0] * 10)


@pytest.mark.parametrize("length", [0, 8, 11])
def test_wrong_length_is_refused(length: int) -> None:
    with pytest.raises(MeasureInputError, match=rf"PHQ-9 needs exactly 9 .*got {length}"):
        score("PHQ-9", [0] * length)


@pytest.mark.parametrize("bad", [-1, 4, 99])
def test_out_of_range_value_names_item_and_range(bad: int) -> None:
    responses: list[int | None] = [0] * 9
    responses[4] = bad
    with pytest.raises(MeasureInputError, match=r"PHQ-9 item 5: .* allowed 0–3") as info:
        score("PHQ-9", responses)
    assert isinstance(info.value, ValueError)
    assert (info.value.instrument, info.value.item, info.value.allowed) == ("PHQ-9", 5, (0, 3))


@pytest.mark.parametrize("bad", [True, 1.0, "1"])
def test_non_integer_values_are_refused(bad: object) -> None:
    responses: list[object] = [0] * 9
    responses[8] = bad
    with pytest.raises(MeasureInputError, match=r"PHQ-9 item 9: .*not a whole number"):
        score("PHQ-9", responses)  # type: ignore[arg-type]


def test_a_string_is_not_a_sequence_of_responses() -> None:
    with pytest.raises(MeasureInputError, match="sequence"):
        score("PHQ-9", "000000000")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [-1, 4, True])
def test_out_of_range_difficulty_is_refused(bad: int) -> None:
    with pytest.raises(MeasureInputError, match="difficulty item"):
        score("PHQ-9", [0] * 9, difficulty=bad)


def test_phq9_bands_are_fixed() -> None:
    hamd = get_instrument("HAM-D-17")
    with pytest.raises(MeasureInputError, match="fixed"):
        score("PHQ-9", [0] * 9, bands=hamd.default_bands)


def test_unknown_instrument_is_refused_with_the_known_list() -> None:
    with pytest.raises(MeasureInputError, match=r"PHQ-8.*PHQ-9, GAD-7, HAM-D-17, EPDS"):
        score("PHQ-8", [0] * 8)
