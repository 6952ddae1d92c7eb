"""Test subprocesses only: accept the cheap test KDF (tests.support.FAST_KDF) in key files."""

# tests/conftest.py puts this folder first on PYTHONPATH for every child the suite starts, so a
# child unlocking a test vault accepts the same lowered floor as the test process itself. Never
# shipped: the app's floor is workbench.store.keyslots.KDF_FLOOR.
from workbench.store import keyslots

keyslots.KDF_FLOOR = keyslots.KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)
