"""Scoring: validate responses, total only when complete, flag risk items, never prorate."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.measures.model import (
    ENDORSED,
    UNANSWERED,
    BandSet,
    Instrument,
    MeasureInputError,
    RiskFlag,
    Score,
)
from workbench.measures.registry import get_instrument


def score(
    instrument_id: str,
    responses: Sequence[int | None],
    *,
    bands: BandSet | None = None,
    difficulty: int | None = None,
) -> Score:
    """Score one administration; None marks an unanswered item.

    Any unanswered item leaves the total and band as None (no proration, §10.1). Risk items
    are flagged when endorsed (> 0) or unanswered (§11.2). *bands* picks another band set
    for instruments whose bands are configurable (HAM-D-17, EPDS). *difficulty* is the
    unscored PHQ-9/GAD-7 function item (0-3), stored on the score but never in the total.
    """
    instrument = get_instrument(instrument_id)
    values = _validated(instrument, responses)
    band_set = _band_set(instrument, bands)
    _check_difficulty(instrument, difficulty)

    missing = tuple(n for n, value in enumerate(values, start=1) if value is None)
    answered = [value for value in values if value is not None]
    complete = not missing
    total = sum(answered) if complete else None
    return Score(
        instrument=instrument.id,
        total=total,
        band=band_set.label_for(total) if total is not None else None,
        complete=complete,
        answered=len(answered),
        risk_flags=_risk_flags(instrument, values),
        missing_items=missing,
        responses=values,
        difficulty=difficulty,
        band_set=band_set.name,
    )


def _validated(instrument: Instrument, responses: Sequence[int | None]) -> tuple[int | None, ...]:
    count = len(instrument.items)
    if isinstance(responses, str | bytes) or not isinstance(responses, Sequence):
        raise MeasureInputError(
            f"{instrument.id} responses must be a sequence of {count} item values.",
            instrument=instrument.id,
        )
    if len(responses) != count:
        hint = (
            " Pass the unscored difficulty item separately as difficulty=."
            if instrument.difficulty is not None and len(responses) == count + 1
            else ""
        )
        raise MeasureInputError(
            f"{instrument.id} needs exactly {count} item responses (items 1–{count}, None for "
            f"unanswered); got {len(responses)}.{hint}",
            instrument=instrument.id,
        )
    for item, value in zip(instrument.items, responses, strict=True):
        if value is None:
            continue
        allowed = (0, item.max_value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise MeasureInputError(
                f"{instrument.id} item {item.number}: {value!r} is not a whole number; allowed "
                f"0–{item.max_value}, or None when unanswered.",
                instrument=instrument.id,
                item=item.number,
                allowed=allowed,
            )
        if not 0 <= value <= item.max_value:
            raise MeasureInputError(
                f"{instrument.id} item {item.number}: {value} is out of range; allowed "
                f"0–{item.max_value}, or None when unanswered.",
                instrument=instrument.id,
                item=item.number,
                allowed=allowed,
            )
    return tuple(responses)


def _band_set(instrument: Instrument, bands: BandSet | None) -> BandSet:
    if bands is None:
        return instrument.default_bands
    if not instrument.bands_configurable:
        raise MeasureInputError(
            f"{instrument.id} bands are fixed by the instrument's authors and cannot be replaced.",
            instrument=instrument.id,
        )
    if bands.max_total != instrument.max_total:
        raise MeasureInputError(
            f"Band set {bands.name!r} covers 0–{bands.max_total}, but {instrument.id} totals "
            f"run 0–{instrument.max_total}.",
            instrument=instrument.id,
        )
    return bands


def _check_difficulty(instrument: Instrument, difficulty: int | None) -> None:
    if difficulty is None:
        return
    if instrument.difficulty is None:
        raise MeasureInputError(
            f"{instrument.id} has no difficulty item.", instrument=instrument.id
        )
    top = instrument.difficulty.max_value
    if (
        isinstance(difficulty, bool)
        or not isinstance(difficulty, int)
        or not 0 <= difficulty <= top
    ):
        raise MeasureInputError(
            f"{instrument.id} difficulty item: {difficulty!r} is out of range; allowed 0–{top}, "
            "or None when unanswered.",
            instrument=instrument.id,
            allowed=(0, top),
        )


def _risk_flags(instrument: Instrument, values: tuple[int | None, ...]) -> tuple[RiskFlag, ...]:
    flags: list[RiskFlag] = []
    for number in instrument.risk_items:
        value = values[number - 1]
        if value == 0:
            continue  # not endorsed; still not an all-clear (§11.1)
        flags.append(
            RiskFlag(
                item=number,
                value=value,
                source=f"{instrument.id} item {number}",
                reason=UNANSWERED if value is None else ENDORSED,
                response_label=None
                if value is None
                else instrument.item(number).option_label(value),
            )
        )
    return tuple(flags)
