"""Smoke test of the frozen bundle (packaging/build.sh first): only the built binary is run."""

# Run with `pytest -m frozen -s tests/packaging`; IPT_WORKBENCH_BUNDLE names another executable.
# It prints the bundle size and the cold-start median (to the unlock window) beside its goal; it
# never fails on a time (a busy machine would decide the result): tests/bench compares cold start
# against a bare PySide6 window measured in the same run.

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.frozen

ROOT = Path(__file__).resolve().parents[2]
EXECUTABLE = "ipt-workbench.exe" if sys.platform == "win32" else "ipt-workbench"
BUNDLE_EXE = Path(
    os.environ.get("IPT_WORKBENCH_BUNDLE") or ROOT / "dist" / "ipt-workbench" / EXECUTABLE
)
PASSPHRASE = "frozen smoke passphrase 7"
FIRST_PAGE = "first page: "
COLD_START_RUNS = int(os.environ.get("IPT_WORKBENCH_COLD_START_RUNS", "7"))
COLD_START_GOAL_S = 0.7
# What the bundle must never carry: other Qt stacks, and anything from a user's data folder.
FORBIDDEN_IN_BUNDLE = ("Qt6WebEngine", "Qt6Qml", "Qt6Quick", "Qt6Network", "libqgtk3", ".iptvault")


@dataclass
class Frozen:
    """The bundle's executable run in a clean environment with its own home and data folders."""

    exe: Path
    home: Path
    cwd: Path

    @property
    def data_dir(self) -> Path:
        return self.home / "data" / "ipt-workbench"

    def env(self) -> dict[str, str]:
        # Built from scratch: no PYTHONPATH, no venv, no IPT_WORKBENCH_HOME from the test suite.
        keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP")
        env = {key: os.environ[key] for key in keep if key in os.environ}
        env.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CONFIG_HOME=str(self.home / "config"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            XDG_RUNTIME_DIR=str(self.home / "runtime"),
            LOCALAPPDATA=str(self.home / "data"),
            QT_QPA_PLATFORM="offscreen",
        )
        return env

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.exe), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=self.cwd,
            env=self.env(),
            timeout=300,
            check=False,
        )

    def ok(self, *args: str, stdin: str = "") -> str:
        result = self.run(*args, stdin=stdin)
        assert result.returncode == 0, f"{args[0]}: {result.stderr}"
        assert "Traceback" not in result.stderr
        return result.stdout

    def first_page(self) -> tuple[str, float]:
        """Start the desktop app; (name of the first page shown, seconds until it was shown)."""
        env = {**self.env(), "IPT_WORKBENCH_FIRST_PAGE_EXIT": "1"}
        started = time.perf_counter()
        with subprocess.Popen(
            [str(self.exe)],
            cwd=self.cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        ) as process:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith(FIRST_PAGE):
                    elapsed = time.perf_counter() - started
                    assert process.wait(timeout=60) == 0
                    return line[len(FIRST_PAGE) :].strip(), elapsed
            process.wait(timeout=60)
        raise AssertionError(f"the app exited ({process.returncode}) without showing a page")


def bundle_snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not BUNDLE_EXE.is_file():
        pytest.skip(f"no frozen build at {BUNDLE_EXE}: run packaging/build.sh first")
    return BUNDLE_EXE


@pytest.fixture
def frozen(bundle: Path, tmp_path: Path) -> Iterator[Frozen]:
    (tmp_path / "home").mkdir()
    (tmp_path / "runtime").mkdir(mode=0o700)
    (tmp_path / "work").mkdir()
    folder = bundle.parent
    before = bundle_snapshot(folder)
    yield Frozen(bundle, tmp_path / "home", tmp_path / "work")
    assert bundle_snapshot(folder) == before, "the app wrote into its install folder"


def test_cli_creates_fills_exports_and_verifies_a_vault(frozen: Frozen) -> None:
    created = frozen.ok("init", "mine", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert "Recovery code" in created
    assert (frozen.cwd / "mine.iptvault").is_dir()

    demo = frozen.ok("demo", "demo", "--clients", "6", "--passphrase-stdin", stdin=PASSPHRASE)
    assert "6 fictional clients" in demo
    rows = frozen.ok("list", "demo", "--passphrase-stdin", stdin=PASSPHRASE).splitlines()
    held = [row.split("\t") for row in rows if "session 0 of" not in row]
    assert held, rows
    client_id, name = held[0][0], held[0][2]

    pdf = frozen.cwd / "summary.pdf"
    frozen.ok(
        "export", "demo", client_id, "--kind", "session-summary", "--out", str(pdf),
        "--passphrase-stdin", stdin=PASSPHRASE,
    )  # fmt: skip
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Session summary" in text
    assert name in text

    verified = frozen.ok("verify", "demo", "--passphrase-stdin", stdin=PASSPHRASE)
    assert "audit log chain: ok" in verified
    assert "vignettes" in frozen.ok("practice", "--list").lower()


def test_a_wrong_passphrase_is_a_plain_message(frozen: Frozen) -> None:
    frozen.ok("init", "mine", "--passphrase-stdin", stdin=PASSPHRASE)
    result = frozen.run("verify", "mine", "--passphrase-stdin", stdin="not it\n")
    assert result.returncode == 1
    assert result.stderr.startswith("ipt-workbench: ")
    assert "Traceback" not in result.stderr


def test_the_app_keeps_vaults_in_the_user_data_folder(frozen: Frozen) -> None:
    page, _ = frozen.first_page()
    assert page == "FirstRunPage"

    frozen.ok("init", str(frozen.data_dir / "caseload"), "--passphrase-stdin", stdin=PASSPHRASE)
    page, _ = frozen.first_page()
    assert page == "UnlockPage"  # it found the default vault in XDG_DATA_HOME, nowhere else


def test_cold_start_to_the_unlock_window(frozen: Frozen, bundle: Path) -> None:
    frozen.ok("init", str(frozen.data_dir / "caseload"), "--passphrase-stdin", stdin=PASSPHRASE)
    timings = []
    for _ in range(COLD_START_RUNS):
        page, seconds = frozen.first_page()
        assert page == "UnlockPage"
        timings.append(seconds)
    median = statistics.median(timings)
    size = folder_size(bundle.parent)
    print(
        f"\nfrozen bundle: {size / 2**20:.0f} MiB; cold start to the unlock window: median "
        f"{median:.2f} s over {len(timings)} runs "
        f"(min {min(timings):.2f}, max {max(timings):.2f}; goal ≤ {COLD_START_GOAL_S} s; "
        f"load average {os.getloadavg()[0]:.1f})"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")
def test_install_script_adds_the_app_to_the_users_menu_and_removes_it(frozen: Frozen) -> None:
    share = frozen.home / "data"
    desktop = share / "applications" / "org.iptworkbench.IPTWorkbench.desktop"
    installed = frozen.home / ".local" / "lib" / "ipt-workbench" / EXECUTABLE
    command = frozen.home / ".local" / "bin" / "ipt-workbench"

    def run(*args: str) -> str:
        return subprocess.run(
            args, cwd=frozen.cwd, env=frozen.env(), capture_output=True, text=True, check=True
        ).stdout

    run(str(frozen.exe.parent / "install.sh"))
    assert f"Exec={installed}" in desktop.read_text(encoding="utf-8").splitlines()
    assert (share / "icons/hicolor/256x256/apps/org.iptworkbench.IPTWorkbench.png").is_file()
    assert (share / "metainfo/org.iptworkbench.IPTWorkbench.metainfo.xml").is_file()
    assert "vignettes" in run(str(command), "practice", "--list").lower()

    run(str(frozen.exe.parent / "install.sh"), "--uninstall")
    assert not desktop.exists() and not installed.exists() and not command.exists()


def test_the_bundle_carries_only_what_the_app_uses(bundle: Path) -> None:
    names = [str(path.relative_to(bundle.parent)) for path in bundle.parent.rglob("*")]
    assert not [name for name in names if any(bad in name for bad in FORBIDDEN_IN_BUNDLE)]
    internal = bundle.parent / "_internal"
    for needed in ("resources/protocol", "resources/vignettes", "resources/fonts"):
        assert (internal / needed).is_dir(), needed
    plugins = internal / "PySide6" / "Qt" / "plugins"
    if sys.platform.startswith("linux"):
        kinds = {path.parent.name for path in plugins.rglob("*.so")}
        assert {"platforms", "imageformats", "iconengines", "printsupport"} <= kinds
        assert "sqldrivers" not in kinds and "qmltooling" not in kinds
        assert (bundle.parent / "share" / "applications").is_dir()
