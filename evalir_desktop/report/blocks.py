"""Small reusable flowables: key/value tables, data tables, bullet lists, maturity bars."""

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Table, TableStyle

from evalir_desktop.report.document import FRAME_WIDTH
from evalir_desktop.report.fonts import BOLD, REGULAR, printable
from evalir_desktop.report.styles import GREY, LIGHT, cell, styles, table_style
from evalir_desktop.report.typography import markup

BAR_CELLS = 10


def key_values(rows: Sequence[tuple[str, str]], key_width: float = 4.8 * cm) -> Table:
    """A two-column table of labels and values; empty values print as a dash."""
    data = [[cell(key, head=True), cell(value or "—")] for key, value in rows]
    table = Table(data, colWidths=[key_width, FRAME_WIDTH - key_width], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("GRID", (0, 0), (-1, -1), 0.4, GREY),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def data_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Table:
    """A table whose header repeats on every page and whose long cells split across pages."""
    scale = FRAME_WIDTH / sum(widths)
    data = [[cell(text, head=True) for text in header]]
    data += [[_cell(value) for value in row] for row in rows]
    table = Table(data, colWidths=[w * scale for w in widths], repeatRows=1, splitInRow=1)
    table.setStyle(table_style())
    return table


def _cell(value):
    if value is None:
        return cell("")
    return value if isinstance(value, Drawing | Paragraph) else cell(str(value))


def bullets(items: Sequence[str], style: str = "bullet", mark: str = "•") -> list[Paragraph]:
    return [Paragraph(markup(printable(item)), styles()[style], bulletText=mark) for item in items]


def maturity_bar(score: float | None, width: float = 2.9 * cm) -> Drawing:
    """An outlined bar filled in black up to the score, with the figure printed beside it
    (readable in black and white); "non évalué" when the axis has no answer."""
    height = 10
    drawing = Drawing(width, height + 2, initialFontName=REGULAR)
    if score is None:
        drawing.add(String(0, 3, "non évalué", fontName=REGULAR, fontSize=8))
        return drawing
    bar = width - 0.8 * cm
    drawing.add(
        Rect(0, 1, bar, height, fillColor=colors.white, strokeColor=colors.black, strokeWidth=0.6)
    )
    if score > 0:
        drawing.add(
            Rect(
                0, 1, bar * min(score, 100) / 100, height, fillColor=colors.black, strokeColor=None
            )
        )
    drawing.add(String(width, 3, str(round(score)), fontName=BOLD, fontSize=8, textAnchor="end"))
    return drawing
