"""Shipped item text, options, bands and notices match ipt-reference §10 word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.measures import (
    HAMD_OLDER_CONVENTION_BANDS,
    HAMD_ZIMMERMAN_2013_BANDS,
    INSTRUMENTS,
    PHQ_ATTRIBUTION,
    BandSet,
    Score,
    get_instrument,
    remission,
    response,
    score,
)

ROOT = Path(__file__).resolve().parents[2]
# The shared reference sits beside the checkout during development; the fixture is its §10 copied
# word for word, so the comparison runs in every checkout (and the copy is checked when both exist).
SHARED_REFERENCE = ROOT.parent / "shared" / "ipt-reference.md"
FIXTURE = ROOT / "tests" / "fixtures" / "ipt-reference-measures.md"


def _measure_sections(text: str) -> dict[str, str]:
    parts = re.split(r"^### (10\.\d)\b", text, flags=re.MULTILINE)
    found = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    return {key: body.split("\n## ", 1)[0].rstrip() for key, body in found.items()}


@pytest.fixture(scope="module")
def sections() -> dict[str, str]:
    source = SHARED_REFERENCE if SHARED_REFERENCE.is_file() else FIXTURE
    return _measure_sections(source.read_text(encoding="utf-8"))


def test_the_fixture_is_the_reference_word_for_word() -> None:
    copied = _measure_sections(FIXTURE.read_text(encoding="utf-8"))
    assert set(copied) == {"10.1", "10.2", "10.3", "10.4", "10.5"}
    if not SHARED_REFERENCE.is_file():
        pytest.skip("no ../shared/ipt-reference.md beside this checkout to compare the copy with")
    assert copied == _measure_sections(SHARED_REFERENCE.read_text(encoding="utf-8"))


def _numbered_items(section: str) -> list[str]:
    return re.findall(r"^  \d+\. (.+?)\s*$", section, flags=re.MULTILINE)


def _bands(line: str) -> list[tuple[int, int, str]]:
    """Parse "0–4 minimal; 5–9 mild; ≥24 severe" into (low, high or -1, label)."""
    found = []
    for part in line.split(";"):
        match = re.search(r"(?:(\d+)–(\d+)|≥(\d+)) ([a-z /]+?)\.?\s*$", part.strip())
        assert match, part
        low, high, open_low, label = match.groups()
        if open_low:
            found.append((int(open_low), -1, label))
        else:
            found.append((int(low), int(high), label))
    return found


def _as_reference(bands: BandSet) -> list[tuple[int, int, str]]:
    rows = [(b.low, b.high, b.label) for b in bands.bands]
    low, _, label = rows[-1]
    return [*rows[:-1], (low, -1, label)]


def test_phq9_items_stem_options_and_notice_are_official(sections: dict[str, str]) -> None:
    section = sections["10.1"]
    phq9 = get_instrument("PHQ-9")
    assert [item.text for item in phq9.items] == _numbered_items(section)
    stem = re.search(r'\*\*Stem:\*\* "([^"]+)"', section)
    assert stem and phq9.stem == stem.group(1)
    options = re.search(r"\*\*Responses \(scored\):\*\* (.+?)\.\s*$", section, re.MULTILINE)
    assert options
    expected = [
        (int(v), label) for label, v in re.findall(r"\s*([^;=]+?) = (\d)", options.group(1))
    ]
    for item in phq9.items:
        assert [(o.value, o.label) for o in item.options] == expected
    notice = re.search(r"^  `(.+)`\s*$", section, re.MULTILINE)
    assert notice and PHQ_ATTRIBUTION == phq9.notice == notice.group(1)


def test_difficulty_item_is_official(sections: dict[str, str]) -> None:
    match = re.search(r'function item: "([^"]+)" Options: (.+?)\. ', sections["10.1"])
    assert match
    for instrument_id in ("PHQ-9", "GAD-7"):
        difficulty = get_instrument(instrument_id).difficulty
        assert difficulty is not None
        assert difficulty.text == match.group(1)
        assert [o.label for o in difficulty.options] == match.group(2).split(" / ")


def test_gad7_items_and_notice_are_official(sections: dict[str, str]) -> None:
    gad7 = get_instrument("GAD-7")
    assert [item.text for item in gad7.items] == _numbered_items(sections["10.2"])
    assert gad7.stem == get_instrument("PHQ-9").stem
    assert gad7.notice == PHQ_ATTRIBUTION
    assert gad7.items[0].options[0].label == "Not at all"
    assert all("sure" not in o.label for item in gad7.items for o in item.options)


def test_bands_match_the_reference(sections: dict[str, str]) -> None:
    phq = re.search(r"\*\*Severity bands \(cut points [^)]+\):\*\* (.+)$", sections["10.1"], re.M)
    gad = re.search(r"\*\*Bands \(cut points [^)]+\):\*\* (.+)$", sections["10.2"], re.M)
    zimmerman = re.search(r"Empirical \(Zimmerman et al\. 2013\): (.+)$", sections["10.3"], re.M)
    older = re.search(r"Older convention: (.+)$", sections["10.3"], re.M)
    assert phq and gad and zimmerman and older
    for line, bands in (
        (phq, get_instrument("PHQ-9").default_bands),
        (gad, get_instrument("GAD-7").default_bands),
    ):
        expected = _bands(line.group(1))
        assert [(b.low, b.high, b.label) for b in bands.bands] == expected
    assert _as_reference(HAMD_ZIMMERMAN_2013_BANDS) == _bands(zimmerman.group(1))
    assert _as_reference(HAMD_OLDER_CONVENTION_BANDS) == _bands(older.group(1))


def test_no_shipped_text_advises_or_reassures() -> None:
    """Bands, notices, banners and outcomes are labels only (§10.1, §10.5, §11.2)."""
    texts: list[str] = []
    for instrument in INSTRUMENTS.values():
        texts += [instrument.notice, instrument.title]
        texts += [band.label for bands in instrument.band_sets for band in bands.bands]
    texts += [flag.banner for flag in score("PHQ-9", [0] * 8 + [2]).risk_flags]
    texts += [flag.banner for flag in score("PHQ-9", [0] * 8 + [None]).risk_flags]
    for baseline, current in ((20, 5), (20, 12), (20, 19), (0, 0)):
        texts.append(response(baseline, current).caption)
    for total in (2, 9):
        texts.append(remission(score("PHQ-9", [3] * 6 + [0] * 3), total_score(total)).caption)
    forbidden = re.compile(
        r"\b(safe|safety|all[- ]clear|recommend\w*|should|treatment|therapy|medication|"
        r"pharmacotherapy|refer\w*|advice|no risk|low risk|high risk)\b",
        re.IGNORECASE,
    )
    offenders = [text for text in texts if forbidden.search(text)]
    assert offenders == []


def total_score(total: int) -> Score:
    """A complete PHQ-9 with *total* and item 9 at 0."""
    values = [min(3, max(0, total - 3 * i)) for i in range(8)]
    return score("PHQ-9", [*values, 0])
