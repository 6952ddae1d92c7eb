"""Errors raised by the protocol loader: a damaged content file, or an unknown manual profile."""

from __future__ import annotations

from workbench.errors import WorkbenchError


class ProtocolError(WorkbenchError):
    """Protocol content that cannot be used; the message names the file and the line."""

    def __init__(self, source: str, line: int | None, detail: str) -> None:
        self.source = source
        self.line = line
        self.detail = detail
        where = source if line is None else f"{source}, line {line}"
        super().__init__(f"Protocol content error in {where}: {detail}")


class UnknownProfile(WorkbenchError):
    """A manual profile name that no shipped profile file defines."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self.name = name
        super().__init__(f"Unknown manual profile {name!r}; known profiles: {', '.join(known)}.")
