"""What the ODT and DOCX writers share: paragraph styles, footer text, cleaned-up text."""

import re
from dataclasses import dataclass

from evalir_desktop.report.document import PageInfo
from evalir_desktop.report.radar import radar_drawing
from evalir_desktop.report.raster import drawing_png
from evalir_desktop.report.typography import NNBSP, french

FONT = "Arial"  # Liberation Sans where Arial is absent: the same metrics
PAGE_MARGIN_CM = 2.0
TEXT_WIDTH_CM = 17.0
RADAR_SIZE_CM = (16.0, 11.0)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class ParaStyle:
    """A paragraph style in points and centimetres, the same in both formats."""

    display: str  # the name a word processor shows
    size: float = 10
    bold: bool = False
    italic: bool = False
    grey: bool = False
    indent: float = 0.0
    before: float = 0.0
    after: float = 4.0
    boxed: bool = False
    centred: bool = False


PARA_STYLES = {
    "body": ParaStyle("Texte EVALIR"),
    "bullet": ParaStyle("Liste EVALIR", indent=0.6, after=3),
    "small": ParaStyle("Texte réduit", size=8.5, after=2),
    "muted": ParaStyle("Remarque", size=9, italic=True, grey=True),
    "subtitle": ParaStyle("Sous-titre EVALIR", size=14, grey=True, after=8),
    "box": ParaStyle("Encadré", boxed=True, before=10, after=14),
    "question": ParaStyle("Question", size=9.5, bold=True, before=5, after=1),
    "answer": ParaStyle("Réponse", indent=0.5, after=2),
    "comment": ParaStyle("Commentaire", size=9, italic=True, grey=True, indent=0.5, after=2),
    "center": ParaStyle("Centré", centred=True),
    "cell": ParaStyle("Contenu de tableau", size=8.5, after=0),
    "cell_head": ParaStyle("En-tête de tableau", size=8.5, bold=True, after=0),
}
HEADING_SIZES = {0: 24, 1: 16, 2: 12.5, 3: 10.5}
GREY_HEX = "595959"
LIGHT_HEX = "E6E6E6"


def clean(text: str) -> str:
    """Plain text ready for a word processor: no control character, French spacing."""
    return french(_CONTROL.sub("", text or ""), NNBSP)


def header_text(info: PageInfo) -> str:
    return clean(f"{info.town} — {info.project}")


def footer_text(info: PageInfo) -> str:
    """The same footer as the PDF's, without the page number (a field in each format)."""
    parts = (
        info.document,
        f"Édité le {info.printed_on}",
        f"Contenu {info.content_version}" if info.content_version else "",
        f"Empreinte {info.fingerprint}" if info.fingerprint else "",
    )
    return clean(" · ".join(part for part in parts if part))


def radar_png(block) -> bytes:
    return drawing_png(radar_drawing(block.axes, block.labels))


def relative_widths(widths, total: float = TEXT_WIDTH_CM) -> list[float]:
    """Column widths in centimetres that fill the text width."""
    scale = total / sum(widths)
    return [width * scale for width in widths]
