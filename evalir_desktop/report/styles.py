"""Paragraph and table styles of every document, in DejaVu, readable in black and white."""

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, TableStyle

from evalir_desktop.report.fonts import BOLD, ITALIC, REGULAR, printable, register_fonts
from evalir_desktop.report.typography import markup, paragraphs

INK = colors.black
GREY = colors.Color(0.35, 0.35, 0.35)
LIGHT = colors.Color(0.90, 0.90, 0.90)
PALE = colors.Color(0.96, 0.96, 0.96)


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=10,
        leading=13.5,
        spaceAfter=4,
        alignment=TA_LEFT,
        textColor=INK,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **changes) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "body": base,
        "small": derive("small", fontSize=8.5, leading=11, spaceAfter=2),
        "muted": derive("muted", fontName=ITALIC, fontSize=9, leading=12, textColor=GREY),
        "cell": derive("cell", fontSize=8.5, leading=11, spaceAfter=0),
        "cell_head": derive("cell_head", fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0),
        "title": derive("title", fontName=BOLD, fontSize=24, leading=30, spaceAfter=14),
        "subtitle": derive("subtitle", fontSize=14, leading=19, spaceAfter=8, textColor=GREY),
        "h1": derive(
            "h1",
            fontName=BOLD,
            fontSize=16,
            leading=21,
            spaceBefore=18,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": derive(
            "h2",
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h3": derive(
            "h3",
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "question": derive(
            "question",
            fontName=BOLD,
            fontSize=9.5,
            leading=12.5,
            spaceBefore=5,
            spaceAfter=1,
            keepWithNext=1,
        ),
        "answer": derive("answer", leftIndent=0.5 * cm, spaceAfter=2),
        "comment": derive(
            "comment",
            fontName=ITALIC,
            fontSize=9,
            leading=12,
            leftIndent=0.5 * cm,
            textColor=GREY,
            spaceAfter=2,
        ),
        "bullet": derive("bullet", leftIndent=0.6 * cm, bulletIndent=0.1 * cm, spaceAfter=3),
        "center": derive("center", alignment=TA_CENTER),
        "box": derive(
            "box",
            fontSize=10,
            leading=14,
            borderWidth=0.8,
            borderColor=INK,
            borderPadding=8,
            spaceBefore=10,
            spaceAfter=14,
            backColor=PALE,
        ),
    }


def para(text: str, style: str = "body", bold_prefix: str = "") -> Paragraph:
    """A Paragraph of plain text (escaped, French spacing), with an optional bold lead-in."""
    lead = f"<b>{markup(printable(bold_prefix))}</b> " if bold_prefix else ""
    return Paragraph(lead + markup(printable(text)), styles()[style])


def long_text(text: str, style: str = "body") -> list[Paragraph]:
    """A long text as one Paragraph per paragraph, so pages can break between them."""
    return [Paragraph(markup(part), styles()[style]) for part in paragraphs(printable(text))]


def cell(text: str, head: bool = False) -> Paragraph:
    return Paragraph(markup(printable(text)), styles()["cell_head" if head else "cell"])


def table_style() -> TableStyle:
    """Grid table: bold header row on light grey, thin rules, alternate rows pale."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
        ("GRID", (0, 0), (-1, -1), 0.4, GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, PALE]),
    ]
    return TableStyle(commands)
