"""The de-identifier of one export: known identifiers first, then patterns, every replacement
marked; structured dates become weeks of the episode and the client code a pseudonym."""

from __future__ import annotations

from datetime import date

from workbench.deid.known import KnownMatcher
from workbench.deid.model import Candidate, KnownIdentifiers, Mark, MarkedText
from workbench.deid.patterns import DateFrame, find_ages, find_contacts, find_dates

PATTERN_RULES = (
    "dates",
    "phone-numbers",
    "e-mail",
    "postcodes",
    "urls",
    "ip-addresses",
    "digit-runs",
    "ages-over-89",
)


class Deidentifier:
    """Removes what identifies one client from every text of one export.

    *pseudonym* replaces the client code (stable within the export); *today* is the export
    date, for relative weeks and ages.
    """

    def __init__(
        self,
        known: KnownIdentifiers,
        *,
        pseudonym: str,
        episode_start: str | None,
        today: str,
    ) -> None:
        self.known = known
        self.pseudonym = pseudonym
        self._matcher = KnownMatcher(known)
        start = date.fromisoformat(episode_start[:10]) if episode_start else None
        self._frame = DateFrame(start, date.fromisoformat(today[:10]))
        self.rules_used: set[str] = set()

    @property
    def rules_ran(self) -> tuple[str, ...]:
        """The rules this export applied (known-identifier rules only when the record has any)."""
        ran = []
        k = self.known
        if k.client_names:
            ran.append("record-names")
        if any(p.names for p in k.people):
            ran.append("record-people")
        if k.client_places or k.event_places or any(p.places for p in k.people):
            ran.append("record-places")
        if k.client_contact:
            ran.append("record-contact")
        if k.client_code:
            ran.append("client-code")
        if k.extra_terms:
            ran.append("extra-terms")
        return (*ran, *PATTERN_RULES)

    def candidates(self, text: str) -> list[Candidate]:
        return [
            *self._matcher.find(text, self.pseudonym),
            *find_contacts(text),
            *find_dates(text, self._frame),
            *find_ages(text),
        ]

    def marked(self, text: str) -> MarkedText:
        """The de-identified text with each replacement marked (span in the new text)."""
        if not text:
            return MarkedText(text)
        clusters = _clusters(self.candidates(text))
        out: list[str] = []
        marks: list[Mark] = []
        position = length = 0
        for start, end, winner in clusters:
            piece = text[position:start]
            out.append(piece)
            length += len(piece)
            out.append(winner.replacement)
            marks.append(
                Mark(
                    length,
                    length + len(winner.replacement),
                    winner.rule,
                    winner.kind,
                    winner.replacement,
                )
            )
            length += len(winner.replacement)
            position = end
            self.rules_used.add(winner.rule)
        out.append(text[position:])
        return MarkedText("".join(out), tuple(marks))

    def text(self, value: str) -> str:
        return self.marked(value).text

    def when(self, day: str | None) -> str:
        """A structured date of the episode as its week, or only its year before the start."""
        if not day:
            return "—"
        found = date.fromisoformat(day[:10])
        start = self._frame.episode_start
        if start is None:
            return str(found.year)
        delta = (found - start).days
        if delta < 0:
            weeks = -delta // 7
            return "before the start" if weeks == 0 else f"{weeks} wk before start"
        return f"week {delta // 7 + 1}"


def _clusters(found: list[Candidate]) -> list[tuple[int, int, Candidate]]:
    """Overlapping candidates merged into one span, replaced by the strongest of them."""
    merged: list[tuple[int, int, Candidate]] = []
    for cand in sorted(found, key=lambda c: (c.start, -c.end)):
        if cand.end <= cand.start:
            continue
        if merged and cand.start < merged[-1][1]:
            start, end, winner = merged[-1]
            strongest = cand if cand.priority > winner.priority else winner
            merged[-1] = (start, max(end, cand.end), strongest)
        else:
            merged.append((cand.start, cand.end, cand))
    return merged
