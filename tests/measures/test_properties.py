"""Property tests: totals are sums only when complete; risk flags iff risk item nonzero or None."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.measures import INSTRUMENTS, get_instrument, response, score

PROPERTY = settings(max_examples=200, database=None, deadline=None)


def _form(instrument_id: str) -> st.SearchStrategy[tuple[str, list[int | None]]]:
    """Any valid form for *instrument_id*: each item in range or left unanswered (None)."""
    items = [
        st.none() | st.integers(0, item.max_value) for item in get_instrument(instrument_id).items
    ]
    return st.tuples(st.just(instrument_id), st.tuples(*items).map(list))


forms = st.sampled_from(list(INSTRUMENTS)).flatmap(_form)


@PROPERTY
@given(form=forms)
def test_total_is_the_sum_exactly_when_complete(form: tuple[str, list[int | None]]) -> None:
    instrument_id, responses = form
    result = score(instrument_id, responses)
    answered = [v for v in responses if v is not None]
    assert result.answered == len(answered)
    assert result.missing_items == tuple(i for i, v in enumerate(responses, 1) if v is None)
    if None in responses:
        assert result.total is None
        assert result.band is None
        assert not result.complete
    else:
        assert result.complete
        assert result.total == sum(answered)
        assert result.band is not None


@PROPERTY
@given(form=forms)
def test_flags_iff_a_risk_item_is_nonzero_or_unanswered(form: tuple[str, list[int | None]]) -> None:
    instrument_id, responses = form
    result = score(instrument_id, responses)
    risk_items = get_instrument(instrument_id).risk_items
    expected = tuple(n for n in risk_items if responses[n - 1] != 0)
    assert tuple(flag.item for flag in result.risk_flags) == expected
    for flag in result.risk_flags:
        assert flag.value == responses[flag.item - 1]
        assert (flag.reason == "endorsed") == (flag.value is not None)


@PROPERTY
@given(
    item9=st.none() | st.integers(0, 3),
    others=st.lists(st.none() | st.integers(0, 3), min_size=8, max_size=8),
)
def test_phq9_item9_flag_never_depends_on_the_other_items(
    item9: int | None, others: list[int | None]
) -> None:
    flags = score("PHQ-9", [*others, item9]).risk_flags
    assert bool(flags) == (item9 != 0)


@PROPERTY
@given(baseline=st.integers(1, 52), current=st.integers(0, 52))
def test_response_status_matches_the_percentage(baseline: int, current: int) -> None:
    outcome = response(baseline, current)
    assert outcome.percent_fall is not None
    fall = (baseline - current) / baseline
    if fall >= 0.5 + 1e-9:
        assert outcome.status == "response"
    elif 0.25 + 1e-9 <= fall < 0.5 - 1e-9:
        assert outcome.status == "partial response"
    elif fall < 0.25 - 1e-9:
        assert outcome.status == "no response"
