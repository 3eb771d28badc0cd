"""The published method as a PDF (Aide menu): the same blocks as `docs/methode.md`."""

from __future__ import annotations

import re
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as Para

from evalir_desktop.assessment.method import Heading, Items, Paragraph, Table, method_blocks
from evalir_desktop.content import Content
from evalir_desktop.report.blocks import data_table
from evalir_desktop.report.document import PageInfo, build_pdf
from evalir_desktop.report.fonts import printable
from evalir_desktop.report.styles import para, styles
from evalir_desktop.report.typography import fr_date, markup

DOCUMENT = "Méthode d'évaluation"
HEADING_STYLES = {1: "title", 2: "h1", 3: "h2", 4: "h3"}
_CODE = re.compile(r"`([^`]*)`")


def _plain(text: str) -> str:
    """Markdown code marks dropped: `aiact.haut_risque` prints as aiact.haut_risque."""
    return _CODE.sub(r"\1", text)


def _item(depth: int, text: str) -> Flowable:
    """A list item indented by its depth, with its bullet."""
    style = ParagraphStyle(
        f"item{depth}",
        parent=styles()["bullet"],
        leftIndent=0.6 * cm * (depth + 1),
        bulletIndent=0.6 * cm * depth + 0.1 * cm,
    )
    return Para(markup(printable(_plain(text))), style, bulletText="–" if depth else "•")


def _flowables(block) -> list[Flowable]:
    if isinstance(block, Heading):
        return [para(_plain(block.text), HEADING_STYLES[block.level])]
    if isinstance(block, Paragraph):
        return [para(_plain(block.text))]
    if isinstance(block, Items):
        return [_item(depth, text) for depth, text in block.lines]
    assert isinstance(block, Table)
    return [data_table(block.header, block.rows, [6] + [2] * (len(block.header) - 1))]


def method_pdf(content: Content, printed_on: date | None = None) -> bytes:
    """The method of the current content, A4, ready to print."""
    story: list[Flowable] = []
    for block in method_blocks(content):
        story += _flowables(block)
    info = PageInfo(
        town="EVALIR Desktop",
        project=DOCUMENT,
        printed_on=fr_date(printed_on or date.today()),
        content_version=content.version,
        document=DOCUMENT,
    )
    return build_pdf(story, info, title=f"{DOCUMENT} — EVALIR Desktop", subject=content.title)
