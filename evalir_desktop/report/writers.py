"""One document model, three formats: PDF (reportlab), ODT (odfpy) and DOCX (python-docx)."""

from evalir_desktop.report.document import Progress
from evalir_desktop.report.model import Document

FORMATS = {
    "pdf": ("PDF", ".pdf"),
    "odt": ("OpenDocument texte (LibreOffice)", ".odt"),
    "docx": ("Word", ".docx"),
}


def render(document: Document, data, fmt: str = "pdf", progress: Progress | None = None) -> bytes:
    """`document` written in `fmt`, with the footer of `data` (town, date, fingerprint)."""
    info = data.page_info(document.name, cover=document.cover)
    if fmt == "pdf":
        from evalir_desktop.report.pdf_writer import write_pdf

        return write_pdf(document, info, progress)
    if fmt == "odt":
        from evalir_desktop.report.odt_writer import write_odt

        return write_odt(document, info)
    if fmt == "docx":
        from evalir_desktop.report.docx_writer import write_docx

        return write_docx(document, info)
    raise ValueError(f"unknown format {fmt!r}")
