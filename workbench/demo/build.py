"""Fill a vault with a fictional caseload in batches (one transaction per batch)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from workbench.demo.generator import SIGNER, bundles
from workbench.store import meta
from workbench.store.bulk import insert_bundles
from workbench.store.vault import Vault

BATCH = 250


def fill_demo(
    vault: Vault, clients: int, seed: int, progress: Callable[[int, int], None] | None = None
) -> int:
    """Add *clients* invented clients; returns how many were added."""
    with vault.transaction() as tx:  # the demo notes are signed by this invented clinician
        meta.put(tx, meta.CLINICIAN_NAME, SIGNER)
    source = bundles(clients, seed)
    done = 0
    while done < clients:
        batch = list(islice(source, BATCH))
        if not batch:
            break
        with vault.transaction() as tx:
            insert_bundles(tx, batch, vault.now())
            if done == 0:
                vault.audit(tx, "create", "demo-caseload", f"{clients} clients, seed {seed}")
        done += len(batch)
        if progress:
            progress(done, clients)
    return done
