"""The trainer's own vignettes: validated, copied into the practice data folder, listed with the
shipped ones. A damaged file there is reported by name and never hides the other cases."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbench.fileio import atomic_write_bytes, make_private_dir
from workbench.paths import data_dir
from workbench.practice.errors import UnknownVignette, VignetteError
from workbench.practice.loader import load_vignette_file, shipped_vignettes
from workbench.practice.model import Vignette


def added_folder() -> Path:
    """data_dir()/practice/vignettes (IPT_WORKBENCH_HOME moves it, as for tests)."""
    return data_dir() / "practice" / "vignettes"


@dataclass(frozen=True)
class Library:
    """Every vignette a trainee can open, and what could not be read (one line per file)."""

    vignettes: tuple[Vignette, ...]
    problems: tuple[str, ...] = ()

    def find(self, name: str) -> Vignette:
        wanted = name.strip().casefold()
        for vignette in self.vignettes:
            if vignette.id.casefold() == wanted:
                return vignette
        known = ", ".join(v.id for v in self.vignettes)
        raise UnknownVignette(f"No practice vignette has the id {name!r}; known: {known}.")


def library(folder: Path | None = None) -> Library:
    """The shipped vignettes, then the trainer's own (sorted by id); shipped ids win."""
    shipped = shipped_vignettes()
    taken = {v.id.casefold() for v in shipped}
    added: list[Vignette] = []
    problems: list[str] = []
    where = folder if folder is not None else added_folder()
    files = sorted(where.glob("*.toml")) if where.is_dir() else []
    for path in files:
        try:
            vignette = load_vignette_file(path)
        except VignetteError as exc:
            problems.append(exc.user_message)
            continue
        if vignette.id.casefold() in taken:
            problems.append(f"{path}: id {vignette.id!r} is already used; the file was skipped.")
            continue
        taken.add(vignette.id.casefold())
        added.append(vignette)
    return Library((*shipped, *sorted(added, key=lambda v: v.id)), tuple(problems))


def add_vignette(
    source: str | os.PathLike[str], folder: Path | None = None
) -> tuple[Vignette, Path]:
    """Validate *source* and copy it into the practice data folder as ID.toml (owner-only).

    A shipped id is refused; the trainer's own earlier file with the same id is replaced."""
    vignette = load_vignette_file(source)
    if any(v.id.casefold() == vignette.id.casefold() for v in shipped_vignettes()):
        raise VignetteError(
            os.fspath(source),
            None,
            f"the id {vignette.id!r} belongs to a shipped vignette; give your case another id",
        )
    where = folder if folder is not None else added_folder()
    target = where / f"{vignette.id.lower()}.toml"
    try:
        make_private_dir(where)
        atomic_write_bytes(target, Path(source).read_bytes())
    except OSError as exc:
        raise VignetteError(
            str(target), None, f"cannot be written ({exc.strerror or exc.__class__.__name__})"
        ) from None
    return vignette, target
