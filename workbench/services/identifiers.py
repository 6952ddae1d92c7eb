"""What names the client, the people and the places in the record, so that de-identified
exports can remove it: aliases and nicknames, home town, workplace, school, services."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.errors import InvalidInput
from workbench.store import identifiers
from workbench.store.vault import Vault

MAX_ENTRIES = 50


def _clean(values: Iterable[str], what: str) -> tuple[str, ...]:
    cleaned: list[str] = []
    for value in values:
        text = " ".join(str(value).split())
        if text and text.casefold() not in {c.casefold() for c in cleaned}:
            cleaned.append(text)
    if any(len(v) < 2 for v in cleaned):
        raise InvalidInput(f"Each {what} needs at least two characters.")
    if len(cleaned) > MAX_ENTRIES:
        raise InvalidInput(f"Keep at most {MAX_ENTRIES} {what}s.")
    return tuple(cleaned)


def set_client_identifiers(
    vault: Vault, client_id: int, *, aliases: Iterable[str], places: Iterable[str]
) -> None:
    """The client's other names (nicknames, maiden name) and places (town, work, school)."""
    names, where = _clean(aliases, "alias"), _clean(places, "place")
    with vault.transaction() as tx:
        identifiers.set_identifiers(tx, "client", client_id, aliases=names, places=where)
        vault.audit(tx, "edit", "client", client_id)


def set_person_identifiers(
    vault: Vault, person_id: int, *, aliases: Iterable[str], places: Iterable[str]
) -> None:
    """An inventory person's nicknames and the places that would name them."""
    names, where = _clean(aliases, "nickname"), _clean(places, "place")
    with vault.transaction() as tx:
        identifiers.set_identifiers(tx, "person", person_id, aliases=names, places=where)
        vault.audit(tx, "edit", "person", person_id)


def set_event_places(vault: Vault, event_id: int, places: Iterable[str]) -> None:
    """Where a life event happened (a hospital, a cemetery, a town)."""
    where = _clean(places, "place")
    with vault.transaction() as tx:
        identifiers.set_identifiers(tx, "timeline-event", event_id, aliases=None, places=where)
        vault.audit(tx, "edit", "timeline-event", event_id)
