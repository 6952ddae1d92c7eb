"""Client codes are opaque and unique: a random draw that collides is drawn again."""

from __future__ import annotations

import pytest

from workbench.store import clients
from workbench.store.vault import Vault


def test_a_colliding_random_code_is_drawn_again(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws = iter(["C-222222", "C-222222", "C-333333"])
    monkeypatch.setattr(clients, "new_client_code", lambda: next(draws))
    with vault.transaction() as tx:
        first = clients.add_client(tx, vault.now(), given_name="Ada", family_name="Quill")
        second = clients.add_client(tx, vault.now(), given_name="Bea", family_name="Quill")
    with vault.reading() as conn:
        codes = {c.id: c.code for c in clients.list_clients(conn)}
    assert codes == {first: "C-222222", second: "C-333333"}
