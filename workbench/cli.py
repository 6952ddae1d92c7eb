"""`ipt-workbench`: the desktop app with no arguments; headless sub-commands otherwise."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from workbench.cli_maintenance import cmd_delete_client, cmd_import_json, cmd_rekey
from workbench.cli_support import Secrets, print_recovery_code, unlock, warn
from workbench.errors import InvalidInput, WorkbenchError
from workbench.practice import commands as practice
from workbench.store.vault import Vault, vault_path
from workbench.version import app_version

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


def cmd_init(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    passphrase = secrets.read("New passphrase: ", confirm=True)
    vault, code = Vault.create(args.vault, passphrase)
    with vault:
        out.write(f"Created {vault.folder}\n")
        if vault.location_warning:
            sys.stderr.write(f"Warning: {vault.location_warning}\n")
    print_recovery_code(code, out)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.demo.build import fill_demo

    if args.clients < 0:
        raise InvalidInput("--clients must be zero or more.")
    passphrase = secrets.read("New passphrase for the demo vault: ", confirm=True)
    vault, code = Vault.create(args.vault, passphrase)

    def progress(done: int, total: int) -> None:
        sys.stderr.write(f"\r{done} of {total} fictional clients")
        sys.stderr.flush()

    with vault:
        added = fill_demo(vault, args.clients, args.seed, progress if args.clients > 500 else None)
        out.write(
            f"{'' if args.clients <= 500 else chr(10)}Created {vault.folder} with "
            f"{added} fictional clients (seed {args.seed})\n"
        )
    print_recovery_code(code, out)
    return EXIT_OK


def cmd_list(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.store.clients import list_clients

    with unlock(args, secrets) as vault, vault.reading() as conn:
        rows = list_clients(conn, args.search)
    for s in rows:
        phase = s.phase.value if s.phase else "-"
        out.write(
            f"{s.id}\t{s.code}\t{s.display_name}\t{phase}\t{s.session_label}\t"
            f"open risk flags: {s.open_risk_flags}\n"
        )
    if not rows:
        sys.stderr.write("No clients match.\n" if args.search else "The caseload is empty.\n")
    return EXIT_OK


def cmd_search(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.store.clients import search_notes

    with unlock(args, secrets) as vault, vault.reading() as conn:
        hits = search_notes(conn, args.text, limit=args.limit)
    for h in hits:
        out.write(
            f"{h.client_id}\t{h.display_name}\tsession {h.session_number or '-'}\t"
            f"{h.held_on or '-'}\t{h.excerpt}\n"
        )
    if not hits:
        sys.stderr.write("No notes match.\n")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    with unlock(args, secrets, check=False) as vault:
        report = vault.check_integrity()
        if args.accept_rollback and vault.freshness_problem and not vault.read_only:
            vault.accept_current_state()
            out.write("Accepted: the vault as it is now is what IPT Workbench will expect.\n")
            report = vault.check_integrity()
        warn(vault, args)
        problem = vault.freshness_problem
    for label, problems in (
        ("encrypted pages", report.cipher_problems),
        ("database structure", report.structure_problems),
        ("audit log chain", report.audit_problems),
    ):
        out.write(f"{label}: {'ok' if not problems else f'{len(problems)} problem(s)'}\n")
        for problem_text in problems[:20]:
            out.write(f"  - {problem_text}\n")
    rolled_back = problem is not None and problem.problem == "rollback"
    out.write(f"freshness: {'older than the vault last seen' if rolled_back else 'ok'}\n")
    return EXIT_OK if report.ok and problem is None else EXIT_FAILED


def cmd_backup(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.store.backup import make_backup

    with unlock(args, secrets) as vault:
        result = make_backup(vault, Path(args.out))
    rows = sum(int(str(t["rows"])) for t in result.tables.values())
    out.write(
        f"Backup written and verified: {result.path} ({result.size_bytes} bytes, "
        f"{rows} rows in {len(result.tables)} tables)\n"
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.store.backup import restore_backup

    if args.recovery:
        aside = restore_backup(
            Path(args.backup),
            vault_path(args.vault),
            recovery_code=secrets.read("Recovery code of the backup: "),
        )
    else:
        aside = restore_backup(
            Path(args.backup),
            vault_path(args.vault),
            secrets.read("Passphrase the vault had when backed up: "),
        )
    out.write(f"Backup verified and restored to {vault_path(args.vault)}\n")
    if aside:
        out.write(f"The previous vault was kept at {aside}\n")
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.store.export_json import export_json

    with unlock(args, secrets) as vault:
        count = export_json(vault, Path(args.out), include_process_notes=args.include_process_notes)
    out.write(f"Exported {count} clients to {args.out} (unencrypted: store it safely)\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.services import export

    with unlock(args, secrets) as vault:
        password = secrets.read("Password for the PDF: ", confirm=True) if args.password else None
        path = export.export(
            vault,
            args.client_id,
            args.kind,
            Path(args.out),
            session=args.session,
            deidentify=args.deidentify,
            password=password,
        )
    protection = "AES-256 password protected" if password else "not password protected"
    out.write(f"Wrote {path} ({protection})\n")
    return EXIT_OK


def cmd_profile(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.domain.clinician import ClinicianProfile, CrisisContact
    from workbench.services import clinician

    with unlock(args, secrets) as vault:
        current = clinician.get_profile(vault) or ClinicianProfile(name="")
        changes = {
            key: value
            for key in ("name", "credentials", "organisation", "contact", "crisis_text")
            if (value := getattr(args, key)) is not None
        }
        if args.crisis_contact is not None:
            pairs = [c.partition("=") for c in args.crisis_contact]
            changes["crisis_contacts"] = tuple(
                CrisisContact(n.strip(), h.strip()) for n, _, h in pairs
            )
        if changes:
            clinician.save_profile(vault, replace(current, **changes))
            current = clinician.get_profile(vault) or current
    for key, value in current.to_json().items():
        shown = (
            "; ".join(f"{c['name']} = {c['how']}" for c in value)
            if key == "crisis_contacts"
            else value
        )
        out.write(f"{key.replace('_', ' ')}: {shown or '-'}\n")
    return 0


def cmd_export_pack(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.services import pack

    try:
        ids = [int(part) for part in args.clients.split(",") if part.strip()]
    except ValueError:
        raise InvalidInput("--clients takes client ids separated by commas, e.g. 3,7,12.") from None
    with unlock(args, secrets) as vault:
        password = secrets.read("Password for the PDF: ", confirm=True) if args.password else None
        path = pack.export_pack(vault, ids, Path(args.out), password=password)
    protection = "AES-256 password protected" if password else "not password protected"
    out.write(f"Wrote {path} ({len(set(ids))} cases, de-identified, {protection})\n")
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    with unlock(args, secrets) as vault:
        vault.change_passphrase(secrets.read("New passphrase: ", confirm=True))
    out.write("Passphrase changed. Backups made before now still open with the old one.\n")
    return EXIT_OK


def _run_desktop_app(argv: list[str]) -> int:
    # Imported by name so the core never depends on Qt: the sub-commands work without PySide6.
    try:
        app = importlib.import_module("ui.app")
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("PySide6"):
            raise
        sys.stderr.write(
            "ipt-workbench: the desktop app needs PySide6, which is not installed; "
            "the sub-commands (see --help) work without it.\n"
        )
        return EXIT_FAILED
    return int(app.main(argv))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ipt-workbench",
        description="Offline, encrypted IPT caseload. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version()}")
    opening = parser.add_mutually_exclusive_group()
    opening.add_argument(
        "--demo",
        action="store_true",
        help="open the desktop app on the demo vault (invented clients)",
    )
    opening.add_argument(
        "--practice",
        action="store_true",
        help="open Practice mode only: fictional cases, no clinical vault",
    )
    sub = parser.add_subparsers(dest="command")

    def command(
        name: str, func: Callable[..., int], help_text: str, vault: bool = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if vault:
            p.add_argument("vault", help="vault folder (NAME.iptvault)")
        p.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="read the passphrase(s) from standard input, one per line",
        )
        p.set_defaults(func=func)
        return p

    command("init", cmd_init, "create a new vault and print its recovery code once")
    demo = command("demo", cmd_demo, "create a vault filled with fictional clients")
    demo.add_argument("--clients", type=int, default=40)
    demo.add_argument("--seed", type=int, default=1)
    lst = command("list", cmd_list, "list clients with phase, session N of M and risk flags")
    lst.add_argument("--search", help="part of a name or client code")
    search = command("search", cmd_search, "full-text search over notes")
    search.add_argument("text")
    search.add_argument("--limit", type=int, default=20)
    verify = command("verify", cmd_verify, "check encryption, structure and the audit chain")
    verify.add_argument(
        "--accept-rollback",
        action="store_true",
        help="accept the vault as it is now after a rollback or audit warning",
    )
    backup = command("backup", cmd_backup, "write a verified one-file backup")
    backup.add_argument("out", help="backup file (.iptbackup)")
    restore = sub.add_parser("restore", help="verify a backup, then restore it into VAULT")
    restore.add_argument("backup")
    restore.add_argument("vault")
    restore.add_argument("--passphrase-stdin", action="store_true")
    restore.set_defaults(func=cmd_restore)
    export = command("export-json", cmd_export_json, "write the whole caseload as JSON")
    export.add_argument("out")
    export.add_argument("--include-process-notes", action="store_true")
    imp = command("import-json", cmd_import_json, "create a new vault from an export-json file")
    imp.add_argument("infile", help="the JSON file written by export-json")
    exp = command("export", cmd_export, "write one PDF (session summary, plan, supervisor report)")
    exp.add_argument("client_id", type=int)
    exp.add_argument(
        "--kind",
        required=True,
        choices=("session-summary", "maintenance-plan", "supervisor-report"),
    )
    exp.add_argument("--session", type=int, help="session number (default: the latest)")
    exp.add_argument(
        "--deidentify",
        action="store_true",
        help="client code instead of name, relative dates, people by role",
    )
    exp.add_argument(
        "--password",
        action="store_true",
        help="protect the PDF with a password (asked for; with --passphrase-stdin "
        "it is the line after the vault passphrase)",
    )
    exp.add_argument("--out", required=True, help="the PDF file to write")
    pack = command(
        "export-pack", cmd_export_pack, "write a de-identified supervision pack (several clients)"
    )
    pack.add_argument("--clients", required=True, help="client ids separated by commas")
    pack.add_argument("--out", required=True, help="the PDF file to write")
    pack.add_argument(
        "--password", action="store_true", help="protect the PDF with a password (AES-256)"
    )
    command("change-passphrase", cmd_change_passphrase, "change the vault's passphrase")
    prof = command("profile", cmd_profile, "show or set the clinician profile that signs PDFs")
    for option in ("name", "credentials", "organisation", "contact", "crisis-text"):
        prof.add_argument(f"--{option}")
    prof.add_argument(
        "--crisis-contact",
        action="append",
        metavar="NAME=HOW",
        help="a crisis contact for the patient's plan (repeat for more; replaces the list)",
    )
    command("rekey", cmd_rekey, "re-encrypt the vault under a new data key (new recovery code)")
    delete = command(
        "delete-client",
        cmd_delete_client,
        "delete one client and everything recorded about them (asks for their code)",
    )
    delete.add_argument("client_id", type=int)
    for name, p in sub.choices.items():
        if name not in ("init", "demo", "import-json"):
            p.add_argument(
                "--recovery",
                action="store_true",
                help="unlock with the recovery code instead of the passphrase",
            )
    practice.add_parser(sub)  # after the loop above: practice never unlocks a vault
    return parser


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    """Entry point; returns the exit status (never a traceback for a user error)."""
    os.umask(0o077)
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    if args.command is None:
        return _run_desktop_app(["--demo"] * args.demo + ["--practice"] * args.practice)
    secrets = Secrets(args.passphrase_stdin, stdin or sys.stdin)
    try:
        status = int(args.func(args, secrets, out or sys.stdout))
        return max(status, EXIT_FAILED) if getattr(args, "vault_damaged", False) else status
    except WorkbenchError as exc:
        sys.stderr.write(f"ipt-workbench: {exc.user_message}\n")
        return EXIT_FAILED
    except KeyboardInterrupt:
        sys.stderr.write("ipt-workbench: interrupted; nothing half-written was kept.\n")
        return 130
    except Exception:
        if os.environ.get("IPT_WORKBENCH_DEBUG"):
            raise
        # No exception text: it could carry patient data from a record.
        sys.stderr.write(
            "ipt-workbench: unexpected internal error; nothing was lost. "
            "Run again with IPT_WORKBENCH_DEBUG=1 to see details.\n"
        )
        return EXIT_INTERNAL


def gui_main() -> int:
    """The windowed launcher's entry point (no console on Windows): as `main`, streams or not."""
    if sys.stdout is None or sys.stderr is None:  # pythonw: there is no console to print to
        devnull = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the app
        sys.stdout = sys.stdout or devnull
        sys.stderr = sys.stderr or devnull
    return main()


if __name__ == "__main__":
    raise SystemExit(main())
