"""Reports and exports (reportlab, no Qt): documents for the council, the supplier, the public.

For the window and the CLI: `report_data(store, id)` (or `ReportController`) then
`build(data, ReportOptions("complet"))`;
`radar_svg(evaluation.axes, labels)` for a QSvgWidget. For other reports (territory):
`build_pdf(story, PageInfo(...), title)` with the flowable helpers below.
"""

from evalir_desktop.report.api import (
    DOCUMENTS,
    EXPORTS,
    Output,
    ReportOptions,
    build,
    default_file_name,
)
from evalir_desktop.report.blocks import bullets, data_table, key_values, maturity_bar
from evalir_desktop.report.data import ReportData, report_data
from evalir_desktop.report.document import FRAME_WIDTH, PageInfo, build_pdf
from evalir_desktop.report.fingerprint import fingerprint
from evalir_desktop.report.full import full_report, summary_report
from evalir_desktop.report.labels import level_label
from evalir_desktop.report.mention import mention_pdf, mention_status, mention_text
from evalir_desktop.report.radar import radar_drawing, radar_svg
from evalir_desktop.report.styles import long_text, para
from evalir_desktop.report.supplier import supplier_csv, supplier_pdf, supplier_questions
from evalir_desktop.report.transparency import (
    transparency_csv,
    transparency_json,
    transparency_record,
)
from evalir_desktop.report.typography import fr_date, french, shorten
from evalir_desktop.spreadsheet import csv_bytes

__all__ = [
    "DOCUMENTS",
    "EXPORTS",
    "FRAME_WIDTH",
    "Output",
    "PageInfo",
    "ReportOptions",
    "ReportData",
    "build",
    "build_pdf",
    "bullets",
    "csv_bytes",
    "data_table",
    "default_file_name",
    "fingerprint",
    "fr_date",
    "french",
    "full_report",
    "key_values",
    "level_label",
    "long_text",
    "maturity_bar",
    "mention_pdf",
    "mention_status",
    "mention_text",
    "para",
    "radar_drawing",
    "radar_svg",
    "report_data",
    "shorten",
    "summary_report",
    "supplier_csv",
    "supplier_pdf",
    "supplier_questions",
    "transparency_csv",
    "transparency_json",
    "transparency_record",
]
