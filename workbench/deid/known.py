"""Identifiers the record knows (names, nicknames, places, contact), matched in any case or
simple inflection with accents folded: 'Magda', "MAGDA'S", 'Magdy', 'Gdansk' for 'Gdańsk'."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.deid.folding import fold_term, fold_with_map
from workbench.deid.model import Candidate, KnownIdentifiers

# Name particles that are words of their own and never removed alone ("van", "de").
PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "del",
        "della",
        "la",
        "le",
        "du",
        "des",
        "dos",
        "das",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "e",
        "st",
        "mc",
    }
)
VOWELS = frozenset("aeiouy")
_SPLIT_NAME = re.compile(r"[\s\-‐–/]+")
_SPLIT_PLACE = re.compile(r"\s*[,;\n]\s*")


@dataclass(frozen=True)
class Term:
    rule: str
    kind: str
    replacement: str
    priority: int


def name_variants(name: str, *, split_lowercase: bool = True) -> list[str]:
    """The whole name and each part of it ('Ruiz-Kato' -> 'Ruiz', 'Kato'), particles left out.

    With *split_lowercase* False, only capitalised parts are taken alone, so an alias that is
    a role ('older sister') is removed whole but its words stay words.
    """
    name = name.strip().strip(".")
    if not name:
        return []
    found = [name]
    parts = [p.strip(".'’") for p in _SPLIT_NAME.split(name)]
    for part in parts if len(parts) > 1 else []:
        if len(part) < 2 or fold_term(part) in PARTICLES:
            continue
        if split_lowercase or part[:1].isupper():
            found.append(part)
    return found


def place_variants(place: str) -> list[str]:
    """The whole place and each comma-separated part ('Ward 4, St Brigid's' -> both)."""
    place = place.strip()
    if not place:
        return []
    parts = [p for p in _SPLIT_PLACE.split(place) if len(p) >= 3]
    return [place, *parts] if len(parts) > 1 else [place]


class KnownMatcher:
    """One compiled pattern over every known term; the first registration of a term wins."""

    def __init__(self, known: KnownIdentifiers) -> None:
        self._terms: dict[str, Term] = {}
        client = Term("record-names", "client name", "[client]", 60)
        for name in known.client_names:
            self._add(name_variants(name), client)
        if known.client_code:
            self._add([known.client_code], Term("client-code", "client code", "", 70))
        for extra in known.extra_terms:
            self._add([extra], Term("extra-terms", "term added by the clinician", "[removed]", 65))
        for person in known.people:
            term = Term("record-people", "person's name", f"[{person.label}]", 55)
            for name in person.names:
                self._add(name_variants(name, split_lowercase=False), term)
        contact = Term("record-contact", "contact detail", "[contact detail]", 58)
        for value in known.client_contact:
            self._add(place_variants(value), contact)
        place = Term("record-places", "place", "[place]", 50)
        people_places = [p for person in known.people for p in person.places]
        for value in (*known.client_places, *people_places, *known.event_places):
            self._add(place_variants(value), place)
        self._pattern = self._compile()

    def _add(self, variants: Iterable[str], term: Term) -> None:
        for variant in variants:
            key = fold_term(variant.strip())
            if len(key) >= 2 and key not in self._terms:
                self._terms[key] = term

    def _compile(self) -> re.Pattern[str] | None:
        if not self._terms:
            return None
        ordered = sorted(self._terms, key=len, reverse=True)
        short = [t for t in ordered if len(t) <= 3]
        longer = [t for t in ordered if len(t) > 3]
        stems = [t[:-1] for t in longer if len(t) >= 5 and t[-1] in VOWELS and t[-2].isalpha()]

        def alts(terms: list[str]) -> str:
            return "|".join(re.escape(t) for t in terms) or "(?!)"

        # Short terms take only a possessive or plural; longer ones a short ending ('Kowalska'
        # -> 'Kowalskiej' through the stem 'kowalsk'). Endings are letters, so spans stay words.
        return re.compile(
            rf"(?<!\w)(?:(?P<long>{alts(longer)})(?:['’]s?|[^\W\d_]{{0,3}})"
            rf"|(?P<short>{alts(short)})(?:['’]s?|s)?"
            rf"|(?P<stem>{alts(stems)})[^\W\d_]{{1,4}})(?!\w)"
        )

    def _term_of(self, match: re.Match[str]) -> Term:
        base = match.group("long") or match.group("short")
        if base is not None:
            return self._terms[base]
        stem = match.group("stem")
        return next(term for key, term in self._terms.items() if key[:-1] == stem and len(key) >= 5)

    def find(self, text: str, code_label: str) -> list[Candidate]:
        if self._pattern is None or not text:
            return []
        folded, where = fold_with_map(text)
        found = []
        for match in self._pattern.finditer(folded):
            term = self._term_of(match)
            start, end = where[match.start()], where[match.end()]
            replacement = code_label if term.rule == "client-code" else term.replacement
            found.append(Candidate(start, end, term.rule, term.kind, replacement, term.priority))
        return found
