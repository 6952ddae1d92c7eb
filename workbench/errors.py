"""Typed, user-facing errors: each carries one plain sentence and never any patient data."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base of every error the app shows to a user instead of a traceback."""

    message = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)

    @property
    def user_message(self) -> str:
        return str(self)


class VaultNotFound(WorkbenchError):
    message = "No vault was found at that location."


class VaultExists(WorkbenchError):
    message = "A vault already exists at that location; choose another name."


class WrongPassphrase(WorkbenchError):
    message = (
        "Passphrase not accepted. Check it and try again; if you are sure it is correct, "
        "unlock with your recovery code or restore from a backup."
    )


class WrongRecoveryCode(WorkbenchError):
    message = "Recovery code not accepted. Check the groups and try again."


class WeakPassphrase(WorkbenchError):
    message = "That passphrase is too easy to guess."


class TooManyAttempts(WorkbenchError):
    message = "Too many wrong attempts. Wait a moment before trying again."


class KeySlotsDamaged(WorkbenchError):
    message = (
        "The vault's key file (keyslots.json) is missing or damaged, so the vault cannot be "
        "unlocked. Restore the vault from a backup."
    )


class KeySlotsTampered(KeySlotsDamaged):
    message = (
        "The vault's key file (keyslots.json) was changed or damaged after IPT Workbench wrote "
        "it, so it was not used. This was not counted as a wrong passphrase. Restore the vault "
        "(or its keyslots.json) from a backup."
    )


class KdfBelowFloor(KeySlotsDamaged):
    message = (
        "The vault's key file protects the passphrase more weakly than IPT Workbench accepts "
        "(it may have been tampered with), so it was not used. This was not counted as a wrong "
        "passphrase. Restore the vault from a backup."
    )


class VaultDamaged(WorkbenchError):
    message = (
        "The vault file is damaged and cannot be read safely. Nothing was changed; "
        "restore the vault from a backup."
    )


class VaultReadOnly(WorkbenchError):
    message = (
        "This vault is damaged, so it is open read-only and nothing was saved. Export or copy "
        "out what can still be read, then restore the vault from a backup."
    )


class DiskFull(WorkbenchError):
    message = (
        "The disk is full, so the change was not saved. Nothing already saved was lost; "
        "free some space and save again."
    )


class DiskError(WorkbenchError):
    message = (
        "The disk reported an error, so the change was not saved. Nothing already saved was "
        "lost; check the drive and save again."
    )


class VaultInUse(WorkbenchError):
    message = (
        "This vault is already open in another IPT Workbench window or program. "
        "Close it there first."
    )


class VaultBusy(WorkbenchError):
    message = (
        "The vault is locked by another program right now, so the change was not saved. "
        "Try again in a moment."
    )


class NewerSchema(WorkbenchError):
    message = (
        "This vault was written by a newer version of IPT Workbench. Update the app to open it; "
        "nothing was changed."
    )


class VaultLocked(WorkbenchError):
    message = "The vault is locked. Unlock it first."


class BackupInvalid(WorkbenchError):
    message = "That backup file is damaged or not an IPT Workbench backup; nothing was changed."


class NotFound(WorkbenchError):
    message = "No such record."


class InvalidInput(WorkbenchError):
    message = "That input is not valid."


class SignedNoteLocked(WorkbenchError):
    message = "This note is signed and locked; add a signed addendum instead."
