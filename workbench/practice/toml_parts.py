"""Typed reads shared by the vignette answer-key parsers (formats 1 and 2)."""

from __future__ import annotations

import re

from workbench.protocol import ManualProfile, Role
from workbench.protocol.toml_source import Table

ELEMENT_ID = re.compile(r"[a-z][a-z0-9_]*")
SEE = re.compile(r"§\d+(\.\d+)*( item \d+)?")
MAX_WEIGHT = 10


def sub_table(parent: Table, key: str, header: str, *, required: bool) -> Table | None:
    """The table *key* of *parent* ([header] or an inline table), anchored at its line."""
    if key not in parent.data:
        if required:
            parent.fail(f"missing table [{header}]")
        return None
    value = parent.data[key]
    if not isinstance(value, dict):
        parent.fail(f"{key!r} must be a table [{header}]", key)
    line = parent.source.header_line(header, array=False) or parent.line(key)
    return Table(parent.source, value, line, header)


def prose(table: Table, key: str) -> str:
    """Free text: line breaks inside a paragraph are joined; a blank line starts a new one."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", table.text(key)))
    return "\n\n".join(p for p in paragraphs if p)


def weight(table: Table, minimum: int = 1) -> int:
    value = table.integer("weight", minimum)
    if value > MAX_WEIGHT:
        table.fail(f"'weight' must be at most {MAX_WEIGHT}", "weight")
    return value


def see(table: Table) -> str:
    """The optional `see = "§3.2"`: the section of ipt-reference.md that teaches the element."""
    if "see" not in table.data:
        return ""
    value = table.text("see")
    if not SEE.fullmatch(value):
        table.fail(f"'see' is {value!r}; write a section of the reference like '§3.2'", "see")
    return value


def check_area(
    table: Table, profile: ManualProfile, area: str, role: Role, key: str = "area"
) -> None:
    found = profile.problem_area(area)
    if found is None:
        known = ", ".join(a.id for a in profile.problem_areas)
        table.fail(f"unknown problem area {area!r} for profile {profile.id} (known: {known})", key)
    if found.role is not role:
        table.fail(f"{area!r} is a {found.role.value} in profile {profile.id}, not a {role}", key)
