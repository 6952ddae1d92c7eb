"""R5: vaults in cloud-sync folders or on network drives get a plain warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.store.location import NETWORK_WARNING, SYNC_WARNING, location_warning

MOUNTS = [("/", "ext4"), ("/mnt/clinic", "cifs"), ("/home/ana/nas", "nfs4"), ("/media/usb", "vfat")]


@pytest.mark.parametrize(
    "path",
    [
        "/home/ana/Dropbox/caseload.iptvault",
        "/Users/ana/Library/Mobile Documents/x.iptvault",
        "C:/Users/ana/OneDrive - Clinic/vault.iptvault",
        "/home/ana/Google Drive/v.iptvault",
    ],
)
def test_sync_folders_are_flagged(path: str) -> None:
    assert location_warning(Path(path), MOUNTS) == SYNC_WARNING


@pytest.mark.parametrize("path", ["/mnt/clinic/vault.iptvault", "/home/ana/nas/a/b.iptvault"])
def test_network_drives_are_flagged(path: str) -> None:
    assert location_warning(Path(path), MOUNTS) == NETWORK_WARNING


@pytest.mark.parametrize(
    "path",
    [
        "/home/ana/.local/share/ipt-workbench/c.iptvault",
        "/media/usb/v.iptvault",
        "/mnt/clinical.iptvault",
    ],
)
def test_local_folders_are_fine(path: str) -> None:
    assert location_warning(Path(path), MOUNTS) is None
