"""GAD-7, HAM-D-17 and EPDS: band edges, per-item ranges, risk items and configurable bands."""

from __future__ import annotations

import pytest

from tests.measures.helpers import responses_totalling
from workbench.measures import (
    EPDS_THRESHOLD_10_BANDS,
    HAMD_OLDER_CONVENTION_BANDS,
    HAMD_ZIMMERMAN_2013_BANDS,
    Band,
    BandSet,
    MeasureInputError,
    epds_threshold_bands,
    get_instrument,
    score,
)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_every_band_edge(total: int, band: str) -> None:
    result = score("GAD-7", responses_totalling("GAD-7", total))
    assert (result.total, result.band, result.complete) == (total, band, True)


def test_gad7_has_no_risk_item_and_keeps_its_difficulty_item() -> None:
    result = score("GAD-7", [3] * 7, difficulty=2)
    assert result.risk_flags == ()
    assert result.total == 21
    assert result.difficulty == 2
    assert score("GAD-7", [None] * 7).risk_flags == ()


def test_gad7_incomplete_and_out_of_range() -> None:
    result = score("GAD-7", [1, 1, 1, None, 1, 1, 1])
    assert (result.total, result.band, result.missing_items) == (None, None, (4,))
    with pytest.raises(MeasureInputError, match=r"GAD-7 item 7: 4 is out of range; allowed 0–3"):
        score("GAD-7", [0, 0, 0, 0, 0, 0, 4])
    with pytest.raises(MeasureInputError, match="GAD-7 needs exactly 7"):
        score("GAD-7", [0] * 9)


# Standard HAM-D-17 ranges: items 4-6, 12-14, 16, 17 are 0-2; the rest 0-4.
HAMD_TWO_POINT_ITEMS = {4, 5, 6, 12, 13, 14, 16, 17}


def test_hamd_item_ranges_and_total_of_52() -> None:
    hamd = get_instrument("HAM-D-17")
    assert len(hamd.items) == 17
    assert {i.number for i in hamd.items if i.max_value == 2} == HAMD_TWO_POINT_ITEMS
    assert all(i.max_value == 4 for i in hamd.items if i.number not in HAMD_TWO_POINT_ITEMS)
    assert hamd.max_total == 52
    assert hamd.item(3).label == "Suicide"
    assert all(item.text is None for item in hamd.items)  # score entry: no anchors shipped


@pytest.mark.parametrize("item", sorted(HAMD_TWO_POINT_ITEMS))
def test_hamd_two_point_items_refuse_3(item: int) -> None:
    responses: list[int | None] = [0] * 17
    responses[item - 1] = 3
    with pytest.raises(MeasureInputError, match=rf"HAM-D-17 item {item}: 3 .*allowed 0–2"):
        score("HAM-D-17", responses)


def test_hamd_four_point_items_accept_4_and_refuse_5() -> None:
    responses: list[int | None] = [0] * 17
    responses[0] = 4
    assert score("HAM-D-17", responses).total == 4
    responses[0] = 5
    with pytest.raises(MeasureInputError, match=r"HAM-D-17 item 1: 5 .*allowed 0–4"):
        score("HAM-D-17", responses)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "none"),
        (7, "none"),
        (8, "mild"),
        (16, "mild"),
        (17, "moderate"),
        (23, "moderate"),
        (24, "severe"),
        (52, "severe"),
    ],
)
def test_hamd_default_bands_are_zimmerman_2013(total: int, band: str) -> None:
    result = score(
        "HAM-D-17", responses_totalling("HAM-D-17", total, fixed={3: 0} if total < 52 else None)
    )
    assert (result.total, result.band) == (total, band)
    assert result.band_set == HAMD_ZIMMERMAN_2013_BANDS.name


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "normal"),
        (7, "normal"),
        (8, "mild"),
        (13, "mild"),
        (14, "moderate"),
        (18, "moderate"),
        (19, "severe"),
        (22, "severe"),
        (23, "very severe"),
        (52, "very severe"),
    ],
)
def test_hamd_older_convention_bands(total: int, band: str) -> None:
    responses = responses_totalling("HAM-D-17", total)
    result = score("HAM-D-17", responses, bands=HAMD_OLDER_CONVENTION_BANDS)
    assert (result.total, result.band, result.band_set) == (
        total,
        band,
        HAMD_OLDER_CONVENTION_BANDS.name,
    )


def test_hamd_offers_both_band_sets_default_first() -> None:
    assert get_instrument("HAM-D-17").band_sets == (
        HAMD_ZIMMERMAN_2013_BANDS,
        HAMD_OLDER_CONVENTION_BANDS,
    )


def test_hamd_custom_band_set_must_cover_0_to_52() -> None:
    custom = BandSet("local", "service policy", (Band(0, 10, "lower"), Band(11, 52, "higher")))
    assert score("HAM-D-17", [1] * 17, bands=custom).band == "higher"
    short = BandSet("short", "typo", (Band(0, 10, "lower"), Band(11, 30, "higher")))
    with pytest.raises(MeasureInputError, match="0–52"):
        score("HAM-D-17", [0] * 17, bands=short)


@pytest.mark.parametrize(
    "bands",
    [
        (Band(1, 52, "gap at zero"),),
        (Band(0, 7, "a"), Band(9, 52, "gap")),
        (Band(0, 7, "a"), Band(7, 52, "overlap")),
        (Band(0, 7, "a"), Band(8, 6, "backwards")),
        (),
    ],
)
def test_malformed_band_sets_are_refused(bands: tuple[Band, ...]) -> None:
    with pytest.raises(MeasureInputError):
        BandSet("bad", "test", bands)


@pytest.mark.parametrize("value", [1, 2, 3, 4])
def test_hamd_item3_flags_at_every_nonzero_value(value: int) -> None:
    responses: list[int | None] = [0] * 17
    responses[2] = value
    (flag,) = score("HAM-D-17", responses).risk_flags
    assert (flag.item, flag.value, flag.source, flag.reason) == (
        3,
        value,
        "HAM-D-17 item 3",
        "endorsed",
    )
    assert flag.banner == f"HAM-D-17 item 3 endorsed: rated {value} — clinician review required"


def test_hamd_item3_zero_or_unrated() -> None:
    assert score("HAM-D-17", [2] * 3 + [0] * 14).risk_flags[0].value == 2
    assert score("HAM-D-17", [1, 1, 0] + [1] * 14).risk_flags == ()
    (flag,) = score("HAM-D-17", [1, 1, None] + [1] * 14).risk_flags
    assert flag.reason == "unanswered – needs clinician review"


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "below threshold (<13)"),
        (12, "below threshold (<13)"),
        (13, "at or above threshold (≥13)"),
        (30, "at or above threshold (≥13)"),
    ],
)
def test_epds_default_threshold_13(total: int, band: str) -> None:
    pin = {10: 0} if total <= 27 else None
    result = score("EPDS", responses_totalling("EPDS", total, fixed=pin))
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(("total", "at_or_above"), [(9, False), (10, True)])
def test_epds_alternative_threshold_10(total: int, at_or_above: bool) -> None:
    result = score("EPDS", responses_totalling("EPDS", total), bands=EPDS_THRESHOLD_10_BANDS)
    assert result.band == (
        "at or above threshold (≥10)" if at_or_above else "below threshold (<10)"
    )


def test_epds_threshold_for_a_translation() -> None:
    bands = epds_threshold_bands(11, source="validated translation")
    assert score("EPDS", responses_totalling("EPDS", 11), bands=bands).band == (
        "at or above threshold (≥11)"
    )
    for bad in (0, 31):
        with pytest.raises(MeasureInputError, match="1–30"):
            epds_threshold_bands(bad)


@pytest.mark.parametrize("value", [1, 2, 3])
def test_epds_item10_flags_at_every_nonzero_value(value: int) -> None:
    (flag,) = score("EPDS", [0] * 9 + [value]).risk_flags
    assert (flag.item, flag.value, flag.source, flag.reason) == (
        10,
        value,
        "EPDS item 10",
        "endorsed",
    )


def test_epds_item10_zero_or_unanswered() -> None:
    assert score("EPDS", [3] * 9 + [0]).risk_flags == ()
    (flag,) = score("EPDS", [0] * 9 + [None]).risk_flags
    assert (flag.value, flag.reason) == (None, "unanswered – needs clinician review")


def test_epds_is_score_entry_only_with_the_rcpsych_notice() -> None:
    epds = get_instrument("EPDS")
    assert len(epds.items) == 10
    assert all(item.max_value == 3 and item.text is None for item in epds.items)
    assert all(item.options == () for item in epds.items)
    assert epds.stem is None
    assert not epds.ships_item_text
    assert "Royal College of Psychiatrists" in epds.notice
    assert "permission" in epds.notice
    with pytest.raises(MeasureInputError, match=r"EPDS item 2: 4 .*allowed 0–3"):
        score("EPDS", [0, 4] + [0] * 8)
    with pytest.raises(MeasureInputError, match="no difficulty item"):
        score("EPDS", [0] * 10, difficulty=1)
