"""The de-identifier alone: known identifiers in any case or inflection, patterns, marks."""

from __future__ import annotations

import pytest

from workbench.deid import Deidentifier, KnownIdentifiers, KnownPerson

KNOWN = KnownIdentifiers(
    client_names=("Magdalena", "Kowalska-Nowak", "Magda"),
    client_places=("Gdańsk", "St Brigid's Hospital", "Oakfield Primary School"),
    client_contact=("magda.k@example.org", "12 Elm Road, Harrowgate"),
    client_code="C-ABC234",
    people=(
        KnownPerson("partner", ("Tomasz Wiśniewski", "Tomek"), ("Brightwater Depot",)),
        KnownPerson("sibling", ("older sister",)),
    ),
    event_places=("Northgate Cemetery",),
    extra_terms=("the blue bakery",),
)


def deid(text: str, known: KnownIdentifiers = KNOWN) -> str:
    engine = Deidentifier(
        known, pseudonym="Case Heron", episode_start="2026-09-01", today="2026-12-07"
    )
    return engine.text(text)


@pytest.mark.parametrize(
    "planted",
    [
        "Magdalena",
        "MAGDA",
        "Magda's",
        "Magdy",  # Polish genitive
        "Magdzie",  # Polish locative
        "Kowalska",  # part of a double surname
        "Nowak",
        "Kowalskiej",
        "Gdansk",  # accents folded
        "Gdańsku",
        "St Brigid's Hospital",
        "Tomek",
        "TOMASZ",
        "Wiśniewskiego",
        "Brightwater Depot",
        "Northgate Cemetery",
        "the Blue Bakery",
        "Harrowgate",
        "magda.k@example.org",
    ],
)
def test_known_identifiers_go_in_any_case_or_inflection(planted: str) -> None:
    out = deid(f"She said {planted} mattered.")
    assert planted.casefold() not in out.casefold()
    assert out.startswith("She said [") and out.endswith("] mattered.")


def test_people_get_their_neutral_label_and_roles_stay_words() -> None:
    out = deid("Tomek and her older sister argued; a sister is a sister.")
    assert out == "[partner] and her [sibling] argued; a sister is a sister."


def test_the_client_code_becomes_the_pseudonym() -> None:
    assert deid("Case file c-abc234 reviewed.") == "Case file Case Heron reviewed."


@pytest.mark.parametrize(
    ("text", "gone", "left"),
    [
        ("born 12th of March 1987", "12th of March", "1987"),
        ("born 12/03/1987", "12/03", "1987"),
        ("born 1987-03-12", "03-12", "1987"),
        ("born March 12, 1987", "March 12", "1987"),
        ("on 3 November", "3 November", ""),
        ("on Nov 3rd", "Nov 3rd", ""),
        ("seen on 15.10.2026", "15.10", "week 7 of the episode"),
        ("follow-up on 14 January 2027", "14 January", "week 20 of the episode"),
        ("since March 2019", "March", "2019"),
        ("in September she", "September", ""),
        ("call +44 20 7946 0958", "7946", "[phone number]"),
        ("mobile 07700 900123", "900123", "[phone number]"),
        ("work (212) 555-0134", "555-0134", "[phone number]"),
        ("ring +48 512 345 678", "512 345", "[phone number]"),
        ("NHS number 943 476 5919", "476", "[number]"),
        ("policy 88812345677", "88812345677", "[number]"),
        ("write to a.b@mail.example.com", "mail.example", "[e-mail]"),
        ("see https://example.org/x?id=4, then", "example.org", "[URL], then"),
        ("postcode LS6 2AB", "LS6 2AB", "[postcode]"),
        ("ZIP 10001-1234", "10001", "[postcode]"),
        ("from 192.168.10.4", "192.168", "[IP address]"),
        ("her grandmother, aged 93, lives", "93", "aged 90+"),
        ("a 94-year-old neighbour", "94", "90+-year-old"),
    ],
)
def test_patterns(text: str, gone: str, left: str) -> None:
    out = deid(text, KnownIdentifiers())
    assert gone not in out, out
    assert left in out, out


def test_clinical_content_survives() -> None:
    text = (
        "PHQ-9 fell from 18 to 7 over 12 sessions (GAD-7 11 -> 6). Role dispute at impasse; "
        "goal: renegotiate chores with her partner. Aged 45. Session 3 of 16, week 4."
    )
    assert deid(text) == text


def test_marks_point_at_each_replacement_in_the_new_text() -> None:
    engine = Deidentifier(
        KNOWN, pseudonym="Case Heron", episode_start="2026-09-01", today="2026-12-07"
    )
    marked = engine.marked("Magda met Tomek in Gdańsk on 3 November; call 07700 900123.")
    assert [(m.rule, m.kind) for m in marked.marks] == [
        ("record-names", "client name"),
        ("record-people", "person's name"),
        ("record-places", "place"),
        ("dates", "date"),
        ("phone-numbers", "phone number"),
    ]
    for mark in marked.marks:
        assert marked.text[mark.start : mark.end] == mark.replacement


def test_structured_dates_become_weeks_and_rules_are_listed() -> None:
    engine = Deidentifier(
        KNOWN, pseudonym="Case Heron", episode_start="2026-09-01", today="2026-12-07"
    )
    assert engine.when("2026-09-01") == "week 1"
    assert engine.when("2026-09-20") == "week 3"
    assert engine.when("2026-08-01") == "4 wk before start"
    assert {"record-names", "record-people", "record-places", "extra-terms", "dates"} <= set(
        engine.rules_ran
    )
    bare = Deidentifier(KnownIdentifiers(), pseudonym="X", episode_start=None, today="2026-12-07")
    assert "record-names" not in bare.rules_ran and "dates" in bare.rules_ran


def test_short_names_take_no_loose_endings() -> None:
    known = KnownIdentifiers(client_names=("Li", "Ann"))
    assert deid("Li's lift; Ann and Anne annoyed Annual", known) == (
        "[client] lift; [client] and Anne annoyed Annual"
    )


def test_a_pseudonym_never_repeats_a_name_of_the_case() -> None:
    from workbench.reports.output import WORDS
    from workbench.services.report_parts import pseudonym

    avoid = frozenset(WORDS[1:])  # every word but one is somebody's name
    assert pseudonym(avoid=avoid) == f"Case {WORDS[0].capitalize()}"
    taken = tuple(f"Case {w.capitalize()}" for w in WORDS[:-1])
    assert pseudonym(taken) == f"Case {WORDS[-1].capitalize()}"
