"""The test command works from a terminal: CLI tests never let getpass reach /dev/tty."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("script") is None,
    reason="util-linux `script` (a pseudo-terminal) is Linux-only",
)
def test_the_no_passphrase_test_passes_inside_a_pseudo_terminal() -> None:
    """Run from a terminal, a CLI child that inherits it would prompt on /dev/tty and wait."""
    inner = (
        f"{sys.executable} -m pytest -q -p no:cacheprovider "
        "tests/cli/test_cli.py -k no_terminal_and_no_passphrase"
    )
    result = subprocess.run(
        ["script", "-qec", inner, "/dev/null"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=90,  # the child waits 120 s on a terminal prompt: a hang fails here
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert "1 passed" in result.stdout
    assert "passphrase:" not in result.stdout.lower()


def test_every_test_that_starts_the_cli_detaches_it_from_the_terminal() -> None:
    """Any test starting `workbench.cli` or the built executable passes start_new_session=True."""
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("run", "Popen")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "subprocess"
            ):
                continue
            call = ast.get_source_segment(source, node) or ""
            if "workbench.cli" not in call and "self.exe" not in call:
                continue
            detached = any(
                k.arg == "start_new_session" and isinstance(k.value, ast.Constant) and k.value.value
                for k in node.keywords
            )
            if not detached:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
