"""Write SHA256SUMS beside the release artifacts in a folder (checked with `sha256sum -c`)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ARTIFACT_SUFFIXES = (".tar.gz", ".whl", ".deb", ".zip", ".dmg", ".AppImage")
SUMS = "SHA256SUMS"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(folder: Path) -> list[str]:
    """(Re)write FOLDER/SHA256SUMS for every artifact there; returns its lines."""
    artifacts = sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.name.endswith(ARTIFACT_SUFFIXES)
    )
    lines = [f"{sha256(path)}  {path.name}" for path in artifacts]
    (folder / SUMS).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return lines


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    for line in write_checksums(target):
        print(line)
    print(f"Checksums: {target / SUMS}")
