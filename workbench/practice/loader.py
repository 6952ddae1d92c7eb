"""The one cached loader of the shipped vignettes (resources/vignettes/*.toml), and of files."""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

from workbench.practice.errors import UnknownVignette, VignetteError
from workbench.practice.model import Vignette
from workbench.practice.schema import parse_vignette

FOLDER = "vignettes"


@cache
def shipped_vignettes() -> tuple[Vignette, ...]:
    """Every shipped vignette, sorted by id; a damaged file stops the load with its name."""
    folder = resources.files("resources") / FOLDER
    found: dict[str, Vignette] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        display = f"resources/{FOLDER}/{entry.name}"
        try:
            text = entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise VignetteError(display, None, f"cannot read the file ({exc})") from exc
        vignette = parse_vignette(text, display)
        twin = found.get(vignette.id.casefold())
        if twin is not None:
            raise VignetteError(display, 1, f"id {vignette.id!r} is also used by {twin.source}")
        found[vignette.id.casefold()] = vignette
    return tuple(sorted(found.values(), key=lambda v: v.id))


def load_vignette_file(path: str | os.PathLike[str]) -> Vignette:
    """A vignette from an explicit file (a trainer's draft, tests); never cached."""
    name = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VignetteError(name, None, f"cannot read the file ({exc})") from exc
    return parse_vignette(text, name)


def find_vignette(name: str) -> Vignette:
    """A shipped vignette by id (any case), or a vignette file when *name* is a .toml path."""
    if name.lower().endswith(".toml"):
        return load_vignette_file(name)
    wanted = name.strip().casefold()
    for vignette in shipped_vignettes():
        if vignette.id.casefold() == wanted:
            return vignette
    known = ", ".join(v.id for v in shipped_vignettes())
    raise UnknownVignette(f"No practice vignette has the id {name!r}; known: {known}.")
