"""Recorded checklist state mapped onto the current protocol content, losing nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from workbench.protocol.model import CLOSED_STATUSES, ItemStatus, ManualProfile


def is_closed(status: str | None) -> bool:
    """Done or not applicable; any other status, or none, leaves an item open."""
    return status in CLOSED_STATUSES


@dataclass(frozen=True, slots=True)
class ChecklistState:
    """*statuses* covers every current item; *retired* keeps ids the content no longer has."""

    profile_id: str
    content_version: int
    statuses: Mapping[str, str]
    retired: Mapping[str, str]
    new: tuple[str, ...]

    def status(self, item_id: str) -> str:
        return self.statuses.get(item_id, self.retired.get(item_id, ItemStatus.OPEN.value))


def reconcile_checklist(profile: ManualProfile, recorded: Mapping[str, str]) -> ChecklistState:
    """Known ids keep their status, vanished ids are reported as retired, new items start open."""
    current = {item.id for item in profile.checklist}
    statuses = {item.id: recorded.get(item.id, ItemStatus.OPEN.value) for item in profile.checklist}
    return ChecklistState(
        profile_id=profile.id,
        content_version=profile.version,
        statuses=MappingProxyType(statuses),
        retired=MappingProxyType({k: v for k, v in recorded.items() if k not in current}),
        new=tuple(item.id for item in profile.checklist if item.id not in recorded),
    )
