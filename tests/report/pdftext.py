"""Read back generated PDFs: body text without the running header and footer, fonts, pages."""

import io
import re

import pypdf

from evalir_desktop.report.document import BOTTOM_MARGIN, PAGE_HEIGHT, TOP_MARGIN

BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def normalize(text: str) -> str:
    """Collapse every kind of space and line break; straight apostrophes."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def body_text(pdf: bytes) -> str:
    """The text inside the page frames of all pages, in order, without header and footer."""
    parts: list[str] = []
    low, high = BOTTOM_MARGIN - 6, PAGE_HEIGHT - TOP_MARGIN + 6

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if low <= y <= high:
            parts.append(text)

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
        parts.append("\n")
    return normalize("".join(parts))


def page_last_lines(pdf: bytes) -> list[str]:
    """The last line of body text of each page (header and footer left out)."""
    low, high = BOTTOM_MARGIN - 6, PAGE_HEIGHT - TOP_MARGIN + 6
    last_lines = []
    for page in reader(pdf).pages:
        parts: list[str] = []

        def visit(text, cm, tm, font, size, parts=parts):
            if low <= tm[5] * cm[3] + cm[5] <= high:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        lines = [line for line in "".join(parts).split("\n") if line.strip()]
        last_lines.append(normalize(lines[-1]) if lines else "")
    return last_lines


def page_texts(pdf: bytes) -> list[str]:
    return [normalize(page.extract_text()) for page in reader(pdf).pages]


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page (and in its form XObjects) -> is it embedded?"""
    found: dict[str, bool] = {}

    def walk(resources):
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            descriptors = [font.get("/FontDescriptor")]
            for descendant in font.get("/DescendantFonts") or []:
                descriptors.append(descendant.get_object().get("/FontDescriptor"))
            embedded = any(
                d is not None
                and any(key in d.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors
            )
            found[name] = found.get(name, True) and embedded
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in reader(pdf).pages:
        walk(page.get("/Resources"))
    return found


def base_name(font_name: str) -> str:
    """ "AAAAAA+DejaVuSans" -> "DejaVuSans" (subset prefix removed)."""
    return font_name.split("+", 1)[-1]
