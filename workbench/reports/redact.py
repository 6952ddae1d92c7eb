"""De-identification: a client code for the name, role + initials for people, relative dates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from workbench.domain.caseload import ClientRecord


def initials(text: str) -> str:
    """'older sister' -> 'O. S.'; never more than the first letter of any word."""
    return " ".join(f"{w[0].upper()}." for w in re.findall(r"\w+", text) if w)


def age_band(date_of_birth: str | None, on: str) -> str:
    if not date_of_birth:
        return "not recorded"
    born, day = date.fromisoformat(date_of_birth), date.fromisoformat(on[:10])
    years = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    low = years // 10 * 10
    return f"{low}–{low + 9}"


class Redactor:
    """Renders names, people and dates for one report, de-identified or not."""

    def __init__(
        self,
        client: ClientRecord,
        episode_start: str,
        *,
        active: bool,
        people: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.active = active
        self.client = client
        self._start = date.fromisoformat(episode_start)
        self._people = {
            alias: f"{relationship} ({initials(alias)})" for alias, relationship in people
        }
        terms: dict[str, str] = {}
        for name in (
            client.given_name,
            client.family_name,
            client.preferred_name,
            client.display_name,
            *client.contact.values(),
            client.date_of_birth or "",
        ):
            if name and len(name.strip()) > 1:
                terms[name.strip()] = "[client]"
        terms.update({alias: label for alias, label in self._people.items() if alias})
        ordered = sorted(terms, key=len, reverse=True)
        self._terms = {t.casefold(): terms[t] for t in ordered}
        self._pattern = (
            re.compile("|".join(rf"(?<!\w){re.escape(t)}(?!\w)" for t in ordered), re.IGNORECASE)
            if ordered
            else None
        )

    @property
    def client_label(self) -> str:
        return self.client.code if self.active else self.client.display_name

    def person(self, alias: str) -> str:
        return self._people.get(alias, initials(alias)) if self.active else alias

    def when(self, day: str | None) -> str:
        """A date, or its week relative to the episode start when de-identified."""
        if not day:
            return "—"
        if not self.active:
            return day[:10]
        delta = (date.fromisoformat(day[:10]) - self._start).days
        if delta < 0:
            weeks = -delta // 7
            return "before the start" if weeks == 0 else f"{weeks} wk before start"
        return f"week {delta // 7 + 1}"

    def text(self, value: str) -> str:
        """Free text with the client's identifiers and people's names replaced."""
        if not self.active or self._pattern is None or not value:
            return value
        return self._pattern.sub(lambda m: self._terms[m.group(0).casefold()], value)
