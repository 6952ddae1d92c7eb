"""Print the newest glibc symbol version each library in a bundle needs, and the bundle's floor."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

GLIBC = re.compile(rb"GLIBC_(2\.\d+)")


def needed_glibc(path: Path) -> tuple[int, int] | None:
    """The highest GLIBC_2.N version *path* references (from its dynamic symbol table)."""
    found = subprocess.run(["objdump", "-T", str(path)], capture_output=True, check=False).stdout
    versions = {(2, int(v.decode().split(".")[1])) for v in GLIBC.findall(found)}
    return max(versions) if versions else None


def glibc_floor(bundle: Path) -> dict[str, tuple[int, int]]:
    """{path relative to the bundle: (2, N)} for every ELF file that needs glibc."""
    floors: dict[str, tuple[int, int]] = {}
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        version = needed_glibc(path)
        if version is not None:
            floors[str(path.relative_to(bundle))] = version
    return floors


if __name__ == "__main__":
    floors = glibc_floor(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/ipt-workbench"))
    for name, (major, minor) in sorted(floors.items(), key=lambda item: (item[1], item[0])):
        print(f"glibc {major}.{minor:<3} {name}")
    major, minor = max(floors.values())
    print(f"Bundle glibc floor: {major}.{minor}")
