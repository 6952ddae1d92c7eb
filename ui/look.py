"""The look: WCAG 2.1 AA contrast for muted text and the selected row, a visible focus ring."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
TEXT_RATIO = 4.5  # WCAG 2.1 AA, normal text
FOCUS_RATIO = 3.0  # WCAG 2.1 AA, non-text (the focus ring against what surrounds it)

# Multi-line fields, tables and the closeness circle draw no focus frame of their own in Fusion:
# a 2 px ring in the (contrast-checked) highlight colour marks the one with the keyboard focus.
FOCUS_SHEET = """
QTextEdit, QPlainTextEdit { border: 1px solid palette(dark); padding: 1px; }
QTextEdit:focus, QPlainTextEdit:focus { border: 2px solid palette(highlight); padding: 0px; }
QAbstractItemView:focus { border: 2px solid palette(highlight); }
QGraphicsView { border: 2px solid transparent; }
QGraphicsView:focus { border: 2px solid palette(highlight); }
"""


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1), of the opaque colour."""
    red, green, blue = (_channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def over(colour: QColor, ground: QColor) -> QColor:
    """*colour* as seen painted over the opaque *ground* (Qt's placeholder is translucent)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + ground.redF() * (1 - alpha),
        colour.greenF() * alpha + ground.greenF() * (1 - alpha),
        colour.blueF() * alpha + ground.blueF() * (1 - alpha),
    )


def contrast(ink: QColor, ground: QColor) -> float:
    """The WCAG contrast ratio of *ink* (blended over *ground*) on *ground*, 1 to 21."""
    seen = luminance(over(ink, ground))
    back = luminance(ground)
    light, dark = max(seen, back), min(seen, back)
    return (light + 0.05) / (dark + 0.05)


def readable(ink: QColor, ground: QColor, ratio: float = TEXT_RATIO) -> QColor:
    """*ink* made opaque, then moved towards black or white until it reaches *ratio*."""
    colour = over(ink, ground)
    towards = QColor("#000000") if luminance(ground) > 0.18 else QColor("#ffffff")
    for step in range(21):
        mixed = QColor.fromRgbF(
            *(a + (b - a) * step / 20 for a, b in zip(_rgb(colour), _rgb(towards), strict=True))
        )
        if contrast(mixed, ground) >= ratio:
            return mixed
    return towards


def _rgb(colour: QColor) -> tuple[float, float, float]:
    return colour.redF(), colour.greenF(), colour.blueF()


def accessible_palette(palette: QPalette) -> QPalette:
    """*palette* with placeholder text, selected rows and the focus colour meeting WCAG AA.

    Only colours that fall short change, so a palette that passes is returned as it was.
    """
    fixed = QPalette(palette)
    for group in (Group.Active, Group.Inactive):
        base = palette.color(group, Role.Base)
        placeholder = palette.color(group, Role.PlaceholderText)
        if contrast(placeholder, base) < TEXT_RATIO:
            fixed.setColor(group, Role.PlaceholderText, readable(placeholder, base))
        highlight = palette.color(group, Role.Highlight)
        for ground in (base, palette.color(group, Role.Window)):
            if contrast(highlight, ground) < FOCUS_RATIO:  # the focus ring is drawn in it
                highlight = readable(highlight, ground, FOCUS_RATIO)
        selected = palette.color(group, Role.HighlightedText)
        if contrast(selected, highlight) < TEXT_RATIO:
            highlight = readable(highlight, selected, TEXT_RATIO)  # a deeper highlight
        fixed.setColor(group, Role.Highlight, highlight)
    return fixed


KEYBOARD_FOCUS = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
RING_ON = {  # the primitives Fusion draws a keyboard focus with (dotted, or a faint outline)
    QStyle.PrimitiveElement.PE_FrameFocusRect,
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
}


class FocusRingStyle(QProxyStyle):
    """The platform style, with a solid 2 px ring in the highlight colour round whatever has
    the keyboard focus (buttons, check boxes, radio buttons, drop-downs, tabs)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element != QStyle.PrimitiveElement.PE_FrameFocusRect:
            super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect or (
            element in RING_ON and _keyboard_focus(option)
        ):
            _ring(option, painter)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_TabBarTabShape and _keyboard_focus(option):
            _ring(option, painter)  # Fusion only tints the focused tab


def _keyboard_focus(option: QStyleOption) -> bool:
    return (option.state & KEYBOARD_FOCUS) == KEYBOARD_FOCUS


def _ring(option: QStyleOption, painter: QPainter) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
    painter.restore()


def apply_look(app: QApplication | None = None) -> None:
    """Give the application the focus-ring style, the accessible palette and the focus-ring
    sheet (idempotent)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return
    if not app.property("focusRingStyle"):
        app.setProperty("focusRingStyle", app.style().name())
        palette = app.palette()
        app.setStyle(FocusRingStyle(app.style().name()))
        QGuiApplication.setPalette(palette)
    palette = accessible_palette(app.palette())
    if palette != app.palette():
        QGuiApplication.setPalette(palette)
    if app.styleSheet() != FOCUS_SHEET:
        app.setStyleSheet(FOCUS_SHEET)


def release_look(app: QApplication | None = None) -> None:
    """Give the application back a style Qt itself made, before Python shuts down.

    The focus-ring style is a Python object; left to Qt's own clean-up at exit it was freed after
    the interpreter had gone, and the process crashed as it ended (status 139).
    """
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication) or not app.property("focusRingStyle"):
        return
    palette = app.palette()
    QApplication.setStyle(str(app.property("focusRingStyle")))
    app.setProperty("focusRingStyle", None)
    QGuiApplication.setPalette(palette)
