"""Errors of practice mode: a bad vignette file, a bad attempt, an unusable practice store."""

from __future__ import annotations

from workbench.errors import WorkbenchError


class VignetteError(WorkbenchError):
    """A vignette file that cannot be used; the message names the file, the field and the line."""

    def __init__(self, source: str, line: int | None, detail: str) -> None:
        self.source = source
        self.line = line
        self.detail = detail
        where = source if line is None else f"{source}, line {line}"
        super().__init__(f"Vignette error in {where}: {detail}")


class AttemptError(WorkbenchError):
    """A trainee attempt that cannot be scored; the message names the file and the field."""

    def __init__(self, source: str, detail: str) -> None:
        self.source = source
        self.detail = detail
        super().__init__(f"Attempt {source}: {detail}")


class PracticeStoreError(WorkbenchError):
    """The practice history file cannot be read or written; it is never overwritten blindly."""


class UnknownVignette(WorkbenchError):
    """No shipped vignette has the requested id."""
