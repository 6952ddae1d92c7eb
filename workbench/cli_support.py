"""What every CLI command shares: reading secrets, unlocking with warnings, the recovery code."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TextIO

from workbench.errors import InvalidInput, VaultNotFound
from workbench.store.vault import DB_NAME, Vault, vault_path


class Secrets:
    """Reads passphrases from a prompt, or line by line from stdin (--passphrase-stdin)."""

    def __init__(self, from_stdin: bool, stdin: TextIO) -> None:
        self._from_stdin = from_stdin
        self._stdin = stdin

    def read(self, prompt: str, confirm: bool = False) -> str:
        if self._from_stdin:
            line = self._stdin.readline()
            if not line:
                raise InvalidInput("Expected a passphrase on standard input, found none.")
            return line.rstrip("\r\n")
        try:
            first = getpass.getpass(prompt)
            if confirm and getpass.getpass("Repeat it: ") != first:
                raise InvalidInput("The two passphrases differ; nothing was created.")
        except EOFError as exc:  # no terminal and nothing on stdin (a script, a service)
            raise InvalidInput(
                "No passphrase was typed. In a script, pass it on standard input with "
                "--passphrase-stdin."
            ) from exc
        return first


def unlock(args: argparse.Namespace, secrets: Secrets, *, check: bool = True) -> Vault:
    """The vault unlocked; with *check*, fully checked first and its warnings on stderr."""
    path = vault_path(args.vault)
    if not (path / DB_NAME).is_file():
        raise VaultNotFound(f"No vault was found at {path}.")
    if getattr(args, "recovery", False):
        vault = Vault.unlock(path, recovery_code=secrets.read("Recovery code: "))
    else:
        vault = Vault.unlock(path, secrets.read(f"Passphrase for {path.name}: "))
    if check:
        try:
            vault.check_integrity()  # damage found makes it read-only before anything is written
        except BaseException:
            vault.close()
            raise
        warn(vault, args)
    return vault


def warn(vault: Vault, args: argparse.Namespace) -> None:
    """Every standing warning, on every command, until it is resolved or accepted."""
    for warning in vault.warnings:
        sys.stderr.write(f"Warning: {warning}\n")
    if vault.read_only:
        args.vault_damaged = True  # the command may still read, but it does not exit 0


def print_recovery_code(code: str, out: TextIO) -> None:
    out.write(
        "\nRecovery code (shown once; write it down and keep it apart from this computer):\n\n"
        f"    {code}\n\n"
        "Without the passphrase AND this code the caseload cannot be recovered by anyone.\n"
    )
