"""Test subprocesses only: accept the cheap test KDF (tests.support.FAST_KDF) in key files."""

# tests/conftest.py puts this folder first on PYTHONPATH for every child the suite starts, so a
# child unlocking a test vault accepts the same lowered floor as the test process itself. The
# floor is lowered when workbench.store.keyslots is first imported (importing nothing early:
# some tests check what a child imports). Never shipped: the app's floor is KDF_FLOOR there.
from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType
from typing import Any

TARGET = "workbench.store.keyslots"


class _LowerFloor(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        original = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            original(module)
            module.KDF_FLOOR = module.KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


sys.meta_path.insert(0, _LowerFloor())
