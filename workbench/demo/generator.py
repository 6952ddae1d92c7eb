"""Deterministic fictional client records (bundles for store.bulk) at every phase of IPT.

The caseload follows the clinical rules a trainer would check (see demo/areas.py): most clients
finished an acute course (ending review, plan); some are in maintenance under an IPT-M contract;
the rest are in a new acute episode.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from workbench.demo import areas, clinical
from workbench.demo.names import NAME_POOLS, POOL_WEIGHTS
from workbench.demo.phrases import session_note
from workbench.store import records

CONTRACTS = {"WMK": (8, 12, 12, 14, 16, 16, 20), "SR": (8, 12, 12, 14, 16, 20)}
TODAY = date(2026, 11, 1)  # demo data is fixed in time so a seed always gives the same vault
SIGNER = "Dr Demo Clinician"


def bundles(count: int, seed: int) -> Iterator[dict[str, Any]]:
    """*count* invented clients; the same seed always yields the same caseload."""
    rng = random.Random(seed)
    pools = list(POOL_WEIGHTS)
    weights = [POOL_WEIGHTS[p] for p in pools]
    for index in range(count):
        yield _client(rng, index, rng.choices(pools, weights)[0])


def _client(rng: random.Random, index: int, pool: str) -> dict[str, Any]:
    given, family = NAME_POOLS[pool]
    born = TODAY - timedelta(days=rng.randint(18 * 365, 75 * 365))
    client: dict[str, Any] = {
        "code": f"D-{index + 1:05d}",
        "given_name": rng.choice(given),
        "family_name": rng.choice(family),
        "date_of_birth": born.isoformat(),
        "contact": {"phone": f"+44 7700 9{rng.randint(0, 99999):05d}"},
        "episodes": [],
    }
    start = TODAY - timedelta(days=rng.randint(30, 900))
    if rng.random() < 0.85:  # a finished acute course, then maintenance or a new acute episode
        profile = rng.choice(("WMK", "WMK", "SR"))
        contracted = rng.choice(CONTRACTS[profile])
        past_start = start - timedelta(days=7 * contracted + rng.randint(30, 400))
        maintenance = rng.random() < 0.3
        past = _episode(rng, "acute", profile, past_start, contracted, contracted, ended=True)
        past["records"][records.ENDING_REVIEW] = clinical.ending_review(
            rng,
            "maintenance" if maintenance else "end acute treatment with optional check-ins",
            past["maintenance_plan"],
        )
        client["episodes"].append(past)
        if maintenance:
            client["episodes"].append(_maintenance(rng, past, start))
            return client
    profile = rng.choice(("WMK", "WMK", "SR"))
    contracted = rng.choice(CONTRACTS[profile])
    held = rng.randint(0, contracted)
    client["episodes"].append(_episode(rng, "acute", profile, start, contracted, held, ended=False))
    return client


def _maintenance(rng: random.Random, past: dict[str, Any], start: date) -> dict[str, Any]:
    """IPT-M after the acute course: same focus and people, monthly, under its own contract."""
    rule = rng.choice(clinical.RETURN_RULES)
    contract = clinical.maintenance_contract(rng, start, rule)
    held = rng.randint(0, min(contract["sessions"], 8))
    episode = _episode(
        rng,
        "maintenance",
        past["manual_profile"],
        start,
        contract["sessions"],
        held,
        ended=False,
        area=past["formulation"]["primary_area"],
        people=past["people"],
    )
    episode["records"][records.MAINTENANCE_CONTRACT] = contract
    episode["frequency"] = contract["frequency"]
    episode["maintenance_plan"]["return_to_acute_rule"] = rule
    episode["maintenance_plan"]["review_date"] = contract["review_date"]
    return episode


def _episode(
    rng: random.Random,
    kind: str,
    profile: str,
    start: date,
    contracted: int,
    held: int,
    ended: bool,
    area: str | None = None,
    people: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    area = area or rng.choice(clinical.focus_areas(profile))
    onset = start - timedelta(days=rng.randint(20, 200))
    folks = people or areas.people(rng, area, onset)
    living = [p["alias"] for p in folks if p["details"]["living"]]
    lost = folks[0]["alias"] if area == "grief" else ""
    step = 28 if kind == "maintenance" else 7
    stages = areas.dispute_stages(rng, start, held, step) if area == "role_dispute" else []
    baseline = rng.randint(10, 24) if kind == "acute" else rng.randint(3, 9)
    sessions = []
    for n in range(1, held + 1):
        day = start + timedelta(days=step * (n - 1))
        stage = [s["stage"] for s in stages if s["on"] <= day.isoformat()][-1:] or [""]
        note = session_note(rng, living, area, lost=lost, stage=stage[0])
        sessions.append(_session(rng, n, day, contracted, baseline, note, signed=ended or n < held))
    episode: dict[str, Any] = {
        "kind": kind,
        "manual_profile": profile,
        "contracted_sessions": contracted,
        "frequency": "monthly" if kind == "maintenance" else "weekly",
        "format": rng.choice(("individual", "individual", "individual", "video", "telephone")),
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=step * contracted)).isoformat() if ended else None,
        "status": "ended" if ended else "active",
        "people": folks,
        "circle_snapshots": [
            {
                "taken_on": start.isoformat(),
                "label": "intake",
                "placements": [(p["alias"], p["ring"], areas.line_style(p)) for p in folks],
            }
        ],
        "timeline": [
            {
                "date": onset.isoformat(),
                "type": areas.ONSET_EVENT[area],
                "impact": rng.randint(4, 10),
                "symptom_marker": "episode start",
                "people": [folks[0]["alias"]] if area != "role_transition" else [],
                "notes": areas.ONSET_NOTES[area].format(person=folks[0]["alias"]),
            }
        ],
        "sessions": sessions,
        "checklist": clinical.checklist(
            rng, profile, held=held, contracted=contracted, kind=kind, ended=ended, area=area
        ),
        "records": {},
    }
    if held >= 3 or kind == "maintenance":
        shared = sessions[2]["held_on"] if held >= 3 else start.isoformat()
        episode["formulation"] = {
            "primary_area": area,
            "statement": areas.STATEMENTS[area].format(person=folks[0]["alias"]),
            "shared_on": shared,
            "patient_agreed": "yes",
            "patient_words": "It started when things changed at home.",
            "sections": _ruled_out() if area == "interpersonal_deficits" else {},
        }
        episode["goals"] = [
            {"problem_area": area, "text": areas.words(g, rng, folks)} for g in areas.GOALS[area]
        ]
        episode["records"][records.PROBLEM_AREA] = areas.area_record(rng, area, folks, stages)
    if ended:
        episode["circle_snapshots"].append(
            {
                "taken_on": episode["end_date"],
                "label": "end",
                "placements": [
                    (p["alias"], max(1, p["ring"] - rng.randint(0, 1)), areas.line_style(p))
                    for p in folks
                ],
            }
        )
        if _open_flags(sessions):
            episode["carry_open_flags_on"] = episode["end_date"]
    if ended or kind == "maintenance" or held >= contracted:  # the acute phase is finished
        worked_on = areas.WORKED_ON[area].format(person=folks[0]["alias"])
        episode["maintenance_plan"] = clinical.maintenance_plan(
            rng, worked_on, living[1:3] or living[:1], rng.choice(clinical.RETURN_RULES)
        )
    return episode


def _open_flags(sessions: list[dict[str, Any]]) -> bool:
    return any(
        "risk_note" not in flag
        for s in sessions
        for m in s.get("measures", [])
        for flag in m.get("risk_flags", [])
    )


def _ruled_out() -> dict[str, Any]:
    return {
        "ruled_out": {
            "grief": "No death or loss near the onset.",
            "role_dispute": "No current dispute with a significant other.",
            "role_transition": "No life change near the onset.",
        }
    }


def _session(
    rng: random.Random,
    number: int,
    held_on: date,
    contracted: int,
    baseline: int,
    body: dict[str, Any],
    signed: bool,
) -> dict[str, Any]:
    session: dict[str, Any] = {"number": number, "held_on": held_on.isoformat()}
    note: dict[str, Any] = {"body": body}
    if signed:
        note.update(signed_by=SIGNER, signed_at=f"{held_on.isoformat()}T18:00:00Z")
        if rng.random() < 0.03:
            note["addenda"] = [
                {
                    "body": {"text": "Correction: the argument was on Saturday, not Friday."},
                    "signed_by": SIGNER,
                    "signed_at": f"{held_on.isoformat()}T19:00:00Z",
                }
            ]
    session["note"] = note
    if number == 1 or number % 4 == 0 or number == contracted:
        session["measures"] = [_phq9(rng, baseline, number, contracted, held_on)]
        if number == 1 and rng.random() < 0.4:
            session["measures"].append(clinical.gad7(rng, baseline // 8))
    return session


def _phq9(
    rng: random.Random, baseline: int, number: int, contracted: int, held_on: date
) -> dict[str, Any]:
    progress = (number - 1) / max(1, contracted - 1)
    target = max(0, round(baseline * (1 - 0.7 * progress) + rng.randint(-2, 2)))
    items = [0] * 9
    for _ in range(min(target, 27)):
        slot = rng.randrange(8) if rng.random() < 0.985 else 8
        if items[slot] < 3:
            items[slot] += 1
    measure: dict[str, Any] = {"instrument": "PHQ-9", "items": items, "total": sum(items)}
    if items[8] > 0:
        flag: dict[str, Any] = {"source": "PHQ-9 item 9"}
        if rng.random() < 0.8:
            flag["risk_note"] = {"body": clinical.risk_note(rng, held_on), "signed_by": SIGNER}
        measure["risk_flags"] = [flag]
    return measure
