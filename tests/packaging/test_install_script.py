"""packaging/linux/install.sh on a stand-in bundle: removes only what it installed, quotes Exec=."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux installer")

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.iptworkbench.IPTWorkbench"
# The stand-in executable records how it was started, so a launch through the menu is provable.
LAUNCHER = '#!/bin/sh\nprintf "%s\\n" "$0" "$@" > "$HOME/launched"\n'


@dataclass
class Machine:
    """A user's home (with a space in its path) and an unpacked stand-in bundle."""

    home: Path
    bundle: Path

    @property
    def default_prefix(self) -> Path:
        return self.home / ".local" / "lib" / "ipt-workbench"

    @property
    def menu_entry(self) -> Path:
        return self.home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"

    def install(self, *args: str, prefix: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {"PATH": os.environ["PATH"], "HOME": str(self.home), "LANG": "C.UTF-8"}
        if prefix is not None:
            env["IPT_WORKBENCH_PREFIX"] = str(prefix)
        return subprocess.run(
            ["sh", str(self.bundle / "install.sh"), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )


def make_bundle(folder: Path) -> Path:
    share = folder / "share"
    for sub in ("applications", "metainfo", "icons/hicolor/48x48/apps"):
        (share / sub).mkdir(parents=True)
    shutil.copy2(LINUX / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo")
    (share / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").write_bytes(b"\x89PNG stand-in")
    (folder / "_internal").mkdir()
    (folder / "_internal" / "library.so").write_bytes(b"stand-in library")
    executable = folder / "ipt-workbench"
    executable.write_text(LAUNCHER, encoding="utf-8")
    executable.chmod(0o755)
    shutil.copy2(LINUX / "install.sh", folder / "install.sh")
    return folder


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    home = tmp_path / "Jo Example's home"
    home.mkdir()
    return Machine(home, make_bundle(tmp_path / "unpacked" / "ipt-workbench"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def exec_argv(desktop_file: Path) -> list[str]:
    """Exec= split as the Desktop Entry specification says (string unescape, then quoting)."""
    rows = desktop_file.read_text(encoding="utf-8").splitlines()
    line = next(row for row in rows if row.startswith("Exec="))
    value = line.removeprefix("Exec=").replace("\\\\", "\\")
    return shlex.split(value)


def test_install_into_a_home_with_a_space_launches_from_the_menu_entry(machine: Machine) -> None:
    result = machine.install()
    assert result.returncode == 0, result.stderr

    installed = machine.default_prefix / "ipt-workbench"
    assert exec_argv(machine.menu_entry) == [str(installed)]
    assert (machine.home / ".local/bin/ipt-workbench").resolve() == installed
    subprocess.run(exec_argv(machine.menu_entry), env={"HOME": str(machine.home)}, check=True)
    assert (machine.home / "launched").read_text(encoding="utf-8").splitlines() == [str(installed)]

    if shutil.which("gio"):  # the desktop's own launcher reads the entry, if this machine has it
        (machine.home / "launched").unlink()
        env = {**os.environ, "HOME": str(machine.home)}
        subprocess.run(["gio", "launch", str(machine.menu_entry)], env=env, check=True, timeout=30)
        deadline = time.monotonic() + 10
        while not (machine.home / "launched").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (machine.home / "launched").read_text(encoding="utf-8").splitlines() == [
            str(installed)
        ]


def test_a_prefix_holding_other_files_is_refused_and_left_untouched(machine: Machine) -> None:
    prefix = machine.home / ".local"
    (prefix / "share" / "ipt-workbench" / "vaults").mkdir(parents=True)
    (prefix / "share" / "ipt-workbench" / "vaults" / "caseload.iptvault").write_bytes(b"vault")
    (prefix / "bin").mkdir()
    (prefix / "bin" / "other-tool").write_text("#!/bin/sh\n", encoding="utf-8")
    before = snapshot(prefix)

    for args in ((), ("--uninstall",)):
        result = machine.install(*args, prefix=prefix)
        assert result.returncode != 0
        assert "nothing was" in result.stderr
        assert snapshot(prefix) == before


def test_uninstall_removes_only_the_listed_files(machine: Machine) -> None:
    assert machine.install().returncode == 0
    stranger = machine.default_prefix / "notes-i-keep.txt"
    stranger.write_text("mine", encoding="utf-8")
    neighbour = machine.home / ".local/share/applications/other.desktop"
    neighbour.write_text("[Desktop Entry]\n", encoding="utf-8")

    refused = machine.install()
    assert refused.returncode != 0 and "did not install" in refused.stderr

    removed = machine.install("--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not machine.menu_entry.exists()
    assert not (machine.home / ".local/bin/ipt-workbench").exists()
    assert sorted(p.name for p in machine.default_prefix.rglob("*")) == ["notes-i-keep.txt"]
    assert neighbour.exists()
    assert not list((machine.home / ".local/share/icons").rglob("*.png"))


def test_an_update_replaces_the_previous_install(machine: Machine) -> None:
    assert machine.install().returncode == 0
    (machine.bundle / "_internal" / "library.so").unlink()
    (machine.bundle / "_internal" / "library-2.so").write_bytes(b"new library")

    result = machine.install()
    assert result.returncode == 0, result.stderr
    internal = machine.default_prefix / "_internal"
    assert sorted(p.name for p in internal.iterdir()) == ["library-2.so"]
    assert exec_argv(machine.menu_entry) == [str(machine.default_prefix / "ipt-workbench")]
