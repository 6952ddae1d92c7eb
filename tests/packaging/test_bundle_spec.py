"""The PyInstaller spec ships every kind of resource the app reads (checked without building)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "ipt-workbench.spec"
# Kept out of the bundle on purpose: documentation, the package marker, translator sources.
NOT_SHIPPED = {".md", ".py", ".ts"}


def spec_constant(name: str) -> object:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not assigned in {SPEC.name}")


def test_every_resource_file_kind_is_shipped_or_left_out_on_purpose() -> None:
    shipped = spec_constant("RESOURCE_SUFFIXES")
    assert isinstance(shipped, set)
    kinds = {
        path.suffix
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    unknown = kinds - shipped - NOT_SHIPPED
    assert not unknown, f"add {sorted(unknown)} to RESOURCE_SUFFIXES in {SPEC.name} (or here)"


def test_the_bundle_identifier_is_the_desktop_id() -> None:
    assert spec_constant("APP_ID") == "org.iptworkbench.IPTWorkbench"
    assert (ROOT / "packaging" / "linux" / "org.iptworkbench.IPTWorkbench.desktop").is_file()
