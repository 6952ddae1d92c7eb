"""Deterministic fictional client records (bundles for store.bulk) at every phase of IPT."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from workbench.demo import clinical
from workbench.demo.names import NAME_POOLS, PERSON_ALIASES, POOL_WEIGHTS
from workbench.demo.phrases import session_note
from workbench.domain.inventory import EVENT_TYPES

CONTRACTS = (8, 12, 12, 14, 16, 16, 20)
TODAY = date(2026, 11, 1)  # demo data is fixed in time so a seed always gives the same vault
SIGNER = "Dr Demo Clinician"
# Life events that plausibly precede an episode (a subset of the timeline's event types).
ONSET_EVENTS = tuple(e for e in EVENT_TYPES if e not in ("trauma", "treatment start/stop", "other"))


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
    # Most clients have a completed acute course behind them; every phase appears in the rest.
    start = TODAY - timedelta(days=rng.randint(30, 900))
    if rng.random() < 0.85:
        contracted = rng.choice(CONTRACTS)
        past_start = start - timedelta(days=7 * contracted + rng.randint(30, 400))
        client["episodes"].append(
            _episode(rng, "acute", past_start, contracted, contracted, ended=True)
        )
    kind = "maintenance" if client["episodes"] and rng.random() < 0.3 else "acute"
    contracted = 12 if kind == "maintenance" else rng.choice(CONTRACTS)
    held = rng.randint(0, contracted)
    client["episodes"].append(_episode(rng, kind, start, contracted, held, ended=False))
    return client


def _episode(
    rng: random.Random, kind: str, start: date, contracted: int, held: int, ended: bool
) -> dict[str, Any]:
    profile = rng.choice(("WMK", "WMK", "SR"))
    area = rng.choice(clinical.focus_areas(profile))
    people = _people(rng, area)
    aliases = [p["alias"] for p in people]
    step = 28 if kind == "maintenance" else 7
    baseline = rng.randint(10, 24)
    sessions = [
        _session(
            rng,
            n,
            start + timedelta(days=step * (n - 1)),
            held,
            contracted,
            baseline,
            aliases,
            area,
            signed=ended or n < held,
        )
        for n in range(1, held + 1)
    ]
    onset = start - timedelta(days=rng.randint(20, 200))
    episode: dict[str, Any] = {
        "kind": kind,
        "manual_profile": profile,
        "contracted_sessions": contracted,
        "frequency": "monthly" if kind == "maintenance" else "weekly",
        "format": rng.choice(("individual", "individual", "individual", "video", "telephone")),
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=step * contracted)).isoformat() if ended else None,
        "status": "ended" if ended else "active",
        "people": people,
        "circle_snapshots": [
            {
                "taken_on": start.isoformat(),
                "label": "intake",
                "placements": [(p["alias"], p["ring"], _line(p)) for p in people],
            }
        ],
        "timeline": [
            {
                "date": onset.isoformat(),
                "type": rng.choice(ONSET_EVENTS),
                "impact": rng.randint(4, 10),
                "symptom_marker": "episode start",
                "people": aliases[:1],
                "notes": "Change in a close relationship shortly before mood fell.",
            }
        ],
        "sessions": sessions,
        "checklist": clinical.checklist(
            rng, profile, held=held, contracted=contracted, kind=kind, ended=ended, area=area
        ),
    }
    if ended:
        episode["circle_snapshots"].append(
            {
                "taken_on": episode["end_date"],
                "label": "end",
                "placements": [
                    (p["alias"], max(1, p["ring"] - rng.randint(0, 1)), _line(p)) for p in people
                ],
            }
        )
    if ended or kind == "maintenance":
        episode["maintenance_plan"] = clinical.maintenance_plan(rng, aliases, area)
    if held >= 3:
        episode["formulation"] = {
            "primary_area": area,
            "statement": f"Depression began after changes around {aliases[0]}; "
            f"we will focus on {area.replace('_', ' ')}.",
            "shared_on": sessions[2]["held_on"],
            "patient_agreed": "yes",
            "patient_words": "It started when things changed at home.",
            "sections": _ruled_out() if area == "interpersonal_deficits" else {},
        }
        episode["goals"] = [{"problem_area": area, "text": f"Talk with {aliases[0]} openly."}]
    return episode


def _people(rng: random.Random, area: str) -> list[dict[str, Any]]:
    chosen = rng.sample(list(PERSON_ALIASES), k=rng.randint(3, 6))
    if area == "grief" and "deceased" not in chosen:
        chosen[0] = "deceased"
    people, seen = [], set()
    for relationship in chosen:
        alias = rng.choice(PERSON_ALIASES[relationship])
        if alias in seen:
            continue
        seen.add(alias)
        people.append(
            {
                "alias": alias,
                "relationship": relationship,
                "ring": rng.choice((1, 1, 2, 2, 3)),
                "details": {
                    "living": relationship != "deceased",
                    "contact_frequency": rng.choice(("daily", "weekly", "monthly", "rarely")),
                    "confiding": rng.choice(("yes", "partly", "no")),
                    "conflict": "Argues about money most weeks." if rng.random() < 0.3 else "",
                    "patient_expectations": "Would like more help at home.",
                    "patient_expectations_met": rng.choice(("met", "partly", "not met")),
                },
            }
        )
    return people


def _line(person: dict[str, Any]) -> str:
    if person["relationship"] == "deceased":
        return "deceased"
    return "conflict" if person["details"]["conflict"] else "supportive"


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
    held: int,
    contracted: int,
    baseline: int,
    aliases: list[str],
    area: str,
    signed: bool,
) -> dict[str, Any]:
    session: dict[str, Any] = {"number": number, "held_on": held_on.isoformat()}
    note: dict[str, Any] = {"body": session_note(rng, aliases, area)}
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
        session["measures"] = [_phq9(rng, baseline, number, contracted)]
        if number == 1 and rng.random() < 0.4:
            session["measures"].append(clinical.gad7(rng, baseline // 8))
    return session


def _phq9(rng: random.Random, baseline: int, number: int, contracted: int) -> dict[str, Any]:
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
            flag["risk_note"] = {"body": clinical.risk_note(rng), "signed_by": SIGNER}
        measure["risk_flags"] = [flag]
    return measure
