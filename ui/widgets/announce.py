"""Tell a screen reader about a result through an accessible announcement (Qt 6.8+)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, text: str, *, urgent: bool = False) -> None:
    """Have assistive technology speak *text* (an empty text says nothing).

    *urgent* interrupts what is being read (new risk flags); otherwise it waits its turn.
    """
    if not text.strip():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    QAccessible.updateAccessibility(event)
