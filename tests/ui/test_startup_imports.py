"""The desktop app starts without the PDF and passphrase-scoring libraries: they load on use."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("reportlab", "pypdf", "zxcvbn")  # loaded on first use: an export, a passphrase typed


def test_starting_the_app_imports_no_pdf_library() -> None:
    probe = "import sys, ui.app; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert "PySide6" in out and "workbench" in out
    assert [name for name in HEAVY if name in out] == []
