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
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--list", action="store_true", help="list the vignettes (the default)")
    mode.add_argument("--history", action="store_true", help="past attempts and scores")
    p.add_argument("--vignette", metavar="ID", help="a vignette id, or a vignette .toml file")
    p.add_argument("--attempt", metavar="FILE.json", help="score this attempt and record it")
    p.add_argument("--template", action="store_true", help="print a blank attempt for --vignette")
    p.add_argument("--pdf", metavar="OUT.pdf", help="with --attempt: write the practice PDF")
    p.add_argument("--trainee", metavar="NAME", help="with --attempt: the trainee's name")
    p.set_defaults(func=cmd_practice, passphrase_stdin=False)


def cmd_practice(args: argparse.Namespace, _secrets: object, out: TextIO) -> int:
    from workbench.practice.loader import find_vignette, shipped_vignettes
    from workbench.practice.model_answer import blank_attempt
    from workbench.practice.store import PracticeStore
    from workbench.practice.text import case_text, history_text, list_text

    if (args.pdf or args.trainee) and not args.attempt:
        raise InvalidInput("--pdf and --trainee go with --attempt FILE.json.")
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
        vignette = find_vignette(args.vignette)
        if args.template:
            doc = blank_attempt(vignette).to_json()
            out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(case_text(vignette))
        return 0
    out.write(list_text(shipped_vignettes()))
    return 0


def _score(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.clock import utc_now
    from workbench.practice.attempt import load_attempt
    from workbench.practice.engine import evaluate
    from workbench.practice.loader import find_vignette
    from workbench.practice.store import PracticeStore
    from workbench.practice.text import feedback_text

    attempt = load_attempt(args.attempt)
    vignette = find_vignette(args.vignette or attempt.vignette)
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
