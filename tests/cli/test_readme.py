"""The README never lies: every command it shows parses with the real CLI, or runs."""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import re
import shlex
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from workbench import cli

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
COMMAND = re.compile(r"^(?:ipt-workbench|\./quickstart\.sh)(?:\s|$)")
# Placeholders the README writes in capitals, and a value that parses where they stand.
NUMBERS = {"N", "S", "CLIENT_ID"}


def shown_commands() -> list[str]:
    """Every `ipt-workbench …` and `./quickstart.sh …` in code spans and shell blocks."""
    text = README.read_text(encoding="utf-8")
    found: list[str] = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
        found += [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    prose = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    found += [span.strip() for span in re.findall(r"`([^`\n]+)`", prose)]
    return [command.replace("\\|", "|") for command in found if COMMAND.match(command)]


def variants(command: str) -> list[list[str]]:
    """The argument lists a documented command stands for: options taken, each `a|b` choice."""
    words = shlex.split(command.replace("[", " ").replace("]", " "))[1:]
    choices = []
    for word in words:
        if word in NUMBERS:
            choices.append(["3"])
        elif re.fullmatch(r"[A-Z_]+(\.\w+)?", word):
            choices.append([word.lower()])  # VAULT, OUT.iptbackup, FILE.pdf: any path parses
        else:
            choices.append(word.split("|"))
    return [list(argv) for argv in itertools.product(*choices)]


def test_the_readme_shows_the_commands_it_documents() -> None:
    commands = shown_commands()
    subcommands = {c.split()[1] for c in commands if c.startswith("ipt-workbench ")}
    assert {"init", "demo", "list", "search", "verify", "backup", "export"} <= subcommands
    assert {"ipt-workbench --practice", "ipt-workbench --version"} <= set(commands)
    assert any(c.startswith("./quickstart.sh test") for c in commands)


@pytest.mark.parametrize(
    "command", [c for c in shown_commands() if c.startswith("ipt-workbench")], ids=str
)
def test_every_documented_command_parses(command: str) -> None:
    """A documented flag or sub-command that does not exist fails here (argparse exits 2)."""
    for argv in variants(command):
        if len(argv) == 1 and not argv[0].startswith("-"):
            argv = [*argv, "--help"]  # a sub-command named in prose: it must exist
        errors = io.StringIO()
        with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
            try:
                parsed = cli._parser().parse_args(argv)
            except SystemExit as exc:
                assert exc.code == 0, f"{command!r} as {argv}: {errors.getvalue()}"
                continue
        # Only the desktop app's own flags leave no sub-command (parsing them opens nothing).
        assert parsed.command is not None or all(a.startswith("--") for a in argv), argv


def test_every_quick_start_command_is_a_case_of_the_script() -> None:
    script = (ROOT / "quickstart.sh").read_text(encoding="utf-8")
    cases = set(re.findall(r"^ {4}([a-z]+)\)$", script, flags=re.MULTILINE))
    for command in (c for c in shown_commands() if c.startswith("./quickstart.sh")):
        assert command.split()[1] in cases, command


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([os.environ["PYTHONPATH"], str(ROOT)]),
        "IPT_WORKBENCH_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "IPT_WORKBENCH_FIRST_PAGE_EXIT": "1",  # the desktop app quits once its window is shown
    }
    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        start_new_session=True,
    )


def test_version_comes_from_the_package_metadata(tmp_path: Path) -> None:
    result = _run("--version", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ipt-workbench {metadata.version('ipt-workbench')}"


def test_practice_flag_opens_practice_mode_without_a_vault(tmp_path: Path) -> None:
    result = _run("--practice", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "first page: PracticeWindow" in result.stdout
    assert not list(tmp_path.rglob("*.iptvault"))
