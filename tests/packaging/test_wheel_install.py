"""The wheel and sdist install into a clean venv outside the source tree, and the app runs there.

Needs the package index for the dependencies (run with `-m release`; CI does).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from tests.support import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
BIN = "Scripts" if sys.platform == "win32" else "bin"

pytestmark = pytest.mark.release


def run(command: list[str], cwd: Path, env: dict[str, str], stdin: str = "") -> str:
    result = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        start_new_session=True,  # no controlling terminal: getpass cannot open /dev/tty
    )
    assert result.returncode == 0, f"{command}: {result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(wheel, sdist) built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], ROOT, dict(os.environ))
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


def test_wheel_runs_from_a_clean_venv_outside_the_source_tree(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    wheel, _ = built
    assert wheel.name == f"ipt_workbench-{VERSION}-py3-none-any.whl"
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = str(env_dir / BIN / "python")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "IPT_WORKBENCH_DEBUG")
    }
    env |= {"IPT_WORKBENCH_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    run([python, "-m", "pip", "install", "--quiet", str(wheel)], tmp_path, env)

    where = run(
        [python, "-c", "import ui, workbench; print(workbench.__file__, ui.__file__)"],
        tmp_path,
        env,
    )
    assert str(ROOT) not in where and str(env_dir) in where

    command = str(env_dir / BIN / "ipt-workbench")
    assert run([command, "--version"], tmp_path, env).strip() == f"ipt-workbench {VERSION}"
    vault = str(tmp_path / "cases")
    secret = PASSPHRASE + "\n"
    run([command, "demo", vault, "--clients", "6", "--passphrase-stdin"], tmp_path, env, secret)
    listed = run(
        [command, "list", vault + ".iptvault", "--passphrase-stdin"], tmp_path, env, secret
    )
    assert len(listed.strip().splitlines()) >= 6

    shown = {**env, "IPT_WORKBENCH_FIRST_PAGE_EXIT": "1"}
    assert "first page: FirstRunPage" in run([command], tmp_path, shown)
    assert "first page: PracticeWindow" in run([command, "--practice"], tmp_path, shown)
    gui_launcher = (
        env_dir / BIN / ("ipt-workbench-app" + (".exe" if sys.platform == "win32" else ""))
    )
    assert "first page: FirstRunPage" in run([str(gui_launcher)], tmp_path, shown)


def test_sdist_builds_the_same_wheel(built: tuple[Path, Path], tmp_path: Path) -> None:
    wheel, sdist = built
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(sdist),
        ],
        tmp_path,
        dict(os.environ),
    )
    (rebuilt,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as first, zipfile.ZipFile(rebuilt) as second:
        assert sorted(first.namelist()) == sorted(second.namelist())
        shipped = first.namelist()
    assert any(name.startswith("resources/fonts/") for name in shipped)
    assert any(name.startswith("workbench/store/schema_") for name in shipped)
    assert not any(name.startswith("tests/") for name in shipped)
