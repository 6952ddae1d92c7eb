"""What the desktop shows about an open vault's health: rollback, damage, last verified backup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from workbench.store import freshness
from workbench.store.health import IntegrityReport
from workbench.store.vault import Vault

ROLLBACK = freshness.ROLLBACK
AUDIT = freshness.AUDIT
DEFAULT_REMINDER_DAYS = 7


@dataclass(frozen=True)
class FreshnessNotice:
    """A standing rollback or audit-log warning: shown as a banner until acknowledged."""

    kind: str  # ROLLBACK or AUDIT
    message: str
    expected_changes: int  # the change count last seen (the vault now has fewer, for ROLLBACK)


def freshness_notice(vault: Vault) -> FreshnessNotice | None:
    """The banner to show, or None. It stays (at every unlock) until `acknowledge_freshness`."""
    problem = vault.freshness_problem
    if problem is None or problem.problem is None:
        return None
    message = freshness.STALE_WARNING if problem.problem == ROLLBACK else freshness.AUDIT_WARNING
    return FreshnessNotice(problem.problem, message, problem.head.change_seq)


def acknowledge_freshness(vault: Vault) -> None:
    """The clinician accepts the vault as it is now (recorded in the audit log)."""
    vault.accept_current_state()


def read_only_reason(vault: Vault) -> str | None:
    """Why the vault is open read-only (it is damaged), or None when it can be written."""
    return vault.warnings[0] if vault.read_only else None


def run_full_check(vault: Vault) -> IntegrityReport:
    """The full integrity check, for a background worker after unlock (seconds on big vaults).

    Damage found switches the vault to read-only; check `read_only_reason` afterwards.
    """
    return vault.check_integrity()


def last_verified_backup_age(vault: Vault, now: datetime) -> timedelta | None:
    """How long ago this app last wrote and verified a backup of this vault; None if never."""
    found = freshness.records(vault.folder, vault.data_key(), vault.vault_id)
    stamp = freshness.last_backup_at(found)
    if stamp is None:
        return None
    made = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=now.tzinfo)
    return max(timedelta(0), now - made)


def backup_reminder_due(vault: Vault, now: datetime, days: int = DEFAULT_REMINDER_DAYS) -> bool:
    """Whether to remind about a backup: none verified yet, or the last is older than *days*."""
    age = last_verified_backup_age(vault, now)
    return age is None or age > timedelta(days=days)
