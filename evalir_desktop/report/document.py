"""The A4 page template: running header, footer with "Page n / N", date and data fingerprint."""

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from evalir_desktop import __version__
from evalir_desktop.report.fonts import BOLD, REGULAR, printable, register_fonts
from evalir_desktop.report.styles import GREY, INK
from evalir_desktop.report.typography import french

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm
TOP_MARGIN = 2.2 * cm
BOTTOM_MARGIN = 2.2 * cm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN

Progress = Callable[[int], None]  # receives the share of the layout done, 0–100


@dataclass(frozen=True)
class PageInfo:
    """What every page repeats: town, project, date, content version, data fingerprint."""

    town: str
    project: str
    printed_on: str
    fingerprint: str = ""
    content_version: str = ""
    document: str = ""
    cover: bool = False  # no running header on the first page


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten `text` with an ellipsis until it fits `width` points."""
    text = printable(text)
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class NumberedCanvas(Canvas):
    """Keeps each page until the end, then draws header and footer knowing the page count."""

    def __init__(self, *args, info: PageInfo, **kwargs):
        super().__init__(*args, **kwargs)
        self._info = info
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_furniture(total)
            super().showPage()
        super().save()

    def _draw_furniture(self, total: int) -> None:
        info, page = self._info, self._pageNumber
        self.saveState()
        self.setFillColor(GREY)
        self.setStrokeColor(GREY)
        self.setLineWidth(0.4)
        half = FRAME_WIDTH / 2 - 6
        if not (info.cover and page == 1):
            top = PAGE_HEIGHT - 1.35 * cm
            self.setFont(BOLD, 8)
            self.drawString(MARGIN, top, _fit(self, french(info.town), BOLD, 8, half))
            self.setFont(REGULAR, 8)
            self.drawRightString(
                PAGE_WIDTH - MARGIN, top, _fit(self, french(info.project), REGULAR, 8, half)
            )
            self.line(MARGIN, top - 4, PAGE_WIDTH - MARGIN, top - 4)
        bottom = 1.2 * cm
        self.line(MARGIN, bottom + 10, PAGE_WIDTH - MARGIN, bottom + 10)
        self.setFont(REGULAR, 7.5)
        left = " · ".join(
            part
            for part in (
                info.document,
                f"Édité le {info.printed_on}",
                f"Contenu {info.content_version}" if info.content_version else "",
                f"Empreinte {info.fingerprint}" if info.fingerprint else "",
            )
            if part
        )
        self.drawString(MARGIN, bottom, _fit(self, french(left), REGULAR, 7.5, FRAME_WIDTH - 70))
        self.setFillColor(INK)
        self.setFont(BOLD, 8)
        self.drawRightString(PAGE_WIDTH - MARGIN, bottom, f"Page {page} / {total}")
        self.restoreState()


def _progress_adapter(report: Progress) -> Callable[[str, int], None]:
    """Turn reportlab's (kind, value) callbacks into a percentage of the layout done.

    Reportlab counts the flowables handled; a flowable split across two pages is handed
    back, so its count can step back: the share reported never does.
    """
    total, done = [0], [0]

    def callback(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = max(1, value)
        elif kind == "PROGRESS" and total[0]:
            share = min(99, round(100 * value / total[0]))
            if share > done[0]:
                done[0] = share
                report(share)
        elif kind == "FINISHED":
            report(100)

    return callback


def _template(buffer: io.BytesIO, **meta) -> BaseDocTemplate:
    """The A4 document of every report: margins, one body frame, DejaVu."""
    register_fonts()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        lang="fr-FR",
        initialFontName=REGULAR,
        initialFontSize=10,
        initialLeading=13.5,
        allowSplitting=1,
        **meta,
    )
    frame = Frame(
        MARGIN,
        BOTTOM_MARGIN,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


class _Discarded(Canvas):
    """A canvas that lays pages out and writes nothing (page counts)."""

    def save(self):
        pass


def page_count(story: list) -> int:
    """How many pages `story` takes once laid out as `build_pdf` does (nothing is kept)."""
    doc = _template(io.BytesIO())
    doc.build(story, canvasmaker=_Discarded)
    return doc.page


def build_pdf(
    story: list, info: PageInfo, title: str, subject: str = "", progress: Progress | None = None
) -> bytes:
    """Lay out `story` on A4 pages and return the PDF bytes (DejaVu only, subset-embedded).

    `progress`, if given, is called with the share of the layout done (0–100).
    """
    buffer = io.BytesIO()
    doc = _template(
        buffer,
        title=title,
        author=info.town,
        subject=subject,
        creator=f"EVALIR Desktop {__version__}",
        producer=f"EVALIR Desktop {__version__}",
    )
    if progress is not None:
        doc.setProgressCallBack(_progress_adapter(progress))
    doc.build(story, canvasmaker=partial(NumberedCanvas, info=info))
    return buffer.getvalue()
