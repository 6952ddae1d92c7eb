"""A corpus of invented clients with identifiers planted in every free-text field a report
prints: names in several forms, nicknames, places, dates in several formats, phone numbers,
e-mail, postcodes, URLs and ID numbers. Every person and place here is invented."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.domain.episode import Contract
from workbench.domain.formulation import SR_SECTIONS, Formulation, Goal
from workbench.domain.inventory import PersonDetails, Placement, TimelineEvent
from workbench.domain.risk import RiskNote
from workbench.services import (
    episodes,
    formulation,
    identifiers,
    inventory,
    measures,
    risk,
    sessions,
)
from workbench.store.vault import Vault

GIVEN = [
    "Magdalena",
    "Zoltán",
    "Ifeoma",
    "Søren",
    "Aoife",
    "Dmitrij",
    "Renée",
    "Joaquín",
    "Anneliese",
    "Bartholomew",
    "Ximena",
    "Radosław",
    "Eilidh",
    "Thandiwe",
    "Grzegorz",
    "Océane",
    "Lorcan",
    "Henrietta",
    "Zdenka",
    "Ptolemy",
    "Ysolde",
    "Casimir",
    "Philippa",
    "Oluwaseun",
    "Wilhelmina",
    "Ignatius",
    "Rosamund",
    "Evander",
    "Marisol",
    "Leopoldine",
    "Tancredi",
    "Ottilie",
]
FAMILY = [
    "Kowalska-Nowak",
    "Várady",
    "Okonkwo-Reid",
    "Lindqvist",
    "Ó_Briain",
    "Vasilenko",
    "Lafrenière",
    "Ibarrola",
    "Hesselbach",
    "Thistlewood",
    "Quintanilla",
    "Wróblewski",
    "MacAskill",
    "Mabuza",
    "Szczepański",
    "Duvernoy",
    "Breathnach",
    "Ashbury-Pell",
    "Hrubá",
    "Fennimore",
    "Castellane",
    "Zawadzki",
    "Pemberton-Hale",
    "Adeyemi-Clarke",
    "Vandersloot",
    "Kilbride",
    "Marchbanks",
    "Stavrakis",
    "Ruiz-Kato",
    "Abernethy",
    "Falconetti",
    "Grünewald",
]
NICK = [
    "Magda",
    "Zoli",
    "Ify",
    "Sonny",
    "Eefa",
    "Dima",
    "Rennie",
    "Quino",
    "Liesl",
    "Barty",
    "Mena",
    "Radek",
    "Ellie",
    "Thandi",
    "Grzes",
    "Oce",
    "Lorky",
    "Hetty",
    "Zdenny",
    "Tolly",
    "Ysie",
    "Kaz",
    "Pippa",
    "Seun",
    "Minnie",
    "Iggy",
    "Ros",
    "Vandy",
    "Mari",
    "Leo",
    "Tanc",
    "Otti",
]
TOWNS = (
    "Ashcombe Vale",
    "Port Averill",
    "Kilmarren",
    "Thornwick",
    "Lindenfeld",
    "Castlebrae",
    "Wexbridge",
    "Dunmorrow",
)
PARTNERS = (
    "Tomasz Wiśniewski",
    "Hilde Bergstrøm",
    "Caius Lamberton",
    "Fenella Drummond",
    "Ilario Benedetti",
    "Oona Kestrelby",
    "Radu Ionescu",
    "Saskia Verhoeven",
)
PARTNER_NICK = ("Tomek", "Hildy", "Cai", "Nell", "Lalo", "Oonie", "Raddy", "Kiki")
FRIENDS = ("Quillon Ferraby", "Berenike Stolz", "Anselm Vukovic", "Perpetua Glass")
PHQ9 = {1: [3, 3, 2, 2, 2, 2, 2, 1, 1], 4: [1, 1, 1, 1, 1, 1, 0, 1, 0]}  # 18 then 7
GOAL = "for a fair share of the visits"


@dataclass(frozen=True)
class Planted:
    """One corpus client: their id and what must never reach a de-identified PDF."""

    client_id: int
    words: tuple[str, ...]  # names and places, matched as words, accents and case folded
    strings: tuple[str, ...]  # dates and e-mail, URLs, postcodes: matched as written (folded)
    digits: tuple[str, ...]  # phone and ID numbers: matched in the text's digits alone


def _client(i: int) -> dict[str, str]:
    given, family, nick = GIVEN[i], FAMILY[i].replace("_", " "), NICK[i]
    born = date(1950 + (i * 7) % 50, 1 + i % 12, 1 + (i * 5) % 27)
    month = born.strftime("%B")
    return {
        "given": given,
        "family": family,
        "nick": nick,
        "town": TOWNS[i % len(TOWNS)],
        "work": f"{family.split('-')[0].split()[-1]} & Daughters Bakery",
        "school": f"{TOWNS[(i + 3) % len(TOWNS)].split()[0]} Grammar School",
        "hospital": f"St {GIVEN[(i + 5) % len(GIVEN)]}'s Hospital",
        "cemetery": f"{TOWNS[(i + 1) % len(TOWNS)].split()[-1]} Cemetery",
        "partner": PARTNERS[i % len(PARTNERS)],
        "partner_nick": PARTNER_NICK[i % len(PARTNER_NICK)],
        "partner_town": f"Upper {TOWNS[(i + 2) % len(TOWNS)].split()[-1]}",
        "friend": FRIENDS[i % len(FRIENDS)],
        "dob_iso": born.isoformat(),
        "dob_long": f"{born.day}th of {month} {born.year}",
        "dob_us": f"{month} {born.day}, {born.year}",
        "dob_num": born.strftime("%d/%m/%Y"),
        "dob_dots": born.strftime("%d.%m.%y"),
        "phone_uk": f"+44 20 7946 0{i:03d}",
        "phone_mobile": f"07700 900{i:03d}",
        "phone_us": f"(212) 555-01{i:02d}",
        "phone_pl": f"+48 512 345 {100 + i:03d}",
        "email": f"{nick.lower()}.{i}@mailbox.example.com",
        "postcode": f"LS{i % 9 + 1} {i % 10}AB",
        "nhs": f"943 476 {5900 + i}",
        "url": f"https://www.{nick.lower()}-photos.example.org/album/{i}",
    }


def _texts(c: dict[str, str], code: str) -> dict[str, str]:
    """The planted free texts, each mixing identifiers with clinical content that must stay."""
    return {
        "check_in": (
            f"{c['given']} ({c['nick'].upper()}) said her mood was low all week; "
            f"{c['nick']}'s sleep is broken. File {code}."
        ),
        "mood_event_link": (
            f"Low after {c['partner_nick']} cancelled the visit to {c['town']} on "
            f"{c['dob_long']}; she rang {c['phone_uk']} and {c['phone_mobile']}."
        ),
        "problem_area_work": (
            f"Dispute at impasse: {c['partner']} wants her to move to {c['partner_town']}. "
            f"Wrote to {c['email']} from {c['work']}."
        ),
        "next_session_plan": (
            f"Rehearse asking {c['partner'].split()[0]} {GOAL}; letter from {c['hospital']} "
            f"dated {c['dob_num']}, NHS {c['nhs']}."
        ),
        "supervision_question": (
            f"Is {c['given']} {c['family']}'s dispute at impasse? She posted at {c['url']} "
            f"(postcode {c['postcode']})."
        ),
        "addendum": (
            f"Addendum: {c['family'].upper()} called from {c['phone_us']}; born {c['dob_iso']}."
        ),
        "risk": (
            f"Passive wish after the funeral at {c['cemetery']} on {c['dob_us']}; "
            f"{c['friend']} checks in by {c['phone_pl']}."
        ),
        "person": (
            f"{c['partner_nick']} from {c['partner_town']} argues with {c['given']} about "
            f"{c['school']}; met on {c['dob_dots']}."
        ),
        "event": f"Row with {c['partner']} at {c['hospital']}, {c['town']}; e-mail {c['email']}.",
        "formulation": (
            f"Depression began when {c['partner']} left for {c['partner_town']}; "
            f"{c['nick']} works at {c['work']}."
        ),
        "contract": f"{c['given']} away in {c['town']} over {c['dob_long']}.",
    }


def plant_client(vault: Vault, i: int) -> Planted:
    """One invented client with every free-text field carrying planted identifiers."""
    c = _client(i)
    client = episodes.add_client(
        vault,
        c["given"],
        c["family"],
        preferred_name=c["nick"] if i % 3 == 0 else "",
        date_of_birth=c["dob_iso"],
        contact={"phone": c["phone_mobile"], "email": c["email"]},
    )
    code = episodes.get_client(vault, client).code
    identifiers.set_client_identifiers(
        vault,
        client,
        aliases=[c["nick"]],
        places=[c["town"], c["work"], c["school"], c["hospital"]],
    )
    t = _texts(c, code)
    start = date(2026, 9, 1)
    ep = episodes.open_episode(vault, client, Contract("SR" if i % 2 else "WMK", 12), "2026-09-01")
    partner = inventory.add_person(
        vault,
        ep,
        c["partner"],
        "partner",
        PersonDetails(conflict=t["person"], changes_wanted=t["person"], problem_areas=("dispute",)),
    )
    identifiers.set_person_identifiers(
        vault, partner, aliases=[c["partner_nick"]], places=[c["partner_town"]]
    )
    friend = inventory.add_person(
        vault, ep, c["friend"], "friend", PersonDetails(good=f"{c['friend']} listens.")
    )
    inventory.snapshot_circle(
        vault, ep, "2026-09-01", "intake", [Placement(partner, 1, "conflict"), Placement(friend, 2)]
    )
    event = inventory.add_event(
        vault,
        ep,
        TimelineEvent(
            0, "2026-08-10", "day", "conflict escalation", 7, None, t["event"], (partner,)
        ),
    )
    identifiers.set_event_places(vault, event, [c["cemetery"]])
    episodes.renegotiate(vault, ep, 14, changed_on="2026-09-20", reason=t["contract"])
    for n in range(1, 5):
        day = (start + timedelta(weeks=n - 1)).isoformat()
        session_id, note_id = sessions.record_session(vault, ep, day)
        sessions.save_note(
            vault,
            note_id,
            {key: t[key] for key in ("check_in", "mood_event_link", "problem_area_work")}
            | {
                "next_session_plan": t["next_session_plan"],
                "supervision_question": t["supervision_question"] if n == 4 else "",
                "techniques": ["communication_analysis"],
            },
        )
        sessions.sign(vault, note_id)
        if n == 3:
            sessions.add_addendum(vault, note_id, t["addendum"])
        if n in PHQ9:
            given = measures.record(
                vault, ep, "PHQ-9", PHQ9[n], administered_on=day, session_id=session_id
            )
            if given.flag_ids:
                risk.write_risk_note(
                    vault,
                    ep,
                    RiskNote(
                        risk_formulation=t["risk"],
                        nature_of_thoughts=("passive wish",),
                        frequency_recency=t["risk"],
                        protective_factors=f"Her friend {c['friend']} and {c['nick']}'s cat.",
                        actions_taken=t["risk"],
                        action_checks=("safety plan reviewed",),
                        follow_up_date="2026-09-08",
                    ),
                    list(given.flag_ids),
                    session_id,
                )
        if n == 2:
            formulation.save_formulation(
                vault,
                ep,
                Formulation(
                    primary_area="role_dispute",
                    sections={key: t["formulation"] for key, _ in SR_SECTIONS}
                    | {"ruled_out": {"grief": t["person"]}},
                    statement=t["formulation"],
                    shared_on=day,
                    patient_agreed="yes",
                    patient_words=f"It is about {c['partner_nick']} and me in {c['town']}.",
                ),
            )
            formulation.set_goals(
                vault, ep, [Goal(f"Ask {c['partner'].split()[0]} {GOAL}", "role_dispute")]
            )
    return Planted(client, *_needles(c, code))


def _needles(
    c: dict[str, str], code: str
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    names = [c["given"], c["nick"], c["partner_nick"], c["friend"], *c["partner"].split()]
    names += [p for p in re.split(r"[\s-]+", c["family"]) if len(p) > 2]
    places = [c[k] for k in ("town", "work", "school", "hospital", "cemetery", "partner_town")]
    dated = [c[k] for k in ("dob_iso", "dob_long", "dob_us", "dob_num", "dob_dots")]
    strings = [*dated, c["email"], c["url"].split("//")[1], c["postcode"], code]
    phones = [c[k] for k in ("phone_uk", "phone_mobile", "phone_us", "phone_pl", "nhs")]
    # A number cut short must not leak either: each group of three digits or more, as a word.
    groups = [g for p in phones for g in re.findall(r"\d{3,}", p)]
    return (
        tuple([*names, *places, *groups]),
        tuple(strings),
        tuple(re.sub(r"\D", "", p) for p in phones),
    )


def plant_corpus(vault: Vault, count: int = 32) -> list[Planted]:
    episodes.set_clinician_name(vault, "Dr Ada Example")
    return [plant_client(vault, i) for i in range(count)]
