"""For every client of a 200-client demo, `list`, the overview and every PDF agree on open flags."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.services.test_risk_follows_client import counts_in, pdf_text
from tests.support import PASSPHRASE
from workbench.errors import NotFound
from workbench.services import episodes, export, workspace_reads
from workbench.store.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 200


def cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "workbench.cli", *args, "--passphrase-stdin"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([os.environ["PYTHONPATH"], str(ROOT)])},
        start_new_session=True,  # no controlling terminal: getpass never opens /dev/tty
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_open_flag_counts_agree_for_every_demo_client(tmp_path: Path) -> None:
    cli("demo", str(tmp_path / "demo"), "--clients", str(CLIENTS))
    listed = {}
    for line in cli("list", str(tmp_path / "demo")).splitlines():
        cells = line.split("\t")
        listed[int(cells[0])] = int(cells[5].removeprefix("open risk flags: "))
    assert len(listed) == CLIENTS
    assert any(listed.values()), "the demo should hold some open flags"
    with Vault.unlock(tmp_path / "demo.iptvault", PASSPHRASE) as vault:
        for client_id, count in listed.items():
            episode = episodes.current_episode(vault, client_id)
            assert len(workspace_reads.overview(vault, episode.id).open_flags) == count
            for kind in export.KINDS:
                try:
                    text = pdf_text(export.build(vault, client_id, kind))
                except NotFound:  # no session yet, or no plan: that PDF does not exist
                    continue
                assert counts_in(text) == {count}, (client_id, kind)
