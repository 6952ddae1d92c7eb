"""Build response lists with a chosen total for any instrument."""

from __future__ import annotations

from workbench.measures import get_instrument


def responses_totalling(
    instrument_id: str, total: int, *, fixed: dict[int, int] | None = None
) -> list[int | None]:
    """Answers summing to *total*, filling items greedily; *fixed* pins item → value."""
    instrument = get_instrument(instrument_id)
    pinned = fixed or {}
    rest = total - sum(pinned.values())
    values: list[int | None] = []
    for item in instrument.items:
        if item.number in pinned:
            values.append(pinned[item.number])
            continue
        step = min(item.max_value, rest)
        values.append(step)
        rest -= step
    assert rest == 0, f"cannot reach {total} with {pinned}"
    assert sum(v for v in values if v is not None) == total
    return values
