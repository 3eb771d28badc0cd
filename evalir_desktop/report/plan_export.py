"""The action plan as a spreadsheet: CSV for any tool, ODS (odfpy) with real dates."""

import io
from datetime import date

from evalir_desktop.domain.records import ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS
from evalir_desktop.report.data import ReportData
from evalir_desktop.session.plan import action_origins, french_date
from evalir_desktop.spreadsheet import csv_bytes

PLAN_HEADER = (
    "N°",
    "Action",
    "Axe",
    "Priorité",
    "Responsable",
    "Échéance",
    "État",
    "Note de suivi",
    "Recommandation d'origine",
    "Pourquoi",
    "Question à l'origine",
    "Base légale",
)
DUE = PLAN_HEADER.index("Échéance")
# relative column widths of the ODS sheet, in centimetres
WIDTHS_CM = (1.0, 9.0, 4.0, 2.2, 4.0, 2.6, 2.4, 7.0, 9.0, 9.0, 7.0, 7.0)


def plan_rows(data: ReportData) -> list[list]:
    """One row per action, in the report's order; the due date stays a `date`."""
    origins = action_origins(data.content)
    rows = []
    for index, action in enumerate(data.actions, 1):
        origin = origins.get(action.recommendation_id or "")
        rows.append(
            [
                index,
                action.title,
                data.axis_title(action.axis_id) if action.axis_id else "",
                ACTION_PRIORITY_LABELS.get(action.priority, ""),
                action.owner,
                action.due_date,
                ACTION_STATUS_LABELS.get(action.status, action.status),
                action.note,
                origin.recommendation if origin else "",
                origin.why if origin else "",
                origin.question if origin else "",
                " ; ".join(origin.references) if origin else "",
            ]
        )
    return rows


def plan_csv(data: ReportData) -> bytes:
    """The plan for a French spreadsheet: `;`, UTF-8 with BOM, dates as JJ/MM/AAAA."""
    rows = [
        [french_date(value) if isinstance(value, date) else value for value in row]
        for row in plan_rows(data)
    ]
    return csv_bytes(PLAN_HEADER, rows)


def plan_ods(data: ReportData) -> bytes:
    """The plan as an OpenDocument spreadsheet (LibreOffice, Excel): one sheet, a bold
    header row, wrapped text, real dates and numbers."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import (
        ParagraphProperties,
        Style,
        TableCellProperties,
        TableColumnProperties,
        TextProperties,
    )
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    book = OpenDocumentSpreadsheet()
    wrap = Style(name="wrap", family="table-cell")
    wrap.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
    head = Style(name="head", family="table-cell")
    head.addElement(TableCellProperties(wrapoption="wrap", backgroundcolor="#dddddd"))
    head.addElement(TextProperties(fontweight="bold"))
    head.addElement(ParagraphProperties(textalign="center"))
    for style in (wrap, head):
        book.automaticstyles.addElement(style)
    sheet = Table(name="Plan d'action")
    for number, width in enumerate(WIDTHS_CM):
        column = Style(name=f"col{number}", family="table-column")
        column.addElement(TableColumnProperties(columnwidth=f"{width}cm"))
        book.automaticstyles.addElement(column)
        sheet.addElement(TableColumn(stylename=column))

    def cell(value, style) -> TableCell:
        if isinstance(value, date):
            made = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=style)
            text = french_date(value)
        elif isinstance(value, int):
            made = TableCell(valuetype="float", value=value, stylename=style)
            text = str(value)
        else:
            made = TableCell(valuetype="string", stylename=style)
            text = value or ""
        made.addElement(P(text=text))
        return made

    header = TableRow()
    for title in PLAN_HEADER:
        header.addElement(cell(title, head))
    sheet.addElement(header)
    for values in plan_rows(data):
        row = TableRow()
        for value in values:
            row.addElement(cell(value, wrap))
        sheet.addElement(row)
    book.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    book.write(out)
    return out.getvalue()
