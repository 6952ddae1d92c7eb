"""The Linux desktop entry and AppStream metainfo: valid, and consistent with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.iptworkbench.IPTWorkbench"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (Debian: ./quickstart.sh test installs it)")
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_appstream_metainfo_passes_appstreamcli_validate() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # no error, warning or hint at all


def test_desktop_entry_starts_the_installed_command_with_the_app_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] in PROJECT["scripts"]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_metainfo_names_the_desktop_entry_and_the_current_release() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("name") == desktop_entry()["Name"]
    assert component.findtext("provides/binary") == desktop_entry()["Exec"]
    versions = [release.get("version") for release in component.iterfind("releases/release")]
    assert versions and versions[0] == PROJECT["version"], "add a <release> for this version"


def test_window_class_is_the_application_name_qt_gives_x11() -> None:
    """Qt's xcb plugin sets WM_CLASS's class to the application name (ui/app.py sets it)."""
    from ui.views.main_window import APP_TITLE

    assert desktop_entry()["StartupWMClass"] == APP_TITLE


def test_metainfo_has_a_homepage_and_a_default_screenshot_of_each_shipped_image() -> None:
    component = ET.parse(METAINFO).getroot()
    assert (component.findtext("url[@type='homepage']") or "").startswith("https://")
    screenshots = list(component.iterfind("screenshots/screenshot"))
    assert [shot.get("type") for shot in screenshots].count("default") == 1
    for shot in screenshots:
        assert (shot.findtext("caption") or "").strip()
        url = shot.findtext("image") or ""
        assert url.startswith("https://"), url
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_desktop_categories_are_in_the_metainfo() -> None:
    listed = {c.text for c in ET.parse(METAINFO).getroot().iterfind("categories/category")}
    assert set(filter(None, desktop_entry()["Categories"].split(";"))) <= listed
