"""A trainee's attempt: what they selected and tagged (not free-text guessing), as JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from workbench.domain.formulation import SR_SECTIONS
from workbench.domain.inventory import RELATIONSHIPS, RINGS
from workbench.domain.risk import ACTIONS, NATURE_OF_THOUGHTS, RiskNote
from workbench.practice.errors import AttemptError

FORMAT = "ipt-workbench-practice-attempt"
FORMAT_VERSION = 2  # 2 adds primary_person, secondary_person and rule_outs; 1 is still read
READ_VERSIONS = (1, 2)
SECTION_KEYS = tuple(key for key, _ in SR_SECTIONS)
_RISK_TEXT = ("risk_formulation", "frequency_recency", "protective_factors", "actions_taken")


@dataclass(frozen=True)
class PersonEntry:
    """Someone the trainee put in the inventory: alias, relationship, circle ring."""

    alias: str
    relationship: str = "other"
    ring: int | None = None


@dataclass(frozen=True)
class MeasureEntry:
    """The items the trainee entered from the case, and the total and band they worked out."""

    items: tuple[int | None, ...]
    total: int | None = None
    band: str | None = None


@dataclass(frozen=True)
class Attempt:
    vignette: str
    trainee: str = ""
    people: tuple[PersonEntry, ...] = ()
    timeline_tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    measures: Mapping[str, MeasureEntry] = field(default_factory=dict)
    primary_area: str | None = None
    secondary_area: str | None = None
    dispute_stage: str | None = None
    modifier: str | None = None
    goals: tuple[str, ...] = ()
    strategies: tuple[str, ...] = ()
    techniques: tuple[str, ...] = ()
    formulation: Mapping[str, str] = field(default_factory=dict)
    risk_note: RiskNote | None = None
    primary_person: str | None = None  # the alias of whom the primary area is about
    secondary_person: str | None = None
    rule_outs: Mapping[str, str] = field(default_factory=dict)  # area id → why it is not it

    def to_json(self) -> dict[str, Any]:
        """The documented JSON form (docs/practice.md); from_json reads it back unchanged."""
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vignette": self.vignette,
            "trainee": self.trainee,
            "people": [
                {"alias": p.alias, "relationship": p.relationship, "ring": p.ring}
                for p in self.people
            ],
            "timeline_tags": {k: list(v) for k, v in self.timeline_tags.items()},
            "measures": {
                k: {"items": list(m.items), "total": m.total, "band": m.band}
                for k, m in self.measures.items()
            },
            "primary_area": self.primary_area,
            "secondary_area": self.secondary_area,
            "dispute_stage": self.dispute_stage,
            "modifier": self.modifier,
            "goals": list(self.goals),
            "strategies": list(self.strategies),
            "techniques": list(self.techniques),
            "formulation": dict(self.formulation),
            "risk_note": None if self.risk_note is None else _risk_json(self.risk_note),
            "primary_person": self.primary_person,
            "secondary_person": self.secondary_person,
            "rule_outs": dict(self.rule_outs),
        }

    @classmethod
    def from_json(cls, doc: object, source: str = "<attempt>") -> Attempt:
        """Validate the shape of *doc*; an AttemptError names *source* and the field."""
        return _Reader(source).attempt(doc)


def load_attempt(path: str | os.PathLike[str]) -> Attempt:
    """An attempt from a JSON file; any problem is one AttemptError naming the file."""
    name = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AttemptError(name, f"cannot read the file ({exc.__class__.__name__})") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AttemptError(name, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return Attempt.from_json(doc, name)


def _risk_json(note: RiskNote) -> dict[str, Any]:
    doc = note.body()
    doc.pop("extra", None)
    return doc


class _Reader:
    """Typed reads of the attempt JSON; every failure names the field path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, detail: str) -> NoReturn:
        raise AttemptError(self.source, f"{where}: {detail}")

    def obj(self, value: object, where: str, keys: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "must be a JSON object")
        unknown = sorted(set(value) - keys)
        if unknown:
            self.fail(f"{where}.{unknown[0]}" if where != "top level" else unknown[0], "unknown")
        return value

    def text(self, value: object, where: str, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            self.fail(where, "must be text" + (" or null" if optional else ""))
        return value

    def texts(self, value: object, where: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(where, "must be a list of texts")
        return tuple(value)

    def number(self, value: object, where: str, *, optional: bool = True) -> int | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, "must be a whole number" + (" or null" if optional else ""))
        return value

    def attempt(self, doc: object) -> Attempt:
        keys = {"format", "version", "vignette", "trainee", "people", "timeline_tags"}
        keys |= {"measures", "primary_area", "secondary_area", "dispute_stage", "modifier"}
        keys |= {"goals", "strategies", "techniques", "formulation", "risk_note"}
        keys |= {"primary_person", "secondary_person", "rule_outs"}
        top = self.obj(doc, "top level", keys)
        if top.get("format", FORMAT) != FORMAT:
            self.fail("format", f"must be {FORMAT!r}")
        if top.get("version", FORMAT_VERSION) not in READ_VERSIONS:
            self.fail("version", "this app reads versions 1 and 2")
        vignette = self.text(top.get("vignette"), "vignette")
        assert vignette is not None
        return Attempt(
            vignette=vignette.strip(),
            trainee=self.text(top.get("trainee"), "trainee", optional=True) or "",
            people=self.people(top.get("people")),
            timeline_tags=self.tags(top.get("timeline_tags")),
            measures=self.measures(top.get("measures")),
            primary_area=self.text(top.get("primary_area"), "primary_area", optional=True),
            secondary_area=self.text(top.get("secondary_area"), "secondary_area", optional=True),
            dispute_stage=self.text(top.get("dispute_stage"), "dispute_stage", optional=True),
            modifier=self.text(top.get("modifier"), "modifier", optional=True),
            goals=self.texts(top.get("goals"), "goals"),
            strategies=self.texts(top.get("strategies"), "strategies"),
            techniques=self.texts(top.get("techniques"), "techniques"),
            formulation=self.formulation(top.get("formulation")),
            risk_note=self.risk_note(top.get("risk_note")),
            primary_person=self.text(top.get("primary_person"), "primary_person", optional=True),
            secondary_person=self.text(
                top.get("secondary_person"), "secondary_person", optional=True
            ),
            rule_outs=self.rule_outs(top.get("rule_outs")),
        )

    def rule_outs(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail("rule_outs", "must be an object of area id → why it is ruled out")
        return {str(k): self.text(v, f"rule_outs.{k}") or "" for k, v in value.items()}

    def tags(self, value: object) -> dict[str, tuple[str, ...]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail("timeline_tags", "must be an object of event id → list of tags")
        return {str(k): self.texts(v, f"timeline_tags.{k}") for k, v in value.items()}

    def people(self, value: object) -> tuple[PersonEntry, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail("people", "must be a list of objects")
        found = []
        for n, item in enumerate(value, 1):
            where = f"people[{n}]"
            entry = self.obj(item, where, {"alias", "relationship", "ring"})
            alias = self.text(entry.get("alias"), f"{where}.alias")
            if not alias or not alias.strip():
                self.fail(f"{where}.alias", "must not be empty")
            relationship = self.text(entry.get("relationship", "other"), f"{where}.relationship")
            if relationship not in RELATIONSHIPS:
                self.fail(f"{where}.relationship", f"must be one of {', '.join(RELATIONSHIPS)}")
            ring = self.number(entry.get("ring"), f"{where}.ring")
            if ring is not None and ring not in RINGS:
                self.fail(f"{where}.ring", "must be 1 (closest), 2, 3 or null")
            found.append(PersonEntry(alias.strip(), relationship or "other", ring))
        return tuple(found)

    def measures(self, value: object) -> dict[str, MeasureEntry]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail("measures", "must be an object of instrument → entry")
        found = {}
        for instrument, item in value.items():
            where = f"measures.{instrument}"
            entry = self.obj(item, where, {"items", "total", "band"})
            items = entry.get("items")
            if not isinstance(items, list):
                self.fail(f"{where}.items", "must be a list of item scores (null if unanswered)")
            values = tuple(self.number(v, f"{where}.items[{n}]") for n, v in enumerate(items, 1))
            found[str(instrument)] = MeasureEntry(
                items=values,
                total=self.number(entry.get("total"), f"{where}.total"),
                band=self.text(entry.get("band"), f"{where}.band", optional=True),
            )
        return found

    def formulation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        sections = self.obj(value, "formulation", set(SECTION_KEYS))
        return {k: self.text(v, f"formulation.{k}") or "" for k, v in sections.items()}

    def risk_note(self, value: object) -> RiskNote | None:
        if value is None:
            return None
        keys = {*_RISK_TEXT, "nature_of_thoughts", "action_checks", "follow_up_date"}
        doc = self.obj(value, "risk_note", keys)
        nature = self.texts(doc.get("nature_of_thoughts"), "risk_note.nature_of_thoughts")
        for kind in nature:
            if kind not in NATURE_OF_THOUGHTS:
                self.fail("risk_note.nature_of_thoughts", f"{kind!r} is not one of the kinds")
        checks = self.texts(doc.get("action_checks"), "risk_note.action_checks")
        for check in checks:
            if check not in ACTIONS:
                self.fail(
                    "risk_note.action_checks", f"{check!r} is not one of {', '.join(ACTIONS)}"
                )
        texts = {k: self.text(doc.get(k, ""), f"risk_note.{k}") or "" for k in _RISK_TEXT}
        return RiskNote(
            risk_formulation=texts["risk_formulation"],
            nature_of_thoughts=nature,
            frequency_recency=texts["frequency_recency"],
            protective_factors=texts["protective_factors"],
            actions_taken=texts["actions_taken"],
            action_checks=checks,
            follow_up_date=self.text(
                doc.get("follow_up_date"), "risk_note.follow_up_date", optional=True
            ),
        )
