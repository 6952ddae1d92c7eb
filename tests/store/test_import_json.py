"""import-json: export -> import -> export is identical; malformed files are refused by path."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support import FAST_KDF, PASSPHRASE
from workbench.demo.build import fill_demo
from workbench.store.export_json import caseload_document
from workbench.store.import_json import ImportRefused, import_into_new_vault
from workbench.store.vault import Vault

PATH_NAMED = re.compile(r"^(clients\[\d+\][\w.\[\]]*|format|version|\(document\)|clients): ")


def _document(vault: Vault) -> dict[str, Any]:
    with vault.reading() as conn:
        doc = caseload_document(conn, "2026-11-22T10:00:00Z", include_process_notes=True)
    return doc


def _import(raw: bytes, folder: Path) -> tuple[Vault, int]:
    vault, _, count = import_into_new_vault(
        lambda: Vault.create(folder, PASSPHRASE, kdf=FAST_KDF), raw
    )
    return vault, count


@pytest.fixture(scope="module")
def demo_document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("demo") / "demo"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        fill_demo(vault, 200, 29)
        return _document(vault)


def test_export_import_export_gives_the_same_content(
    demo_document: dict[str, Any], tmp_path: Path
) -> None:
    raw = json.dumps(demo_document, ensure_ascii=False).encode("utf-8")
    vault, count = _import(raw, tmp_path / "imported")
    with vault:
        assert count == 200
        again = _document(vault)
        assert vault.check_integrity().ok
    assert again == demo_document


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _duplicate_client(doc: dict[str, Any]) -> None:
    doc["clients"].append(copy.deepcopy(doc["clients"][0]))


def _mutations(doc: dict[str, Any]) -> list[tuple[str, Callable[[dict[str, Any]], None]]]:
    """50 kinds of damage a hand edit, a tool or a truncated copy could do."""
    c = ("clients", 1)
    e = (*c, "episodes", 0)
    episode = doc["clients"][1]["episodes"][0]
    assert episode["sessions"] and episode["notes"] and episode["measures"]
    cases: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
        ("format", _set(("format",), "something-else")),
        ("version", _set(("version",), 99)),
        ("clients-not-list", _set(("clients",), {"a": 1})),
        ("client-not-object", _set(("clients", 0), "Jo")),
        ("duplicate-client", _duplicate_client),
    ]
    for field, bad in (
        ("code", None),
        ("code", 7),
        ("given_name", ["x"]),
        ("created_at", None),
        ("id", "one"),
        ("id", True),
        ("date_of_birth", 19840101),
        ("contact", float("nan")),
        ("family_name", "\udc80"),
        ("family_name", "x" * (1024 * 1024 + 1)),
    ):
        cases.append((f"client.{field}={str(bad)[:12]}", _set((*c, field), bad)))
    cases += [
        ("client.unknown", _set((*c, "favourite_colour"), "blue")),
        ("client.no-code", _drop((*c, "code"))),
        ("episodes-not-list", _set((*c, "episodes"), "none")),
        ("episode.no-start", _drop((*e, "start_date"))),
        ("episode.sessions=3", _set((*e, "contracted_sessions"), "twelve")),
        ("episode.unknown", _set((*e, "mood"), 3)),
        ("episode.kind", _set((*e, "kind"), "forever")),
        ("sessions-not-list", _set((*e, "sessions"), {})),
        ("session.no-held-on", _drop((*e, "sessions", 0, "held_on"))),
        ("session.held_on", _set((*e, "sessions", 0, "held_on"), 20260302)),
        ("session.number", _set((*e, "sessions", 0, "number"), 1.5)),
        ("session.duplicate-number", _set((*e, "sessions", 1, "number"), 1)),
        ("note.body-not-json", _set((*e, "notes", 0, "body"), float("inf"))),
        ("note.session-missing", _set((*e, "notes", 0, "session_id"), 999_999)),
        ("note.kind", _set((*e, "notes", 0, "kind"), "diary")),
        ("note.no-status", _set((*e, "notes", 0, "status"), None)),
        ("measure.responses", _set((*e, "measures", 0, "responses"), [1, 2])),
        ("measure.item", _set((*e, "measures", 0, "responses", "nine"), 1)),
        ("measure.value", _set((*e, "measures", 0, "responses", "1"), "three")),
        ("measure.total", _set((*e, "measures", 0, "total"), "ten")),
        ("measure.complete", _set((*e, "measures", 0, "complete"), "yes")),
        ("measure.unknown", _set((*e, "measures", 0, "score"), 1)),
        ("formulation", _set((*e, "formulation"), [])),
        ("plan", _set((*e, "maintenance_plan"), "later")),
        ("inventory.not-object", _set((*e, "inventory"), [3])),
        ("timeline.people", _set((*e, "timeline"), [{"event_date": "2026-01-01", "people": 7}])),
        ("checklist.status", _set((*e, "checklist"), [{"item_id": "x", "status": "maybe"}])),
        (
            "risk.unknown-note",
            _set(
                (*e, "risk_flags"),
                [
                    {
                        "id": 1,
                        "source": "PHQ-9 item 9",
                        "raised_at": "2026-01-01T00:00:00Z",
                        "status": "noted",
                        "note_id": 10**9,
                    }
                ],
            ),
        ),
        ("contract.not-list", _set((*e, "contract_changes"), "none")),
        (
            "snapshot.placements",
            _set(
                (*e, "circle_snapshots"), [{"id": 1, "taken_on": "2026-01-01", "placements": "x"}]
            ),
        ),
    ]
    signed = next((n for n in episode["notes"] if n["status"] == "signed"), None)
    if signed is not None:
        index = episode["notes"].index(signed)
        cases.append(("signed-note-edited", _set((*e, "notes", index, "body"), {"check_in": "x"})))
    return cases


def test_malformed_files_are_refused_by_path_and_nothing_is_written(
    demo_document: dict[str, Any], tmp_path: Path
) -> None:
    small = {**demo_document, "clients": demo_document["clients"][:4]}
    cases = [
        (name, json.dumps(_apply(small, change)).encode()) for name, change in _mutations(small)
    ]
    raw = json.dumps(small).encode()
    cases += [
        ("truncated", raw[: len(raw) // 2]),
        ("bad-utf8", raw.replace(b'"format"', b'"form\xff"', 1)),
        ("deep", b'{"clients": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        ("not-an-object", b"[1, 2, 3]"),
    ]
    assert len(cases) >= 50, len(cases)
    messages = []
    for n, (name, data) in enumerate(cases):
        folder = tmp_path / f"case{n}"
        with pytest.raises(ImportRefused) as refused:
            _import(data, folder)
        message = refused.value.user_message
        messages.append(f"{name}: {message}")
        assert not folder.exists() and not folder.with_name(folder.name + ".iptvault").exists()
        assert "nothing was written" in message
        if name not in ("truncated", "bad-utf8", "deep"):
            assert PATH_NAMED.match(message), (name, message)
    print("\n".join(messages[:8]))


def _apply(doc: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    mutated = copy.deepcopy(doc)
    change(mutated)
    return mutated
