"""The one cached loader of the shipped protocol content (resources/protocol/*.toml)."""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

from workbench.protocol.errors import ProtocolError, UnknownProfile
from workbench.protocol.model import ManualProfile, Technique
from workbench.protocol.schema import ContentIndex, parse_index, parse_profile, parse_techniques

INDEX_FILE = "index.toml"


def _read(name: str) -> tuple[str, str]:
    """(text, display name) of one file in resources/protocol; the only place that reads them."""
    display = f"resources/protocol/{name}"
    try:
        text = (resources.files("resources") / "protocol" / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProtocolError(display, None, f"cannot read the file ({exc})") from exc
    return text, display


@cache
def _index() -> ContentIndex:
    return parse_index(*_read(INDEX_FILE))


def list_profiles() -> tuple[str, ...]:
    """Ids of the shipped manual profiles, in the order the app offers them."""
    return tuple(entry.id for entry in _index().profiles)


def profile_id(name: str) -> str:
    """The canonical id for *name* ("WMK", "SR"; case and aliases such as "S&R" accepted)."""
    wanted = name.strip().casefold()
    for entry in _index().profiles:
        if wanted in {entry.id.casefold(), *(a.casefold() for a in entry.aliases)}:
            return entry.id
    raise UnknownProfile(name, list_profiles())


def load_profile(name: str) -> ManualProfile:
    """The shipped profile called *name*; raises ProtocolError if its file is damaged."""
    return _load_profile(profile_id(name))


@cache
def _load_profile(canonical: str) -> ManualProfile:
    entry = next(e for e in _index().profiles if e.id == canonical)
    text, display = _read(entry.file)
    profile = parse_profile(text, display)
    if profile.id != canonical:
        raise ProtocolError(display, 1, f"the file defines {profile.id!r}, not {canonical!r}")
    return profile


@cache
def _techniques() -> tuple[Technique, ...]:
    return parse_techniques(*_read(_index().techniques_file), known_profiles=list_profiles())


def techniques(profile: str | None = None) -> tuple[Technique, ...]:
    """The techniques catalogue; with *profile*, only the techniques that manual names."""
    catalogue = _techniques()
    if profile is None:
        return catalogue
    canonical = profile_id(profile)
    return tuple(t for t in catalogue if canonical in t.profiles)


def load_profile_file(path: str | os.PathLike[str]) -> ManualProfile:
    """A profile from an explicit file (content under development, tests); never cached."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProtocolError(os.fspath(path), None, f"cannot read the file ({exc})") from exc
    return parse_profile(text, os.fspath(path))
