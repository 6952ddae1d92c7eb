"""The caseload table: name, phase, session N of M, latest PHQ-9, risk flags, review, code."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.models.rows import RIGHT, Column, RowsModel
from ui.widgets.date_fields import show_date, show_number, vocab
from workbench.domain.caseload import ClientSummary
from workbench.domain.phase import Phase

_PHASE_ORDER = {phase: order for order, phase in enumerate(Phase)}
NO_EPISODE = QT_TRANSLATE_NOOP("CaseloadModel", "no episode")


def _phase(client: ClientSummary) -> str:
    if client.phase is None:
        return translate("CaseloadModel", NO_EPISODE)
    return vocab(client.phase.value)


def _phase_order(client: ClientSummary) -> int:
    return _PHASE_ORDER[client.phase] if client.phase is not None else len(_PHASE_ORDER)


def _session(client: ClientSummary) -> str:
    """'7 of 12' (the column says Session), or 'no episode'."""
    if client.contracted_sessions is None:
        return translate("CaseloadModel", NO_EPISODE)
    return translate("CaseloadModel", "{0} of {1}").format(
        show_number(client.session_number), show_number(client.contracted_sessions)
    )


def _phq9(client: ClientSummary) -> str:
    """'9 (−3)': the latest PHQ-9 total and its change since the one before; '—' when none."""
    if client.last_phq9 is None:
        return "—"
    latest = show_number(client.last_phq9)
    change = client.phq9_change
    if change is None:
        return latest
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return f"{latest} ({sign}{show_number(abs(change))})"


def _risk(client: ClientSummary) -> str:
    """'2 open' when flags are open; a bare '0' otherwise (never a reassuring word)."""
    if not client.open_risk_flags:
        return show_number(0)
    return QCoreApplication.translate("CaseloadModel", "%n open", "", client.open_risk_flags)


def _review(client: ClientSummary) -> str:
    return show_date(client.review_date) if client.review_date else ""


# Risk flags show the count of open flags: open ones in dark red on a red tint, and in words
# ("1 open"), so colour is never the only sign; zero is never styled as "safe" (ipt-reference §11).
CASELOAD_COLUMNS: tuple[Column[ClientSummary], ...] = (
    Column(QT_TRANSLATE_NOOP("TableHeader", "Name"), lambda c: c.display_name),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Phase"), _phase, _phase_order),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Session"), _session, lambda c: c.session_number),
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "PHQ-9"),
        _phq9,
        lambda c: -1 if c.last_phq9 is None else c.last_phq9,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "Risk flags"),
        _risk,
        lambda c: c.open_risk_flags,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "Next review"),
        _review,
        lambda c: c.review_date or "9999",  # clients without a review date sort last
    ),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Code"), lambda c: c.code),
)
NAME_COLUMN = 0
RISK_COLUMN = 4
CODE_COLUMN = len(CASELOAD_COLUMNS) - 1
FLAG_INK = QColor("#8b0000")  # 8.1:1 on FLAG_TINT (WCAG AA asks 4.5:1)
FLAG_TINT = QColor("#fde7e9")
Index = QModelIndex | QPersistentModelIndex


class CaseloadModel(RowsModel[ClientSummary]):
    """One row per client, in the order the core returns them (by name)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(CASELOAD_COLUMNS, parent)
        bold = QFont()
        bold.setBold(True)
        self._flagged: dict[int, Any] = {  # made once: data() runs for every cell painted
            Qt.ItemDataRole.ForegroundRole: QBrush(FLAG_INK),
            Qt.ItemDataRole.BackgroundRole: QBrush(FLAG_TINT),
            Qt.ItemDataRole.FontRole: bold,
        }

    def client_id(self, row: int) -> int:
        return self.row_at(row).id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role in self._flagged
            and index.isValid()
            and index.column() == RISK_COLUMN
            and index.row() < self.rowCount()
            and self.row_at(index.row()).open_risk_flags > 0
        ):
            return self._flagged[role]
        return super().data(index, role)
