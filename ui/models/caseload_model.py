"""The caseload table: code, name, phase, session N of M and open risk flags per client."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.models.rows import RIGHT, Column, RowsModel
from workbench.domain.caseload import ClientSummary
from workbench.domain.phase import Phase

_PHASE_ORDER = {phase: order for order, phase in enumerate(Phase)}
NO_PHASE = "no episode"


def _phase(client: ClientSummary) -> str:
    return client.phase.value if client.phase is not None else NO_PHASE


def _phase_order(client: ClientSummary) -> int:
    return _PHASE_ORDER[client.phase] if client.phase is not None else len(_PHASE_ORDER)


def _session(client: ClientSummary) -> str:
    """'7 of 12' (the column says Session), or 'no episode'."""
    if client.contracted_sessions is None:
        return "no episode"
    return f"{client.session_number} of {client.contracted_sessions}"


# Risk flags show the bare count of open flags: zero is never styled as "safe" (ipt-reference §11).
CASELOAD_COLUMNS: tuple[Column[ClientSummary], ...] = (
    Column("Code", lambda c: c.code),
    Column("Name", lambda c: c.display_name),
    Column("Phase", _phase, _phase_order),
    Column("Session", _session, lambda c: c.session_number),
    Column("Risk flags", lambda c: str(c.open_risk_flags), lambda c: c.open_risk_flags, RIGHT),
)


class CaseloadModel(RowsModel[ClientSummary]):
    """One row per client, in the order the core returns them (by name)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(CASELOAD_COLUMNS, parent)

    def client_id(self, row: int) -> int:
        return self.row_at(row).id
