"""`ipt-workbench practice`: list, show and score vignettes headless; no clinical vault is used."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from workbench.errors import InvalidInput

HELP = "trainee practice on fictional vignettes (never touches a clinical vault)"


def add_parser(sub: Any) -> None:
    """Register the `practice` sub-command on the CLI's sub-parsers."""
    p = sub.add_parser("practice", help=HELP, description=HELP)
    p.add_argument(
        "action",
        nargs="?",
        choices=["validate"],
        help="validate FILE: check a vignette file and name the line and field of any mistake",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="the vignette file to validate")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--list", action="store_true", help="list the vignettes (the default)")
    mode.add_argument("--history", action="store_true", help="past attempts and scores")
    mode.add_argument(
        "--progress",
        action="store_true",
        help="what is missed most across cases (with --trainee NAME, --pdf OUT.pdf)",
    )
    mode.add_argument(
        "--add",
        metavar="FILE.toml",
        help="validate a vignette and copy it into your practice data (listed with the others)",
    )
    p.add_argument("--vignette", metavar="ID", help="a vignette id, or a vignette .toml file")
    p.add_argument("--attempt", metavar="FILE.json", help="score this attempt and record it")
    p.add_argument("--template", action="store_true", help="print a blank attempt for --vignette")
    p.add_argument("--pdf", metavar="OUT.pdf", help="with --attempt: write the practice PDF")
    p.add_argument("--trainee", metavar="NAME", help="with --attempt: the trainee's name")
    p.set_defaults(func=cmd_practice, passphrase_stdin=False)


def cmd_practice(args: argparse.Namespace, _secrets: object, out: TextIO) -> int:
    from workbench.practice.library import add_vignette, library
    from workbench.practice.model_answer import blank_attempt
    from workbench.practice.store import PracticeStore
    from workbench.practice.text import case_text, history_text, list_text, validated_text

    others = (args.list, args.history, args.vignette, args.attempt, args.template)
    if args.action == "validate" or args.file:
        if args.action != "validate" or not args.file:
            raise InvalidInput("Use: ipt-workbench practice validate FILE.toml")
        if args.add or any(others):
            raise InvalidInput("validate FILE takes no other option.")
        from workbench.practice.loader import load_vignette_file

        out.write(validated_text(load_vignette_file(args.file), args.file))
        return 0
    if args.add:
        if any(others):
            raise InvalidInput("--add FILE takes no other option.")
        vignette, target = add_vignette(args.add)
        out.write(validated_text(vignette, args.add))
        out.write(f"Added as {target}: open it with --vignette {vignette.id}\n")
        return 0

    if args.progress:
        if args.attempt or args.template or args.vignette:
            raise InvalidInput("--progress takes only --trainee NAME and --pdf OUT.pdf.")
        return _progress(args, out)
    if (args.pdf or args.trainee) and not args.attempt:
        raise InvalidInput("--pdf and --trainee go with --attempt FILE.json or --progress.")
    if args.template and (args.attempt or not args.vignette):
        raise InvalidInput("--template needs --vignette ID (and no --attempt).")
    if args.history:
        if args.attempt or args.template:
            raise InvalidInput("--history cannot be combined with --attempt or --template.")
        out.write(history_text(PracticeStore().attempts(args.vignette)))
        return 0
    if args.list and (args.vignette or args.attempt):
        raise InvalidInput("--list cannot be combined with --vignette or --attempt.")
    if args.attempt:
        return _score(args, out)
    if args.vignette:
        vignette = _find(args.vignette)
        if args.template:
            doc = blank_attempt(vignette).to_json()
            out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(case_text(vignette))
        return 0
    found = library()
    out.write(list_text(found.vignettes))
    for problem in found.problems:
        out.write(f"Not listed: {problem}\n")
    return 0


def _progress(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.clock import utc_now
    from workbench.practice.library import library
    from workbench.practice.progress import progress
    from workbench.practice.store import PracticeStore
    from workbench.practice.text import progress_text

    report = progress(PracticeStore().attempts(), library().vignettes, (args.trainee or "").strip())
    out.write(progress_text(report))
    if args.pdf:
        from workbench.practice.progress_pdf import build_progress
        from workbench.reports.output import write_atomically

        written = write_atomically(build_progress(report, utc_now()), Path(args.pdf))
        out.write(f"Wrote {written} (practice progress for your supervisor)\n")
    return 0


def _find(name: str) -> Any:
    """A vignette file (a .toml path), or a shipped or added vignette by id."""
    from workbench.practice.library import library
    from workbench.practice.loader import load_vignette_file

    if name.lower().endswith(".toml"):
        return load_vignette_file(name)
    return library().find(name)


def _score(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.clock import utc_now
    from workbench.practice.attempt import load_attempt
    from workbench.practice.engine import evaluate
    from workbench.practice.store import PracticeStore
    from workbench.practice.text import feedback_text

    attempt = load_attempt(args.attempt)
    vignette = _find(args.vignette or attempt.vignette)
    if args.trainee:
        attempt = replace(attempt, trainee=args.trainee.strip())
    feedback = evaluate(vignette, attempt, source=args.attempt)
    out.write(feedback_text(feedback))
    written = None
    if args.pdf:
        from workbench.practice.report_pdf import build
        from workbench.reports.output import write_atomically

        written = write_atomically(build(vignette, attempt, feedback, utc_now()), Path(args.pdf))
    store = PracticeStore()
    record = store.record(feedback, attempt)
    out.write(f"\nRecorded as practice attempt {record.id} in {store.path}\n")
    if written is not None:
        out.write(f"Wrote {written} (practice PDF for your supervisor)\n")
    return 0
