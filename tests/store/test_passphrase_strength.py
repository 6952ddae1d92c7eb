"""strength(): the score the create page shows is the gate check_strength applies."""

from __future__ import annotations

from typing import Any

import pytest
from zxcvbn import zxcvbn

from workbench.errors import InvalidInput, WeakPassphrase
from workbench.store import passphrase as passphrase_module
from workbench.store.passphrase import (
    MAX_LENGTH,
    MIN_LENGTH,
    MIN_SCORE,
    Strength,
    check_strength,
    strength,
)

STRONG = "gravel tangerine lighthouse accordion"
WORDS = "copper meadow whistles under nine paper moons while lantern orchards invent kites "
LONG_STRONG = (WORDS * 4)[:300]
LONG_WEAK = ("abc123" * 60)[:300]


@pytest.mark.parametrize(
    "text", ["", "short", "password1", "aaaaaaaaaaaaaaaa", STRONG, LONG_STRONG, LONG_WEAK]
)
def test_acceptable_exactly_when_score_reaches_the_minimum(text: str) -> None:
    verdict = strength(text)
    assert 0 <= verdict.score <= 4
    assert verdict.acceptable == (verdict.score >= MIN_SCORE)
    assert verdict.acceptable == (not verdict.hint) or not text


def test_empty_is_neutral() -> None:
    assert strength("") == Strength(0, False, "")


def test_short_is_refused_with_the_length_rule_even_if_unusual() -> None:
    verdict = strength("Xq7#vL9!pZ")  # hard to guess but under 12 characters
    assert not verdict.acceptable and verdict.score < MIN_SCORE
    assert f"at least {MIN_LENGTH} characters" in verdict.hint


def test_weak_gets_zxcvbn_advice() -> None:
    verdict = strength("password1234")
    assert not verdict.acceptable
    assert verdict.hint.startswith("That passphrase is too easy to guess.")


def test_strong_and_long_passphrases_are_acceptable() -> None:
    assert strength(STRONG).acceptable
    assert strength(LONG_STRONG) == Strength(4, True, "")


def test_long_weak_repetition_is_refused() -> None:
    verdict = strength(LONG_WEAK)
    assert not verdict.acceptable
    assert "Repeats" in verdict.hint


def test_too_long_and_unencodable_are_refused_plainly() -> None:
    assert strength("x" * (MAX_LENGTH + 1)).hint == f"Use at most {MAX_LENGTH} characters."
    odd = "lighthouse accordion \ud800 gravel"
    assert "cannot be used" in strength(odd).hint
    with pytest.raises(InvalidInput):
        check_strength(odd)


@pytest.mark.parametrize("text", ["short", "password1234", LONG_WEAK, "x" * (MAX_LENGTH + 1)])
def test_check_strength_raises_the_same_hint(text: str) -> None:
    with pytest.raises(WeakPassphrase) as refused:
        check_strength(text)
    assert refused.value.user_message == strength(text).hint


def test_user_inputs_count() -> None:
    assert not strength("Jennifer1984!", ["Jennifer"]).acceptable


def test_long_strong_passphrase_is_scored_on_its_first_64_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A strong prefix settles it: 300 characters cost what the first 64 do (zxcvbn's cost grows
    # steeply with length), counted by what reaches zxcvbn rather than by a clock.
    scored: list[int] = []

    def counted(text: str, **kwargs: Any) -> dict[str, Any]:
        scored.append(len(text))
        return zxcvbn(text, **kwargs)

    monkeypatch.setattr(passphrase_module, "zxcvbn", counted)
    assert strength(LONG_STRONG).acceptable
    assert scored == [64]
