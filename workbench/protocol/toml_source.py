"""Typed reading of one TOML file: every bad value fails with the file and a best-effort line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from enum import StrEnum
from typing import NoReturn, TypeVar

from workbench.protocol.errors import ProtocolError

E = TypeVar("E", bound=StrEnum)

_SYNTAX_AT = re.compile(r"at line (\d+), column (\d+)")


class Source:
    """The text of one file, for line look-ups; tables are numbered in the order they are read."""

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.lines = text.splitlines()
        self._taken: dict[str, int] = {}
        self.root = Table(self, _decode(text, name, len(self.lines)), 1, name)

    def fail(self, line: int | None, detail: str) -> NoReturn:
        raise ProtocolError(self.name, line or 1, detail)

    def header_line(self, header: str, *, array: bool) -> int | None:
        """The line of the next unread `[[header]]` (array) or of `[header]`."""
        brackets = (r"\[\[", r"\]\]") if array else (r"\[", r"\]")
        pattern = re.compile(rf"\s*{brackets[0]}\s*{re.escape(header)}\s*{brackets[1]}")
        wanted = self._taken.get(header, 0)
        self._taken[header] = wanted + 1
        seen = 0
        for number, text in enumerate(self.lines, 1):
            if pattern.match(text):
                if seen == wanted:
                    return number
                seen += 1
        return None

    def key_line(self, key: str, start: int) -> int | None:
        """The first `key =` line from *start* up to the next table header."""
        pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
        for number in range(max(start, 1), len(self.lines) + 1):
            text = self.lines[number - 1]
            if number > start and text.lstrip().startswith("["):
                return None
            if pattern.match(text):
                return number
        return None


def _decode(text: str, name: str, line_count: int) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _SYNTAX_AT.search(str(exc))
        line = int(found[1]) if found else max(line_count, 1)
        raise ProtocolError(name, line, f"TOML syntax error: {exc}") from exc


class Table:
    """One TOML table with typed accessors; *what* names it in error messages."""

    def __init__(self, source: Source, data: Mapping[str, object], line: int, what: str) -> None:
        self.source = source
        self.data = data
        self.anchor = line
        self.what = what

    def line(self, key: str | None = None) -> int:
        found = self.source.key_line(key, self.anchor) if key else None
        return found or self.anchor

    def fail(self, detail: str, key: str | None = None) -> NoReturn:
        self.source.fail(self.line(key), f"{self.what}: {detail}")

    def check_keys(self, required: set[str], optional: frozenset[str] = frozenset()) -> None:
        for key in self.data:
            if key not in required and key not in optional:
                self.fail(f"unknown key {key!r}", key)
        for key in sorted(required):
            if key not in self.data:
                self.fail(f"missing key {key!r}")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be non-empty text", key)
        return value

    def opt_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def integer(self, key: str, minimum: int) -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(f"{key!r} must be a whole number of at least {minimum}", key)
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"{key!r} must be true or false", key)
        return value

    def texts(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.data.get(key, [])
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        if not ok or (required and not value):
            self.fail(f"{key!r} must be a {'non-empty ' if required else ''}list of texts", key)
        assert isinstance(value, list)
        return tuple(str(v) for v in value)

    def choice(self, key: str, kind: type[E], default: E | None = None) -> E:
        if default is not None and key not in self.data:
            return default
        value = self.data.get(key)
        allowed = [member.value for member in kind]
        if not isinstance(value, str) or value not in allowed:
            self.fail(f"{key!r} is {value!r}; expected one of {', '.join(map(repr, allowed))}", key)
        return kind(value)

    def ident(self, pattern: re.Pattern[str], key: str = "id") -> str:
        value = self.text(key)
        if not pattern.fullmatch(value):
            self.fail(f"{key!r} {value!r} is not a valid id", key)
        return value

    def table(self, key: str) -> Table:
        value = self.data.get(key)
        if not isinstance(value, dict):
            self.fail(f"missing table [{key}]", key)
        line = self.source.header_line(key, array=False) or self.line(key)
        return Table(self.source, value, line, f"[{key}]")

    def tables(self, key: str, header: str, label: str, *, required: bool = True) -> list[Table]:
        """The array of tables under *key*, each anchored at its `[[header]]` line."""
        value = self.data.get(key, None if required else [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"{key!r} must be an array of tables [[{header}]]", key)
        if required and not value:
            self.fail(f"at least one [[{header}]] is needed", key)
        children = []
        for number, data in enumerate(value, 1):
            line = self.source.header_line(header, array=True) or self.line(key)
            name = data.get("id")
            what = f"{label} {name!r}" if isinstance(name, str) else f"{label} #{number}"
            children.append(Table(self.source, data, line, what))
        return children


def unique(tables: list[Table], ids: list[str], label: str) -> None:
    """Fail on the second table that repeats an id."""
    seen: set[str] = set()
    for table, item_id in zip(tables, ids, strict=True):
        if item_id in seen:
            table.fail(f"duplicate {label} id {item_id!r}", "id")
        seen.add(item_id)
