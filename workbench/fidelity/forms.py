"""Rating forms (per-session self-rating, supervisor rating) as data: items, a numeric scale
with anchors and the phases each item applies to. A malformed file names file, line, field."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from workbench.protocol.errors import ProtocolError
from workbench.protocol.model import Phase
from workbench.protocol.toml_source import Source, Table, unique

FORM_ID = re.compile(r"[a-z][a-z0-9_]*")
KINDS = ("self-rating", "supervisor")
PHASES = tuple(p.value for p in Phase if p not in (Phase.NOT_STARTED, Phase.ENDED))
FOLDER = "fidelity"


class FormError(ProtocolError):
    """A rating form that cannot be used; the message names the file, the line and the field."""

    def __init__(self, source: str, line: int | None, detail: str) -> None:
        super().__init__(source, line, detail)
        where = source if line is None else f"{source}, line {line}"
        self.args = (f"Rating form error in {where}: {detail}",)


@dataclass(frozen=True)
class FormItem:
    id: str
    text: str
    phases: tuple[str, ...]


@dataclass(frozen=True)
class RatingForm:
    id: str
    version: int
    label: str
    kind: str  # "self-rating" | "supervisor"
    source: str
    minimum: int
    maximum: int
    anchors: tuple[tuple[int, str], ...]
    items: tuple[FormItem, ...]

    def item(self, item_id: str) -> FormItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def items_for(self, phase: str) -> tuple[FormItem, ...]:
        return tuple(i for i in self.items if phase in i.phases)

    def problems(self, ratings: dict[str, int | None]) -> list[str]:
        """What is wrong with a set of ratings on this form (unknown items, out of scale)."""
        found = [
            f"{key!r} is not an item of {self.label}." for key in ratings if not self.item(key)
        ]
        for key, value in ratings.items():
            if value is not None and (
                isinstance(value, bool)
                or not isinstance(value, int)
                or not self.minimum <= value <= self.maximum
            ):
                found.append(
                    f"Rate {key!r} from {self.minimum} to {self.maximum}, or leave it out."
                )
        return found


def parse_form(text: str, source: str = "<text>") -> RatingForm:
    """One rating form file; nothing is returned unless the whole file is valid."""
    try:
        return _parse(text, source)
    except FormError:
        raise
    except ProtocolError as exc:
        raise FormError(exc.source, exc.line, exc.detail) from exc


def _parse(text: str, source: str) -> RatingForm:
    root = Source(text, source).root
    root.check_keys({"version", "id", "label", "kind", "source", "scale", "anchors", "items"})
    version = root.integer("version", 1)
    form_id = root.ident(FORM_ID)
    kind = root.text("kind")
    if kind not in KINDS:
        root.fail(f"'kind' is {kind!r}; expected one of {', '.join(map(repr, KINDS))}", "kind")
    scale = root.table("scale")
    scale.check_keys({"min", "max"})
    low, high = scale.integer("min", 0), scale.integer("max", 1)
    if high <= low:
        root.fail("'scale' max must be above min", "scale")
    anchors = _anchors(root, low, high)
    tables = root.tables("items", "items", "item")
    items = [_item(t) for t in tables]
    unique(tables, [i.id for i in items], "item")
    return RatingForm(
        id=form_id,
        version=version,
        label=root.text("label"),
        kind=kind,
        source=root.text("source"),
        minimum=low,
        maximum=high,
        anchors=anchors,
        items=tuple(items),
    )


def _anchors(root: Table, low: int, high: int) -> tuple[tuple[int, str], ...]:
    value = root.data.get("anchors")
    if not isinstance(value, list) or not value:
        root.fail("'anchors' must be a non-empty list of { value, label }", "anchors")
    found: list[tuple[int, str]] = []
    for number, entry in enumerate(value, 1):
        anchor = Table(
            root.source,
            entry if isinstance(entry, dict) else {},
            root.line("anchors"),
            f"anchor #{number}",
        )
        if not isinstance(entry, dict):
            anchor.fail('must be { value = N, label = "…" }')
        anchor.check_keys({"value", "label"})
        level = anchor.integer("value", low)
        if level > high:
            anchor.fail(f"'value' {level} is outside the scale {low}–{high}", "value")
        if level in (v for v, _ in found):
            anchor.fail(f"'value' {level} is anchored twice", "value")
        found.append((level, anchor.text("label")))
    return tuple(sorted(found))


def _item(table: Table) -> FormItem:
    table.check_keys({"id", "text", "phases"})
    phases = table.texts("phases", required=True)
    for phase in phases:
        if phase not in PHASES:
            table.fail(f"'phases' has {phase!r}; expected some of {', '.join(PHASES)}", "phases")
    return FormItem(table.ident(FORM_ID), table.text("text"), phases)


def _shipped() -> dict[str, tuple[str, str]]:
    """{file name: (text, display name)} of the forms shipped in resources/fidelity."""
    folder = resources.files("resources") / FOLDER
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            try:
                found[entry.name] = (
                    entry.read_text(encoding="utf-8"),
                    f"resources/{FOLDER}/{entry.name}",
                )
            except (OSError, UnicodeDecodeError) as exc:
                raise FormError(
                    f"resources/{FOLDER}/{entry.name}", None, f"cannot read ({exc})"
                ) from exc
    return found


@cache
def list_forms() -> tuple[RatingForm, ...]:
    """Every shipped form, validated (one malformed file stops the load, naming itself)."""
    forms = tuple(parse_form(text, name) for text, name in _shipped().values())
    seen: set[str] = set()
    for form, (_, name) in zip(forms, _shipped().values(), strict=True):
        if form.id in seen:
            raise FormError(name, 1, f"form id {form.id!r} is used by another file")
        seen.add(form.id)
    return forms


def load_form(form_id: str) -> RatingForm:
    for form in list_forms():
        if form.id == form_id:
            return form
    raise FormError(f"resources/{FOLDER}", None, f"no rating form has the id {form_id!r}")


def load_form_file(path: str | os.PathLike[str]) -> RatingForm:
    """A form from an explicit file (an organisation's own scale); never cached."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormError(os.fspath(path), None, f"cannot read the file ({exc})") from exc
    return parse_form(text, os.fspath(path))
