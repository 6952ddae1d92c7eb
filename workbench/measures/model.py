"""Plain data types of the symptom measures: instruments, bands, scores and risk flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RiskReason = Literal["endorsed", "unanswered – needs clinician review"]
ENDORSED: RiskReason = "endorsed"
UNANSWERED: RiskReason = "unanswered – needs clinician review"


class MeasureInputError(ValueError):
    """Responses, bands or thresholds that do not fit the instrument; names the item and range."""

    def __init__(
        self,
        message: str,
        *,
        instrument: str | None = None,
        item: int | None = None,
        allowed: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(message)
        self.instrument = instrument
        self.item = item
        self.allowed = allowed


@dataclass(frozen=True)
class Option:
    """One response option as printed on the form, with the value it scores."""

    value: int
    label: str


@dataclass(frozen=True)
class Item:
    """A scored item: official text when licensed to ship it, else None (score entry only)."""

    number: int
    max_value: int
    text: str | None = None
    label: str | None = None  # short domain name for rater forms, e.g. "Suicide"
    options: tuple[Option, ...] = ()

    def option_label(self, value: int) -> str | None:
        """The printed label of *value*, if this item ships its options."""
        return next((o.label for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class UnscoredItem:
    """An item that is stored and shown but never added to the total (PHQ/GAD difficulty)."""

    text: str
    options: tuple[Option, ...]

    @property
    def max_value(self) -> int:
        return max(o.value for o in self.options)


@dataclass(frozen=True)
class Band:
    """An inclusive score range and its label (a label only, never an action)."""

    low: int
    high: int
    label: str


@dataclass(frozen=True)
class BandSet:
    """Contiguous bands from 0 upwards, named so a display can say which set was applied."""

    name: str
    source: str
    bands: tuple[Band, ...]

    def __post_init__(self) -> None:
        if not self.bands:
            raise MeasureInputError(f"Band set {self.name!r} has no bands.")
        expected_low = 0
        for band in self.bands:
            if band.low != expected_low or band.high < band.low:
                raise MeasureInputError(
                    f"Band set {self.name!r}: band {band.label!r} ({band.low}–{band.high}) "
                    f"must start at {expected_low} and not end below its start."
                )
            expected_low = band.high + 1

    @property
    def max_total(self) -> int:
        return self.bands[-1].high

    def label_for(self, total: int) -> str:
        """The label of the band holding *total*."""
        for band in self.bands:
            if band.low <= total <= band.high:
                return band.label
        raise MeasureInputError(
            f"Total {total} is outside band set {self.name!r} (0–{self.max_total})."
        )


@dataclass(frozen=True)
class Instrument:
    """A measure's definition; the first band set is the default."""

    id: str
    title: str
    rated_by: Literal["patient", "clinician"]
    period: str
    stem: str | None
    items: tuple[Item, ...]
    band_sets: tuple[BandSet, ...]
    bands_configurable: bool
    risk_items: tuple[int, ...]
    notice: str
    difficulty: UnscoredItem | None = None

    @property
    def max_total(self) -> int:
        return sum(item.max_value for item in self.items)

    @property
    def default_bands(self) -> BandSet:
        return self.band_sets[0]

    @property
    def ships_item_text(self) -> bool:
        return all(item.text is not None for item in self.items)

    def item(self, number: int) -> Item:
        """Item *number*, counted from 1 as on the form."""
        if not 1 <= number <= len(self.items):
            raise MeasureInputError(
                f"{self.id} has items 1–{len(self.items)}; there is no item {number}.",
                instrument=self.id,
                item=number,
            )
        return self.items[number - 1]


@dataclass(frozen=True)
class RiskFlag:
    """A risk item that needs clinician review: endorsed (value > 0) or left unanswered."""

    item: int
    value: int | None
    source: str  # e.g. "PHQ-9 item 9"
    reason: RiskReason
    response_label: str | None = None  # printed option text, when the form ships it

    @property
    def banner(self) -> str:
        """Clinician-only banner text (ipt-reference §11.2); a flag, never advice."""
        if self.value is None:
            return f"{self.source} unanswered — clinician review required"
        response = self.response_label or f"rated {self.value}"
        return f"{self.source} endorsed: {response} — clinician review required"


@dataclass(frozen=True)
class Score:
    """One administration scored: total and band only when every item was answered."""

    instrument: str
    total: int | None
    band: str | None
    complete: bool
    answered: int
    risk_flags: tuple[RiskFlag, ...] = ()
    missing_items: tuple[int, ...] = ()
    responses: tuple[int | None, ...] = field(default=())
    difficulty: int | None = None  # unscored function item, never in the total
    band_set: str | None = None  # name of the band set the band label came from
