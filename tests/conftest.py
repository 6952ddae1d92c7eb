"""Shared fixtures: real SQLCipher vaults in tmp_path, cheap key derivation, no real home dir."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

# Qt aborts without a display unless this is set before any Qt import (stack-notes).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.support import FAST_KDF, PASSPHRASE
from workbench.store import keyslots
from workbench.store.vault import Vault

__all__ = ["FAST_KDF", "PASSPHRASE"]

NewVault = Callable[..., tuple[Vault, str]]


# Test vaults use FAST_KDF, below the app's floor: accept it here and in every child process the
# suite starts (tests/subprocess_site is first on their PYTHONPATH). Floor tests restore
# tests.support.APP_KDF_FLOOR themselves.
keyslots.KDF_FLOOR = FAST_KDF
SUBPROCESS_SITE = Path(__file__).resolve().parent / "subprocess_site"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(SUBPROCESS_SITE), *filter(None, [os.environ.get("PYTHONPATH")])]
)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the app's data dir at a temp folder so no test touches the real home."""
    monkeypatch.setenv("IPT_WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def new_vault(tmp_path: Path) -> Iterator[NewVault]:
    """Factory: (fresh unlocked vault with a fast KDF, its recovery code); closed at teardown."""
    made: list[Vault] = []

    def factory(name: str = "test", passphrase: str = PASSPHRASE) -> tuple[Vault, str]:
        vault, code = Vault.create(tmp_path / name, passphrase, kdf=FAST_KDF)
        made.append(vault)
        return vault, code

    yield factory
    for vault in made:
        vault.close()


@pytest.fixture
def vault(new_vault: NewVault) -> Vault:
    return new_vault()[0]


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Qt objects made in Python go while Python is still there."""
    _EXIT_STATUS.append(int(exitstatus))
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from ui.look import release_look

    release_look()
    gc.collect()


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process with pytest's own status once everything is reported.

    After a full UI session, Qt's exit-time clean-up destroyed a Python-made Qt object after the
    interpreter had finalised and the process died with status 139 although every test had
    passed. Skipping the interpreter's teardown keeps the status pytest decided (a failure still
    fails); the desktop app itself exits through its own event loop and is checked by the
    frozen smoke test.
    """
    if _EXIT_STATUS and "PySide6.QtWidgets" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
