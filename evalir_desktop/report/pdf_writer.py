"""Write a `model.Document` as PDF with reportlab: each block becomes flowables."""

from functools import singledispatch

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus import PageBreak as PdfPageBreak

from evalir_desktop.report import model
from evalir_desktop.report.blocks import bullets, data_table, key_values, maturity_bar
from evalir_desktop.report.document import FRAME_WIDTH, PageInfo, Progress, build_pdf
from evalir_desktop.report.fonts import REGULAR
from evalir_desktop.report.radar import radar_drawing
from evalir_desktop.report.styles import INK, cell, para

BOX_PADDING = 10
HEADING_STYLES = {0: "title", 1: "h1", 2: "h2", 3: "h3"}


def _lines_style(*extra) -> TableStyle:
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("LEFTPADDING", (0, 0), (-1, -1), 0), *extra]
    )


@singledispatch
def flowables(block, width: float) -> list[Flowable]:
    raise TypeError(f"no PDF form for {type(block).__name__}")


@flowables.register
def _(block: model.Heading, width: float) -> list[Flowable]:
    return [para(block.text, HEADING_STYLES[block.level])]


@flowables.register
def _(block: model.Para, width: float) -> list[Flowable]:
    return [para(block.text, block.style, bold_prefix=block.lead)]


@flowables.register
def _(block: model.Bullets, width: float) -> list[Flowable]:
    return bullets(block.items, block.style, block.mark)


def _pdf_cell(value: model.Cell):
    return maturity_bar(value.score) if isinstance(value, model.Bar) else value


@flowables.register
def _(block: model.Table, width: float) -> list[Flowable]:
    rows = [[_pdf_cell(value) for value in row] for row in block.rows]
    return [data_table(block.header, rows, block.widths)]


@flowables.register
def _(block: model.KeyValues, width: float) -> list[Flowable]:
    return [key_values(block.rows, key_width=block.key_width * cm)]


@flowables.register
def _(block: model.Radar, width: float) -> list[Flowable]:
    return [radar_drawing(block.axes, block.labels)]


@flowables.register
def _(block: model.FillLine, width: float) -> list[Flowable]:
    label_width = min(5 * cm, width / 2)
    table = Table(
        [[cell(block.label, head=True), ""]],
        colWidths=[label_width, width - label_width],
        rowHeights=[0.9 * cm],
    )
    table.setStyle(
        _lines_style(
            ("LINEBELOW", (1, 0), (1, 0), 0.5, INK), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")
        )
    )
    return [table]


@flowables.register
def _(block: model.BlankLines, width: float) -> list[Flowable]:
    table = Table(
        [[""] for _ in range(block.count)], colWidths=[width], rowHeights=[0.9 * cm] * block.count
    )
    table.setStyle(_lines_style(("LINEBELOW", (0, 0), (-1, -1), 0.5, INK)))
    return [table]


@flowables.register
def _(block: model.Choices, width: float) -> list[Flowable]:
    labels = [cell(f"☐  {label}") for label in block.labels]
    rows = [
        labels[i : i + 2] + [""] * (2 - len(labels[i : i + 2])) for i in range(0, len(labels), 2)
    ]
    table = Table(rows, colWidths=[width / 2] * 2)
    table.setStyle(_lines_style(("TOPPADDING", (0, 0), (-1, -1), 5)))
    return [table]


@flowables.register
def _(block: model.Boxed, width: float) -> list[Flowable]:
    inner = width - 2 * BOX_PADDING - 4
    rows = [[flowable] for item in block.blocks for flowable in flowables(item, inner)]
    box = Table(rows, colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, INK),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, -1), (-1, -1), BOX_PADDING),
            ]
        )
    )
    return [box]


@flowables.register
def _(block: model.Keep, width: float) -> list[Flowable]:
    return [KeepTogether(story(block.blocks, width))]


@flowables.register
def _(block: model.PageBreak, width: float) -> list[Flowable]:
    return [PdfPageBreak()]


@flowables.register
def _(block: model.Space, width: float) -> list[Flowable]:
    return [Spacer(1, block.height * cm)]


def story(blocks, width: float = FRAME_WIDTH) -> list[Flowable]:
    return [flowable for block in blocks for flowable in flowables(block, width)]


def write_pdf(document: model.Document, info: PageInfo, progress: Progress | None = None) -> bytes:
    """The document laid out on A4 pages, with the running header and footer of `info`."""
    return build_pdf(
        story(document.blocks),
        info,
        title=document.title,
        subject=info.town,
        progress=progress,
    )
