"""The radar chart of axis maturities, drawn once with reportlab.graphics for PDF and SVG."""

import math
import re
from collections.abc import Mapping, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, String
from reportlab.lib import colors
from reportlab.lib.units import cm

from evalir_desktop.report.fonts import BOLD, REGULAR, printable, register_fonts
from evalir_desktop.report.typography import french

RINGS = (25, 50, 75, 100)
SCREEN_FONT = "font-family: DejaVu Sans, Verdana, sans-serif;"
_CLIP_PATH = re.compile(r"\s*<clipPath\b.*?</clipPath>", re.S)
NOT_ASSESSED = "non évalué"


def _points(axes: Sequence, labels: Mapping[str, str] | None) -> list[tuple[str, float | None]]:
    """(label, score) of each scored axis; accepts AxisResult-like objects or pairs."""
    found = []
    for axis in axes:
        if isinstance(axis, tuple):
            found.append(axis)
            continue
        if not getattr(axis, "scored", True):
            continue
        label = (labels or {}).get(axis.id) or axis.title
        found.append((label, axis.score))
    return found


def _wrap(label: str, width: int = 16) -> list[str]:
    lines, current = [], ""
    for word in label.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current][:3]


def radar_drawing(
    axes: Sequence,
    labels: Mapping[str, str] | None = None,
    width: float = 16 * cm,
    height: float = 11 * cm,
) -> Drawing:
    """A radar of the scored axes (0–100). Each score is printed next to its axis name,
    and an axis with no answer is marked « non évalué » instead of drawn as 0."""
    register_fonts()
    drawing = Drawing(width, height, initialFontName=REGULAR)  # no Helvetica in the PDF
    points = _points(axes, labels)
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 1.5 * cm
    count = len(points)
    if count < 3:
        drawing.add(
            String(
                cx,
                cy,
                "Pas assez d'axes évalués pour un graphique.",
                fontName=REGULAR,
                fontSize=10,
                textAnchor="middle",
            )
        )
        return drawing

    def at(index: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * index / count
        return cx + radius * value / 100 * math.cos(angle), cy + radius * value / 100 * math.sin(
            angle
        )

    for ring in RINGS:
        ring_points = [coord for i in range(count) for coord in at(i, ring)]
        drawing.add(
            Polygon(
                ring_points,
                fillColor=None,
                strokeColor=colors.Color(0.6, 0.6, 0.6),
                strokeWidth=0.5,
                strokeDashArray=None if ring == 100 else [2, 2],
            )
        )
    for index in range(count):
        drawing.add(
            Line(cx, cy, *at(index, 100), strokeColor=colors.Color(0.6, 0.6, 0.6), strokeWidth=0.5)
        )
    shape = [coord for i, (_, score) in enumerate(points) for coord in at(i, score or 0)]
    drawing.add(
        Polygon(
            shape,
            fillColor=colors.Color(0.8, 0.8, 0.8),
            strokeColor=colors.black,
            strokeWidth=1.5,
            strokeLineJoin=1,
        )
    )
    for ring in RINGS:  # over the filled shape, so that the scale stays readable
        x, y = at(0, ring)
        drawing.add(
            String(
                x + 3,
                y - 3,
                str(ring),
                fontName=REGULAR,
                fontSize=6.5,
                fillColor=colors.Color(0.3, 0.3, 0.3),
            )
        )
    for index, (label, score) in enumerate(points):
        x, y = at(index, score or 0)
        if score is None:
            drawing.add(Circle(x, y, 3, fillColor=colors.white, strokeColor=colors.black))
        else:
            drawing.add(Circle(x, y, 2.5, fillColor=colors.black, strokeColor=None))
        _label(drawing, at(index, 108), (cx, cy), label, score)
    return drawing


def _label(
    drawing: Drawing, point: tuple[float, float], centre: tuple[float, float], label: str, score
) -> None:
    """Name and score of one axis, placed outside the outer ring on the side of its spoke."""
    (x, y), (cx, cy) = point, centre
    anchor = "middle" if abs(x - cx) < 8 else ("start" if x > cx else "end")
    lines = [
        *_wrap(french(printable(label))),
        NOT_ASSESSED if score is None else f"{round(score)} / 100",
    ]
    line_height = 9
    block = len(lines) * line_height
    if y > cy + 8:  # above the centre: the block sits on the point
        top = y + block - 7
    elif y < cy - 8:  # below: the block hangs from it
        top = y - 7
    else:
        top = y + block / 2 - 7
    for offset, text in enumerate(lines):
        last = offset == len(lines) - 1
        drawing.add(
            String(
                x,
                top - offset * line_height,
                text,
                fontName=BOLD if last else REGULAR,
                fontSize=7.5,
                textAnchor=anchor,
            )
        )


def radar_svg(
    axes: Sequence,
    labels: Mapping[str, str] | None = None,
    width: float = 16 * cm,
    height: float = 11 * cm,
) -> bytes:
    """The same radar as SVG bytes, for a QSvgWidget on screen."""
    from reportlab.graphics import renderSVG

    svg = renderSVG.drawToString(radar_drawing(axes, labels, width, height))
    # Qt's SVG renderer (SVG Tiny) ignores <clipPath> and paints its rectangle in black:
    # the drawing never leaves its box, so the clip is dropped.
    svg = _CLIP_PATH.sub("", svg).replace(' style="clip-path: url(#clip)"', "")
    # Font names as a screen knows them, with a fallback where DejaVu is not installed.
    svg = svg.replace(f"font-family: {BOLD};", f"{SCREEN_FONT} font-weight: bold;")
    svg = svg.replace(f"font-family: {REGULAR};", SCREEN_FONT)
    return svg.encode("utf-8")
