"""The OS-specific parts (data folder, instance lock, owner-only modes), Windows paths included."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench import platform_os
from workbench.cli import gui_main
from workbench.errors import VaultInUse
from workbench.fileio import make_private_dir
from workbench.store.instance_lock import InstanceLock

HOME = Path("/home/ana")


@pytest.mark.parametrize(
    ("system", "environ", "expected"),
    [
        ("win32", {"LOCALAPPDATA": r"C:\Users\ana\AppData\Local"}, None),
        ("win32", {}, HOME / "AppData" / "Local" / "ipt-workbench"),
        (
            "darwin",
            {"XDG_DATA_HOME": "/ignored"},
            HOME / "Library/Application Support/ipt-workbench",
        ),
        ("linux", {}, HOME / ".local" / "share" / "ipt-workbench"),
        ("linux", {"XDG_DATA_HOME": "/data/ana"}, Path("/data/ana/ipt-workbench")),
        ("linux", {"XDG_DATA_HOME": "relative/dir"}, HOME / ".local/share/ipt-workbench"),
    ],
)
def test_user_data_dir_per_platform(
    system: str, environ: dict[str, str], expected: Path | None
) -> None:
    found = platform_os.user_data_dir(system, environ, HOME)
    if expected is None:  # a Windows path: compare its parts, whatever this OS's separator
        assert str(found).replace("\\", "/").endswith("AppData/Local/ipt-workbench")
    else:
        assert found == expected


class FakeMsvcrt(SimpleNamespace):
    """msvcrt.locking as Windows documents it: the region starts at the file's current position,
    a region locked through another handle fails at once with EACCES (LK_NBLCK)."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__(held={}, calls=[])

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        info = os.fstat(fd)
        region = (info.st_dev, info.st_ino, os.lseek(fd, 0, os.SEEK_CUR), nbytes)
        self.calls.append((mode, region[2], nbytes))
        if mode == self.LK_NBLCK:
            if region in self.held:
                raise OSError(errno.EACCES, "Permission denied")
            self.held[region] = fd
        elif self.held.get(region) == fd:
            del self.held[region]
        else:
            raise OSError(errno.EACCES, "Permission denied")


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(platform_os, "SYSTEM", "win32")
    monkeypatch.setattr(platform_os, "_msvcrt", lambda: fake)
    return fake


def test_windows_lock_refuses_a_second_instance_until_the_first_releases(
    windows: FakeMsvcrt, tmp_path: Path
) -> None:
    first, second = InstanceLock(tmp_path), InstanceLock(tmp_path)
    first.acquire()
    with pytest.raises(VaultInUse):
        second.acquire()
    first.release()
    second.acquire()
    assert second.held
    second.release()
    assert windows.held == {}
    assert windows.calls[0] == (FakeMsvcrt.LK_NBLCK, 0, 1)


def test_windows_lock_and_unlock_use_byte_zero_wherever_the_file_position_is(
    windows: FakeMsvcrt, tmp_path: Path
) -> None:
    fd = os.open(tmp_path / ".lock", os.O_RDWR | os.O_CREAT)
    try:
        os.write(fd, b"moved")  # the position is now 5
        platform_os.lock_exclusive(fd)
        os.lseek(fd, 3, os.SEEK_SET)
        platform_os.unlock(fd)
    finally:
        os.close(fd)
    assert windows.calls == [(FakeMsvcrt.LK_NBLCK, 0, 1), (FakeMsvcrt.LK_UNLCK, 0, 1)]
    assert windows.held == {}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_windows_leaves_modes_alone_and_posix_makes_them_owner_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "vaults"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    monkeypatch.setattr(platform_os, "SYSTEM", "win32")
    make_private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755  # Windows: ACLs, not mode bits
    monkeypatch.setattr(platform_os, "SYSTEM", "linux")
    make_private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX flock")
def test_posix_lock_is_exclusive_across_descriptors(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path), InstanceLock(tmp_path)
    first.acquire()
    with pytest.raises(VaultInUse):
        second.acquire()  # flock is per open file description: a second open is refused too
    first.release()
    second.acquire()
    second.release()


def test_windowed_launcher_works_without_console_streams(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows' GUI entry point runs under pythonw, where sys.stdout and sys.stderr are None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "argv", ["ipt-workbench-app", "--version"])
    assert gui_main() == 0  # argparse prints the version: to a null device, not into None
    monkeypatch.setattr(sys, "argv", ["ipt-workbench-app", "--no-such-flag"])
    assert gui_main() == 2  # a usage error is a status, not an AttributeError on None
    null_device = sys.stdout
    assert null_device is not None and null_device is sys.stderr
    assert null_device.name == os.devnull
    null_device.close()  # the app keeps it open for its lifetime; the test must not leak it
