"""The radar drawing as a PNG image (Pillow), for the ODT and DOCX documents.

reportlab's own bitmap renderer needs Cairo; the radar only uses polygons, lines, circles
and strings, which Pillow draws directly from the same `Drawing`.
"""

import io
import math
from functools import cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, String

from evalir_desktop.report.fonts import BOLD, FILES
from evalir_desktop.resources import resource_path

DPI = 200


def _rgb(color) -> tuple[int, int, int] | None:
    if color is None:
        return None
    return tuple(round(255 * part) for part in (color.red, color.green, color.blue))


@cache
def _font(name: str, size_px: int) -> ImageFont.FreeTypeFont:
    file_name = FILES.get(name, FILES[BOLD] if "Bold" in name else next(iter(FILES.values())))
    return ImageFont.truetype(str(resource_path("fonts", file_name)), size_px)


def _dashed(draw: ImageDraw.ImageDraw, points, color, width: int, dash: float) -> None:
    """A closed dashed outline (Pillow draws only solid lines)."""
    for start, end in zip(points, points[1:] + points[:1], strict=True):
        length = math.dist(start, end)
        steps = max(1, int(length / dash))
        for step in range(0, steps, 2):
            a, b = step / steps, min(1, (step + 1) / steps)
            draw.line(
                [
                    (start[0] + (end[0] - start[0]) * a, start[1] + (end[1] - start[1]) * a),
                    (start[0] + (end[0] - start[0]) * b, start[1] + (end[1] - start[1]) * b),
                ],
                fill=color,
                width=width,
            )


def _draw_shape(draw: ImageDraw.ImageDraw, shape, scale: float, height: float) -> None:
    def at(x: float, y: float) -> tuple[float, float]:
        return x * scale, (height - y) * scale

    width = max(1, round(getattr(shape, "strokeWidth", 1) * scale))
    if isinstance(shape, Polygon):
        points = [at(*shape.points[i : i + 2]) for i in range(0, len(shape.points), 2)]
        stroke = _rgb(shape.strokeColor)
        if shape.fillColor is not None:
            draw.polygon(points, fill=_rgb(shape.fillColor))
        if stroke and shape.strokeDashArray:
            _dashed(draw, points, stroke, width, shape.strokeDashArray[0] * scale)
        elif stroke:
            draw.line([*points, points[0]], fill=stroke, width=width, joint="curve")
    elif isinstance(shape, Line):
        draw.line([at(shape.x1, shape.y1), at(shape.x2, shape.y2)], fill=_rgb(shape.strokeColor))
    elif isinstance(shape, Circle):
        x, y = at(shape.cx, shape.cy)
        r = shape.r * scale
        draw.ellipse(
            [x - r, y - r, x + r, y + r],
            fill=_rgb(shape.fillColor),
            outline=_rgb(shape.strokeColor),
            width=width,
        )
    elif isinstance(shape, String):
        font = _font(shape.fontName, round(shape.fontSize * scale))
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.textAnchor]
        draw.text(
            at(shape.x, shape.y), shape.text, font=font, fill=_rgb(shape.fillColor), anchor=anchor
        )


def drawing_png(drawing: Drawing, dpi: int = DPI) -> bytes:
    """The drawing as PNG bytes, white background, at `dpi` dots per inch."""
    scale = dpi / 72
    image = Image.new("RGB", (round(drawing.width * scale), round(drawing.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    for shape in drawing.contents:
        _draw_shape(draw, shape, scale, drawing.height)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(dpi, dpi), optimize=True)
    return buffer.getvalue()
