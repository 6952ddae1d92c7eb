"""Crash-safe folder swap for restore: a journal beside the vault says how to finish or undo it.

The restored vault is assembled complete in a staging folder first. Then the journal is written,
the current vault is renamed aside and the staging folder renamed into its place. A kill between
the two renames leaves no vault under the name for a moment; the next unlock or restore reads
the journal and completes the swap (or puts the old vault back), and removes leftover staging.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

from workbench.fileio import atomic_write_bytes, fsync_dir

JOURNAL_SUFFIX = ".restore-journal"
DB_NAME = "caseload.db"


def staging_prefix(target: Path) -> str:
    return f".restore-{target.name}-"


def journal_path(target: Path) -> Path:
    return target.with_name(target.name + JOURNAL_SUFFIX)


def swap(staging: Path, target: Path, aside: Path | None) -> None:
    """Put the complete *staging* folder at *target*, the old one (if any) at *aside*."""
    journal = journal_path(target)
    doc = {"staging": staging.name, "aside": aside.name if aside else None}
    atomic_write_bytes(journal, json.dumps(doc).encode("ascii"))
    if aside is not None:
        os.replace(target, aside)
    os.replace(staging, target)
    fsync_dir(target.parent)
    journal.unlink()
    fsync_dir(target.parent)


def finish_interrupted(target: Path) -> None:
    """Complete or undo a swap a kill interrupted; remove staging folders no swap refers to."""
    journal = journal_path(target)
    referred: str | None = None
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        doc = json.loads(journal.read_text(encoding="ascii"))
        staging, aside = target.with_name(doc["staging"]), doc["aside"]
        referred = staging.name
        if not (target / DB_NAME).exists():
            if (staging / DB_NAME).exists():
                if target.exists():
                    target.rmdir()  # an empty folder only: never one holding a database
                os.replace(staging, target)
            elif aside and (target.with_name(aside) / DB_NAME).exists():
                os.replace(target.with_name(aside), target)
        fsync_dir(target.parent)
        journal.unlink()
        referred = None
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(staging_prefix(target) + "*"):
            if leftover.name != referred and leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
