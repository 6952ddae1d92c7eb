"""SHA256SUMS beside the release artifacts: every artifact listed, and `sha256sum -c` agrees."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRITER = ROOT / "packaging" / "write_checksums.py"


def test_every_artifact_is_listed_with_its_sha256(tmp_path: Path) -> None:
    artifacts = {
        "ipt-workbench-0.1.0-linux-x86_64.tar.gz": b"bundle",
        "ipt_workbench-0.1.0-py3-none-any.whl": b"wheel",
        "ipt-workbench_0.1.0_amd64.deb": b"deb",
    }
    for name, data in artifacts.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "ipt-workbench").mkdir()  # the unpacked bundle folder is not an artifact
    (tmp_path / "notes.txt").write_text("not an artifact", encoding="utf-8")

    subprocess.run([sys.executable, str(WRITER), str(tmp_path)], check=True, capture_output=True)

    listed = (tmp_path / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert listed == [
        f"{hashlib.sha256(data).hexdigest()}  {name}" for name, data in sorted(artifacts.items())
    ]
    if shutil.which("sha256sum"):
        check = subprocess.run(
            ["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout + check.stderr
        (tmp_path / "ipt-workbench_0.1.0_amd64.deb").write_bytes(b"tampered")
        check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True)
        assert check.returncode != 0
