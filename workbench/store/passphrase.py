"""Passphrase handling: NFC normalisation to bytes, the strength score and the creation gate."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbench.errors import InvalidInput, WeakPassphrase, WrongPassphrase

MIN_LENGTH = 12
MIN_SCORE = 3
MAX_LENGTH = 1024
_ZXCVBN_MAX = 256
_MAX_SCORE = 4
_PREFIX_WINDOWS = (64, 128)


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


@dataclass(frozen=True)
class Strength:
    """How guessable a passphrase is: zxcvbn's 0-4 score, whether creation accepts it, and why."""

    score: int
    acceptable: bool
    hint: str


def zxcvbn(password: str, **options: Any) -> dict[str, Any]:
    """zxcvbn's estimate, imported on first use: its dictionaries slowed the app's start-up."""
    from zxcvbn import zxcvbn as estimate

    return dict(estimate(password, **options))


def strength(passphrase: str, user_inputs: Iterable[str] = ()) -> Strength:
    """Score *passphrase* for the creation gate; `acceptable` exactly when `score >= MIN_SCORE`.

    zxcvbn's cost grows steeply with length (about 1 s at 256 characters), so growing prefixes
    are scored and the best score is kept: an attacker has to guess a prefix before the whole,
    so a prefix that is hard to guess makes the whole at least as hard.
    """
    if not passphrase:
        return Strength(0, False, "")
    if len(passphrase) > MAX_LENGTH:
        return Strength(0, False, f"Use at most {MAX_LENGTH} characters.")
    try:
        passphrase_bytes(passphrase)
    except InvalidInput as exc:
        return Strength(0, False, exc.user_message)
    inputs = list(user_inputs)
    score, feedback = 0, dict[str, Any]()
    for window in _windows(len(passphrase)):
        result = zxcvbn(passphrase[:window], user_inputs=inputs, max_length=window)
        if int(result["score"]) >= score:
            score, feedback = int(result["score"]), result.get("feedback") or {}
        if score >= _MAX_SCORE:
            break
    if len(passphrase) < MIN_LENGTH:
        return Strength(
            min(score, MIN_SCORE - 1),
            False,
            f"Use at least {MIN_LENGTH} characters; several unrelated words work well.",
        )
    if score < MIN_SCORE:
        hint = feedback.get("warning") or ""
        suggestions = " ".join(feedback.get("suggestions") or [])
        detail = " ".join(part for part in (hint, suggestions) if part)
        return Strength(
            score,
            False,
            "That passphrase is too easy to guess. "
            + (detail or "Add another unusual word or two."),
        )
    return Strength(score, True, "")


def _windows(length: int) -> list[int]:
    """Prefix lengths to score: the whole text when short, else 64, 128, ... up to the cap."""
    end = min(length, _ZXCVBN_MAX)
    windows = [w for w in _PREFIX_WINDOWS if w < end]
    return [*windows, end]


def check_strength(passphrase: str, user_inputs: Iterable[str] = ()) -> None:
    """Refuse passphrases shorter than 12 characters or that zxcvbn scores below 3."""
    verdict = strength(passphrase, user_inputs)
    if verdict.acceptable:
        return
    if MIN_LENGTH <= len(passphrase) <= MAX_LENGTH:
        passphrase_bytes(passphrase)  # unencodable text keeps its own error type (InvalidInput)
    raise WeakPassphrase(verdict.hint)
