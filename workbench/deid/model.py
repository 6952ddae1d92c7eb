"""What de-identification knows and what it reports: identifiers, rules and marked replacements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

# Rule ids, in the order the docs list them; recorded in the audit log of each export.
RULES = (
    "record-names",  # the client's names, preferred name and aliases, with their parts
    "record-people",  # inventory people's names and nicknames
    "record-places",  # places stored on the client, the people and timeline events
    "record-contact",  # the client's contact details as stored
    "client-code",  # the vault's client code becomes a pseudonym
    "extra-terms",  # terms the clinician added in the preview
    "dates",  # all but the year, or "week N of the episode"
    "phone-numbers",
    "e-mail",
    "postcodes",
    "urls",
    "ip-addresses",
    "digit-runs",  # health, insurance and account numbers
    "ages-over-89",
)


class Candidate(NamedTuple):
    """One identifier found in the original text, before overlaps are resolved."""

    start: int
    end: int
    rule: str
    kind: str  # what the original was: "client name", "place", "date", "phone number", ...
    replacement: str
    priority: int  # higher wins when two candidates cover the same span


@dataclass(frozen=True)
class Mark:
    """One replacement: where it sits in the de-identified text, why, and what kind it was."""

    start: int  # in the de-identified text
    end: int
    rule: str
    kind: str
    replacement: str


@dataclass(frozen=True)
class MarkedText:
    """De-identified text with every replacement marked (for the preview before an export)."""

    text: str
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class KnownPerson:
    """An inventory person as de-identification sees them: a neutral label and what names them."""

    label: str  # "sibling", "friend B": what replaces the names
    names: tuple[str, ...]  # alias and nicknames
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownIdentifiers:
    """Everything the record itself knows identifies the client (matched first, everywhere)."""

    client_names: tuple[str, ...] = ()  # given, family, preferred name and aliases
    client_places: tuple[str, ...] = ()
    client_contact: tuple[str, ...] = ()  # phone, e-mail, address as stored
    client_code: str = ""
    date_of_birth: str | None = None
    people: tuple[KnownPerson, ...] = ()
    event_places: tuple[str, ...] = ()
    extra_terms: tuple[str, ...] = field(default=())
