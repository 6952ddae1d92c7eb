"""Every PDF the app writes needs no Pillow: the bundle leaves it out (packaging/runtime_hooks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from tests.support import PASSPHRASE
from workbench.practice import find_vignette, model_answer

ROOT = Path(__file__).resolve().parents[2]
HOOK = ROOT / "packaging" / "runtime_hooks" / "without_pillow.py"
KINDS = ("session-summary", "maintenance-plan", "supervisor-report")

# Runs in a fresh interpreter: the hook first (as in the bundle), then the CLI as a user would.
SCRIPT = f"""
import io, re, runpy, sys
runpy.run_path(sys.argv[1])
from workbench.cli import main
folder, vault, attempt, secret = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]

def run(*args, stdin=secret + "\\n"):
    out = io.StringIO()
    status = main(list(args), stdin=io.StringIO(stdin), out=out)
    assert status == 0, args
    return out.getvalue()

run("demo", vault, "--clients", "8", "--passphrase-stdin")
listed = run("list", vault + ".iptvault", "--passphrase-stdin")
rows = [row.split("\\t") for row in listed.splitlines()]
sessions = lambda row: int(re.search(r"session (\\d+) of", "\\t".join(row)).group(1))
furthest = sorted(rows, key=sessions, reverse=True)  # furthest courses: every PDF has content
for kind in {KINDS}:
    for row in furthest:  # a new course after a relapse has no plan yet: take the next client
        args = ("export", vault + ".iptvault", row[0], "--kind", kind, "--out",
                f"{{folder}}/{{kind}}.pdf", "--passphrase-stdin")
        if main(list(args), stdin=io.StringIO(secret + "\\n"), out=io.StringIO()) == 0:
            break
    else:
        raise AssertionError(f"no client has a {{kind}}")
client = furthest[0][0]
run("export", vault + ".iptvault", client, "--kind", "supervisor-report", "--deidentify",
    "--password", "--out", f"{{folder}}/protected.pdf", "--passphrase-stdin",
    stdin=secret + "\\n" + "pdf password for supervisor\\n")
run("practice", "--vignette", "G", "--attempt", attempt, "--pdf", f"{{folder}}/practice.pdf")
assert getattr(sys.modules["PIL"], "__file__", None) is None, "the real Pillow was imported"
print("pdfs written without Pillow")
"""


def test_every_pdf_kind_is_written_with_pillow_absent(tmp_path: Path) -> None:
    attempt = tmp_path / "attempt.json"
    attempt.write_text(json.dumps(model_answer(find_vignette("G")).to_json()), encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([os.environ["PYTHONPATH"], str(ROOT)]),
        "IPT_WORKBENCH_HOME": str(tmp_path / "home"),
    }
    env.pop("IPT_WORKBENCH_DEBUG", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            str(HOOK),
            str(tmp_path),
            str(tmp_path / "cases"),
            str(attempt),
            PASSPHRASE,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
        start_new_session=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "pdfs written without Pillow" in result.stdout
    for name in (*KINDS, "practice"):
        reader = PdfReader(str(tmp_path / f"{name}.pdf"))
        assert reader.pages and (reader.pages[0].extract_text() or "").strip()
    protected = PdfReader(str(tmp_path / "protected.pdf"))
    assert protected.is_encrypted and protected.decrypt("pdf password for supervisor")
