"""Passphrase handling: NFC normalisation to bytes and the strength gate used at creation."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from zxcvbn import zxcvbn

from workbench.errors import InvalidInput, WeakPassphrase, WrongPassphrase

MIN_LENGTH = 12
MIN_SCORE = 3
MAX_LENGTH = 1024
_ZXCVBN_MAX = 256


def passphrase_bytes(passphrase: str) -> bytearray:
    """UTF-8 of the NFC form, so the same typed text unlocks whatever the keyboard sent."""
    try:
        return bytearray(unicodedata.normalize("NFC", passphrase).encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise InvalidInput(
            "The passphrase contains characters that cannot be used; type it again."
        ) from exc


def unlock_secret(passphrase: str) -> bytearray:
    """Bytes to try at unlock; text that could never have been set counts as a wrong passphrase."""
    try:
        return passphrase_bytes(passphrase)
    except InvalidInput as exc:  # e.g. lone surrogates
        raise WrongPassphrase() from exc


def check_strength(passphrase: str, user_inputs: Iterable[str] = ()) -> None:
    """Refuse passphrases shorter than 12 characters or that zxcvbn scores below 3."""
    if len(passphrase) < MIN_LENGTH:
        raise WeakPassphrase(
            f"Use at least {MIN_LENGTH} characters; several unrelated words work well."
        )
    if len(passphrase) > MAX_LENGTH:
        raise WeakPassphrase(f"Use at most {MAX_LENGTH} characters.")
    passphrase_bytes(passphrase)  # refuses unencodable text with a plain message
    result = zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=list(user_inputs), max_length=_ZXCVBN_MAX)
    if int(result["score"]) < MIN_SCORE:
        feedback = result.get("feedback") or {}
        hint = feedback.get("warning") or ""
        suggestions = " ".join(feedback.get("suggestions") or [])
        detail = " ".join(part for part in (hint, suggestions) if part)
        raise WeakPassphrase(
            "That passphrase is too easy to guess. "
            + (detail or "Add another unusual word or two.")
        )
