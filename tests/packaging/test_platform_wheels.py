"""Every runtime dependency, at the pinned ranges, installs from binary wheels on each platform.

Asks the package index (network: run with `-m release`). pip resolves the whole dependency tree
(shiboken6, cffi, Pillow… included) with `--only-binary=:all: --platform …` as a dry run: the same
question `pip download` asks, answered from the index's metadata without fetching ~100 MB of Qt per
platform. The floors below are the ones the README states.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# PySide6 6.8-6.11 offers nothing older than macosx_12_0 (universal2): macOS 12 is the floor on
# both Apple silicon and Intel. sqlcipher3 0.6.4 and PySide6 6.9 need glibc 2.28 (manylinux_2_28).
MACOS_FLOOR = "12_0"
GLIBC_FLOOR = 28
PLATFORMS = {
    "windows-x64": ["win_amd64"],
    "macos-apple-silicon": [f"macosx_{MACOS_FLOOR}_arm64"],
    "macos-intel": [f"macosx_{MACOS_FLOOR}_x86_64"],
    # pip does not widen a manylinux_2_N tag to older ones: list every tag a glibc 2.28 accepts.
    "linux-x86_64": [
        *(f"manylinux_2_{minor}_x86_64" for minor in range(17, GLIBC_FLOOR + 1)),
        "manylinux2014_x86_64",
    ],
}
PYTHONS = ("3.11", "3.13")

pytestmark = pytest.mark.release


def resolve(platforms: list[str], python: str, report: Path) -> list[str]:
    """File names of the wheels pip would install there, or a failure naming what is missing."""
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--dry-run",
        "--quiet",
        "--ignore-installed",
        "--only-binary=:all:",
        *(f"--platform={tag}" for tag in platforms),
        f"--python-version={python}",
        f"--target={report.parent / 'never-written'}",
        f"--report={report}",
        *PROJECT["dependencies"],
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    return [item["download_info"]["url"].rsplit("/", 1)[1] for item in installs]


@pytest.mark.parametrize("python", PYTHONS)
@pytest.mark.parametrize("target", sorted(PLATFORMS))
def test_every_dependency_has_a_wheel(target: str, python: str, tmp_path: Path) -> None:
    wheels = resolve(PLATFORMS[target], python, tmp_path / "report.json")
    print(f"\n{target} / Python {python}:", *wheels, sep="\n  ")
    names = {wheel.split("-")[0].lower().replace("_", "-") for wheel in wheels}
    for requirement in PROJECT["dependencies"]:
        name = requirement.split(">")[0].split("<")[0].split("=")[0].strip().lower()
        assert name in names, f"{name} has no wheel for {target}"
    assert all(wheel.endswith(".whl") for wheel in wheels)


def test_the_readme_states_these_floors() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"macOS {MACOS_FLOOR.split('_')[0]}" in readme
    assert f"glibc 2.{GLIBC_FLOOR}" in readme
