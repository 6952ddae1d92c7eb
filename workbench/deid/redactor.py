"""How one report names the client, people and dates: as recorded, or de-identified through
the de-identifier (pseudonym for the code, neutral labels for people, weeks for dates)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from workbench.deid.engine import Deidentifier
from workbench.deid.model import KnownIdentifiers, KnownPerson, MarkedText
from workbench.domain.caseload import ClientRecord
from workbench.domain.inventory import Person, TimelineEvent


def age_band(date_of_birth: str | None, on: str) -> str:
    """A ten-year band ('30–39'); 90 and over is one band (Safe Harbor)."""
    if not date_of_birth:
        return "not recorded"
    born, day = date.fromisoformat(date_of_birth), date.fromisoformat(on[:10])
    years = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if years >= 90:
        return "90+"
    low = years // 10 * 10
    return f"{low}–{low + 9}"


def person_labels(people: Iterable[Person]) -> dict[int, str]:
    """Neutral labels by relationship; 'friend A', 'friend B' when two share one."""
    listed = list(people)
    counts = Counter(p.relationship for p in listed)
    seen: Counter[str] = Counter()
    labels = {}
    for p in listed:
        if counts[p.relationship] > 1:
            labels[p.id] = f"{p.relationship} {chr(ord('A') + seen[p.relationship] % 26)}"
            seen[p.relationship] += 1
        else:
            labels[p.id] = p.relationship
    return labels


def known_identifiers(
    client: ClientRecord,
    people: Iterable[Person],
    events: Iterable[TimelineEvent] = (),
    extra_terms: Iterable[str] = (),
) -> KnownIdentifiers:
    listed = list(people)
    labels = person_labels(listed)
    return KnownIdentifiers(
        client_names=tuple(
            n
            for n in (client.given_name, client.family_name, client.preferred_name, *client.aliases)
            if n.strip()
        ),
        client_places=client.places,
        client_contact=tuple(v for v in client.contact.values() if str(v).strip()),
        client_code=client.code,
        date_of_birth=client.date_of_birth,
        people=tuple(KnownPerson(labels[p.id], (p.alias, *p.aliases), p.places) for p in listed),
        event_places=tuple(place for e in events for place in e.places),
        extra_terms=tuple(t.strip() for t in extra_terms if t.strip()),
    )


class Redactor:
    """Renders names, people and dates for one report, de-identified or not."""

    def __init__(
        self,
        client: ClientRecord,
        episode_start: str,
        *,
        active: bool,
        people: Iterable[Person] = (),
        events: Iterable[TimelineEvent] = (),
        extra_terms: Iterable[str] = (),
        pseudonym: str = "",
        today: str,
    ) -> None:
        listed = list(people)
        self.active = active
        self.client = client
        self.pseudonym = pseudonym or "Case"
        labels = person_labels(listed)
        self._labels = {p.alias: labels[p.id] for p in listed}
        self.shown: list[MarkedText] = []  # every free text this report printed, for the preview
        self.deid = Deidentifier(
            known_identifiers(client, listed, events, extra_terms),
            pseudonym=self.pseudonym,
            episode_start=episode_start,
            today=today,
        )

    @property
    def client_label(self) -> str:
        return self.pseudonym if self.active else self.client.display_name

    def person(self, alias: str) -> str:
        return self._labels.get(alias, "person") if self.active else alias

    def when(self, day: str | None) -> str:
        """A date, or its week relative to the episode start when de-identified."""
        if not day:
            return "—"
        return self.deid.when(day) if self.active else day[:10]

    def text(self, value: str) -> str:
        """Free text with every identifier removed when de-identified; as written otherwise."""
        if not self.active or not value:
            return value
        marked = self.deid.marked(value)
        self.shown.append(marked)
        return marked.text

    def marked(self, value: str) -> MarkedText:
        return self.deid.marked(value) if self.active else MarkedText(value)

    def date_text(self, value: str) -> str:
        """A date typed in a field (e.g. a risk note's follow-up): relative when de-identified."""
        if not self.active or not value:
            return value
        try:
            return self.deid.when(date.fromisoformat(value.strip()[:10]).isoformat())
        except ValueError:
            return self.text(value)
