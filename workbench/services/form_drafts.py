"""Autosaved drafts of forms that are signed or recorded in one step (risk note, addendum, measure).

A draft is the clinician's unsigned work in progress, not a clinical record: saving or discarding
one writes no audit entry (the audit log records clinical actions; an autosave every pause in
typing would bury them), and drafts are left out of every export (see store/export_json.py).
Signing or recording the real thing discards its draft in the same transaction.
"""

from __future__ import annotations

from typing import Any

from workbench.errors import InvalidInput
from workbench.store import form_drafts
from workbench.store.form_drafts import ADDENDUM, MEASURE, RISK_NOTE
from workbench.store.vault import Vault

__all__ = ["ADDENDUM", "MEASURE", "RISK_NOTE", "discard_draft", "load_draft", "save_draft"]


def _check(kind: str) -> None:
    if kind not in form_drafts.KINDS:
        raise InvalidInput("Unknown kind of draft.")


def save_draft(vault: Vault, episode_id: int, kind: str, ref: str, body: dict[str, Any]) -> None:
    """Keep *body* as the draft; an empty body means nothing is typed, so the draft is dropped."""
    _check(kind)
    with vault.transaction() as tx:
        if body:
            form_drafts.save(tx, vault.now(), episode_id, kind, ref, body)
        else:
            form_drafts.discard(tx, episode_id, kind, ref)


def load_draft(vault: Vault, episode_id: int, kind: str, ref: str) -> dict[str, Any] | None:
    _check(kind)
    with vault.reading() as conn:
        return form_drafts.load(conn, episode_id, kind, ref)


def discard_draft(vault: Vault, episode_id: int, kind: str, ref: str) -> None:
    _check(kind)
    with vault.transaction() as tx:
        form_drafts.discard(tx, episode_id, kind, ref)
