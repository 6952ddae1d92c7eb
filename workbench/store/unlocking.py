"""Turning a passphrase or recovery code into the data key, with throttling of wrong attempts."""

from __future__ import annotations

import getpass
from pathlib import Path

from workbench.clock import Clock
from workbench.errors import KeySlotsDamaged, WrongPassphrase, WrongRecoveryCode
from workbench.store.keyslots import PASSPHRASE, RECOVERY, KeySlots, normalise_recovery_code
from workbench.store.passphrase import unlock_secret
from workbench.store.throttle import UnlockThrottle


def unwrap_data_key(
    folder: Path, slots: KeySlots, passphrase: str | None, recovery_code: str | None, clock: Clock
) -> bytes:
    """The data key; only a wrong passphrase or code counts toward throttling."""
    throttle = UnlockThrottle(folder)
    now = clock().timestamp()
    throttle.check(now)
    try:
        if recovery_code is not None:
            key = slots.unlock(normalise_recovery_code(recovery_code), RECOVERY)
        elif passphrase is not None:
            secret = unlock_secret(passphrase)
            try:
                key = slots.unlock(bytes(secret), PASSPHRASE)
            finally:
                secret[:] = bytes(len(secret))
        else:
            raise KeySlotsDamaged("No passphrase or recovery code was given.")
    except (WrongPassphrase, WrongRecoveryCode):
        throttle.failed(now)
        raise
    throttle.succeeded()
    return key


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "clinician"
