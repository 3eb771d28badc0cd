"""Register the shipped DejaVu TTF fonts with reportlab (embedded as subsets in every PDF)."""

import re
from functools import cache

from evalir_desktop.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}


@cache
def register_fonts() -> str:
    """Register the family once; return the regular font name to use everywhere.

    DejaVu has no bold-oblique file shipped: bold italic falls back to bold.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file_name in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)
    return REGULAR


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
REPLACEMENT = "\ufffd"


@cache
def _glyphs() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)


def printable(text: str) -> str:
    """Drop control characters; a character DejaVu cannot draw becomes « \ufffd »."""
    text = _CONTROL.sub("", text or "")
    glyphs = _glyphs()
    if all(ord(char) in glyphs or char in "\n\r\t" for char in text):
        return text
    return "".join(
        char if ord(char) in glyphs or char in "\n\r\t" else REPLACEMENT for char in text
    )
