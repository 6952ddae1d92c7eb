"""Drafts a lock could not save, held sealed (never readable) until their vault is unlocked."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError
from workbench.services import form_drafts, sessions
from workbench.store.sealing import SealBroken
from workbench.store.vault import Vault

FORMAT = 1
SESSION_NOTE = "session_note"  # the kind of an UnsavedDraft of a session note's body
Body = dict[str, Any]


@dataclass(frozen=True)
class UnsavedDraft:
    """Text the vault does not have yet: a session note (*note_id*) or a form draft (*ref*)."""

    kind: str  # SESSION_NOTE or a form-draft kind (risk note, addendum, measure)
    episode_id: int | None  # None for a session note: the note knows its episode
    note_id: int | None  # only for a session note
    ref: str
    body: Body


@dataclass(frozen=True)
class HeldDrafts:
    """The sealed JSON of some unsaved drafts and the folder of the vault that sealed them."""

    folder: Path
    blob: bytes

    def belongs_to(self, vault: Vault) -> bool:
        return self.folder.resolve() == vault.folder.resolve()


@dataclass(frozen=True)
class Outcome:
    """What saving held drafts left: the ones still unsaved (sealed again) and why."""

    left: HeldDrafts | None
    error: WorkbenchError | None


def hold(vault: Vault, drafts: list[UnsavedDraft]) -> HeldDrafts:
    """Seal *drafts* for *vault* (open): only ciphertext leaves this function."""
    records = [
        {
            "kind": d.kind,
            "episode_id": d.episode_id,
            "note_id": d.note_id,
            "ref": d.ref,
            "body": d.body,
        }
        for d in drafts
    ]
    data = json.dumps({"format": FORMAT, "drafts": records}, ensure_ascii=False, default=str)
    return HeldDrafts(vault.folder, vault.seal(data.encode("utf-8")))


def save_held(vault: Vault, held: HeldDrafts) -> Outcome:
    """Save every held draft through the services; a failure never raises, it is returned."""
    try:
        drafts = _drafts(vault.unseal(held.blob))
    except WorkbenchError as error:
        return Outcome(held, error)
    left: list[UnsavedDraft] = []
    first_error: WorkbenchError | None = None
    for draft in drafts:
        try:
            _save(vault, draft)
        except WorkbenchError as error:
            left.append(draft)
            first_error = first_error or error
    if not left:
        return Outcome(None, None)
    try:
        return Outcome(hold(vault, left), first_error)
    except WorkbenchError as error:  # cannot seal the rest: keep the old blob, all of it
        return Outcome(held, error)


def _save(vault: Vault, draft: UnsavedDraft) -> None:
    if draft.kind == SESSION_NOTE and draft.note_id is not None:
        sessions.save_note(vault, draft.note_id, draft.body)
    elif draft.episode_id is not None:
        form_drafts.save_draft(vault, draft.episode_id, draft.kind, draft.ref, draft.body)
    else:
        raise SealBroken()


def _drafts(data: bytes) -> list[UnsavedDraft]:
    try:
        parsed: Any = json.loads(data.decode("utf-8"))
        if parsed.get("format") != FORMAT:
            raise SealBroken()
        return [
            UnsavedDraft(
                str(r["kind"]),
                None if r["episode_id"] is None else int(r["episode_id"]),
                None if r["note_id"] is None else int(r["note_id"]),
                str(r["ref"]),
                dict(r["body"]),
            )
            for r in parsed["drafts"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise SealBroken() from None
