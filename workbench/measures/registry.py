"""The shipped instruments by id; the only place that lists them."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from workbench.measures.epds import EPDS
from workbench.measures.gad7 import GAD7
from workbench.measures.hamd17 import HAMD17
from workbench.measures.model import Instrument, MeasureInputError
from workbench.measures.phq9 import PHQ9

INSTRUMENTS: Mapping[str, Instrument] = MappingProxyType(
    {instrument.id: instrument for instrument in (PHQ9, GAD7, HAMD17, EPDS)}
)


def get_instrument(instrument_id: str) -> Instrument:
    """The instrument called *instrument_id* (e.g. "PHQ-9")."""
    try:
        return INSTRUMENTS[instrument_id]
    except KeyError:
        known = ", ".join(INSTRUMENTS)
        raise MeasureInputError(
            f"Unknown instrument {instrument_id!r}; known instruments: {known}."
        ) from None
