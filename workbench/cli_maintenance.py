"""CLI commands that change a vault as a whole: rekey, delete a client, import a JSON export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from workbench.cli_support import Secrets, print_recovery_code, unlock, warn
from workbench.store.vault import Vault, vault_path

EXIT_OK = 0


def cmd_rekey(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.store.rekey import rekey

    passphrase = secrets.read(f"Passphrase for {vault_path(args.vault).name}: ")
    vault = Vault.unlock(vault_path(args.vault), passphrase)
    try:
        warn(vault, args)
        code = rekey(vault, passphrase)
    finally:
        vault.close()
    out.write(
        "The vault was re-encrypted under a new key; the passphrase is unchanged. Backups made "
        "before now still open with their own keys. The old recovery code no longer works.\n"
    )
    print_recovery_code(code, out)
    return EXIT_OK


def cmd_delete_client(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.services import erasure

    with unlock(args, secrets) as vault:
        code = erasure.confirmation_code(vault, args.client_id)
        typed = secrets.read(
            f"This deletes client {args.client_id} and everything recorded about them. "
            f"Type their code ({code}) to confirm: "
        )
        erasure.delete_client(vault, args.client_id, typed)
    out.write(f"Client {args.client_id} was deleted. {erasure.OLDER_BACKUPS_NOTE}\n")
    return EXIT_OK


def cmd_import_json(args: argparse.Namespace, secrets: Secrets, out: TextIO) -> int:
    from workbench.store.import_json import import_into_new_vault, read_document, read_file

    raw = read_file(Path(args.infile))
    read_document(raw)  # every problem is reported before a passphrase is asked for
    passphrase = secrets.read("Passphrase for the new vault: ", confirm=True)
    vault, code, count = import_into_new_vault(lambda: Vault.create(args.vault, passphrase), raw)
    with vault:
        out.write(f"Imported {count} clients into {vault.folder}\n")
    print_recovery_code(code, out)
    return EXIT_OK
