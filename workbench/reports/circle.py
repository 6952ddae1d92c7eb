"""The closeness circle (ipt-reference §7.2) in vector graphics: one snapshot or a pair."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbench.domain.inventory import LINE_STYLES, RINGS
from workbench.reports import fonts, style

MAX_LABEL = 18
_FONT = 6.5
_DOT = 3.2
_TITLE_H = 16.0
_LEGEND_H = 26.0
_KEY_ROW = 9.0
_RING_FILLS = (HexColor("#E4ECF5"), HexColor("#EEF3F8"), HexColor("#F8FAFC"))
_LINES: dict[str, tuple[Color, float, list[float] | None]] = {
    "supportive": (HexColor("#4A6A8F"), 0.8, None),
    "conflict": (style.CONFLICT, 0.9, [3, 2]),
    "deceased": (style.DECEASED, 0.9, [0.8, 1.8]),
}
_STEPS = (0.0, 0.5, -0.5, 0.25, -0.25, 0.75, -0.75, 1.0)  # label directions, in half-turns
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class CirclePerson:
    """One person in a snapshot: short label, ring 1 (closest) to 3, and relationship line."""

    label: str
    ring: int
    line_style: str = "supportive"

    def __post_init__(self) -> None:
        if self.ring not in RINGS:
            raise ValueError(f"ring must be one of {RINGS}, not {self.ring!r}")
        if self.line_style not in LINE_STYLES:
            raise ValueError(f"line_style must be one of {LINE_STYLES}, not {self.line_style!r}")


def short_label(label: str) -> str:
    """Whitespace collapsed; longer than 18 characters → 17 and an ellipsis."""
    text = " ".join(label.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(
    x: float, y: float, theta: float, text: str, taken: list[Box], size: float, reach: int
) -> Box | None:
    """A free box for *text* within *reach* steps of the dot at (x, y), outward first, or None."""
    w, h = stringWidth(text, fonts.REGULAR, _FONT) + 2, _FONT + 2
    for gap in (1.5, 5.0, 9.0, 14.0, 20.0)[:reach]:
        for step in _STEPS:
            a = theta + step * math.pi
            bx = x + math.cos(a) * (w / 2 + _DOT + gap)
            by = y + math.sin(a) * (h / 2 + _DOT + gap)
            box = (bx - w / 2, by - h / 2, bx + w / 2, by + h / 2)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= size and box[3] <= size
            if inside and not any(_overlaps(box, t) for t in taken):
                return box
    return None


def _circle(
    people: Sequence[CirclePerson], size: float, title: str, centre_label: str
) -> tuple[Group, float]:
    """The diagram, its title above and any numbered key below; returns (group, height)."""
    fonts.register()
    c = size / 2
    outer = c - 2
    radii = (outer * 0.38, outer * 0.69, outer)
    me_w = stringWidth(centre_label, fonts.BOLD, 7)
    me_r = max(outer * 0.11, me_w / 2 + 3)
    bands = ((me_r, radii[0]), (radii[0], radii[1]), (radii[1], radii[2]))
    shapes: list[object] = []
    for r, fill in zip(reversed(radii), reversed(_RING_FILLS), strict=True):
        shapes.append(Circle(c, c, r, fillColor=fill, strokeColor=style.RULE, strokeWidth=0.8))

    taken: list[Box] = [(c - me_r, c - me_r, c + me_r, c + me_r)]
    dots: list[tuple[CirclePerson, float, float, float]] = []
    for ring in RINGS:
        members = [p for p in people if p.ring == ring]
        inner, outer_r = bands[ring - 1]
        mid = (inner + outer_r) / 2
        spread = (outer_r - inner) * 0.25
        crowded = len(members) * 38 > 2 * math.pi * mid  # then stagger dots over three radii
        for i, person in enumerate(members):
            theta = math.pi / 2 + (ring - 1) * 0.65 + 2 * math.pi * i / len(members)
            r = mid + (spread * ((i % 3) - 1) if crowded else 0)
            x, y = c + r * math.cos(theta), c + r * math.sin(theta)
            dots.append((person, x, y, theta))
            taken.append((x - _DOT - 1, y - _DOT - 1, x + _DOT + 1, y + _DOT + 1))

    labels: list[tuple[Box, str]] = []
    key: list[str] = []
    for person, x, y, theta in dots:
        text = short_label(person.label)
        # A name farther than a few points from its dot reads as someone else's: number it.
        box = _place(x, y, theta, text, taken, size, reach=2)
        if box is None:
            text = str(len(key) + 1)
            key.append(f"{text}  {short_label(person.label)}")
            box = _place(x, y, theta, text, taken, size, reach=5) or (x + 4, y + 4, x + 10, y + 12)
        taken.append(box)
        labels.append((box, text))

    for person, x, y, theta in dots:
        colour, width, dash = _LINES[person.line_style]
        x0, y0 = c + me_r * math.cos(theta), c + me_r * math.sin(theta)
        shapes.append(
            Line(x0, y0, x, y, strokeColor=colour, strokeWidth=width, strokeDashArray=dash)
        )
    for person, x, y, _ in dots:
        colour, _, _ = _LINES[person.line_style]
        hollow = person.line_style == "deceased"
        fill = style.WHITE if hollow else colour
        shapes.append(Circle(x, y, _DOT, fillColor=fill, strokeColor=colour, strokeWidth=0.9))
    shapes.append(Circle(c, c, me_r, fillColor=style.ACCENT, strokeColor=None))
    shapes.append(
        String(
            c,
            c - 2.5,
            centre_label,
            fontName=fonts.BOLD,
            fontSize=7,
            fillColor=style.WHITE,
            textAnchor="middle",
        )
    )
    for (x0, y0, x1, y1), text in labels:
        shapes.append(
            Rect(
                x0, y0, x1 - x0, y1 - y0, fillColor=style.WHITE, fillOpacity=0.82, strokeColor=None
            )
        )
        shapes.append(
            String(
                (x0 + x1) / 2,
                y0 + 2.2,
                text,
                fontName=fonts.REGULAR,
                fontSize=_FONT,
                fillColor=style.INK,
                textAnchor="middle",
            )
        )
    if not people:
        shapes.append(_note(c, c - me_r - 12, "No one placed yet"))

    columns = max(1, int(size // 95))
    rows = math.ceil(len(key) / columns)
    key_h = rows * _KEY_ROW + (4 if key else 0)
    group = Group()
    for i, entry in enumerate(key):
        col, row = i % columns, i // columns
        text = style.fit(entry, fonts.REGULAR, _FONT, size / columns - 4)
        group.add(_note(col * size / columns, key_h - (row + 1) * _KEY_ROW, text, "start"))
    diagram = Group(*shapes)
    diagram.translate(0, key_h)
    group.add(diagram)
    heading = style.fit(title, fonts.BOLD, 9, size)
    group.add(
        String(
            c,
            key_h + size + 5,
            heading,
            fontName=fonts.BOLD,
            fontSize=9,
            fillColor=style.INK,
            textAnchor="middle",
        )
    )
    return group, key_h + size + _TITLE_H


def _note(x: float, y: float, text: str, anchor: str = "middle") -> String:
    return String(
        x, y, text, fontName=fonts.REGULAR, fontSize=_FONT, fillColor=style.MUTED, textAnchor=anchor
    )


def _legend(width: float) -> Group:
    """Line-style samples on one row, ring meaning on the next (fits in _LEGEND_H)."""
    group = Group()
    x = 0.0
    for name in LINE_STYLES:
        colour, line_w, dash = _LINES[name]
        group.add(
            Line(
                x,
                17,
                x + 18,
                17,
                strokeColor=colour,
                strokeWidth=line_w + 0.3,
                strokeDashArray=dash,
            )
        )
        group.add(_note(x + 22, 15, name, "start"))
        x += 22 + stringWidth(name, fonts.REGULAR, _FONT) + 14
    rings = "Rings: inner = closest, outer = least close"
    group.add(_note(0, 4, style.fit(rings, fonts.REGULAR, _FONT, width), "start"))
    return group


def closeness_circle(
    people: Sequence[CirclePerson],
    *,
    size: float = 240,
    title: str = "",
    centre_label: str = "Me",
) -> Drawing:
    """One snapshot: rings 1-3 around the client, a dot, label and line per person, a legend."""
    group, height = _circle(people, size, title, centre_label)
    drawing = style.new_drawing(size, height + _LEGEND_H)
    group.translate(0, _LEGEND_H)
    drawing.add(group)
    drawing.add(_legend(size))
    return drawing


def circle_pair(
    intake: Sequence[CirclePerson],
    now: Sequence[CirclePerson],
    *,
    width: float = style.CONTENT_WIDTH,
    titles: tuple[str, str] = ("Intake", "Now"),
    centre_label: str = "Me",
) -> Drawing:
    """Two snapshots side by side (e.g. intake and end of treatment) sharing one legend."""
    gap = 18.0
    size = (width - gap) / 2
    left, left_h = _circle(intake, size, titles[0], centre_label)
    right, right_h = _circle(now, size, titles[1], centre_label)
    height = max(left_h, right_h)
    drawing = style.new_drawing(width, height + _LEGEND_H)
    left.translate(0, _LEGEND_H + height - left_h)
    right.translate(size + gap, _LEGEND_H + height - right_h)
    drawing.add(left)
    drawing.add(right)
    drawing.add(_legend(width))
    return drawing
