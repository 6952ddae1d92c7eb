"""Constants and small helpers shared by tests (import as `tests.support`)."""

from __future__ import annotations

from workbench.store.keyslots import KDF_FLOOR, KdfParams

# The floor the app enforces (tests/conftest.py lowers the live one to accept FAST_KDF).
APP_KDF_FLOOR = KDF_FLOOR

# Cheap Argon2id for tests that do not check KDF settings; one test keeps production tuning.
FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)
PASSPHRASE = "correct horse battery staple"
