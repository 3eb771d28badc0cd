"""Build a document in a worker thread, and paint PDF pages onto a printer."""

from PySide6.QtCore import QObject, QRectF, QRunnable, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_PRINT_DPI = 300  # an A4 page at 300 dpi is a 35 MB image: enough for text, safe in memory


class BuildSignals(QObject):
    progress = Signal(int, int)  # job number, percent
    finished = Signal(int, object)  # job number, bytes
    failed = Signal(int, str)  # job number, French message


class BuildJob(QRunnable):
    """Runs `build(progress)` (reportlab, pure Python) away from the window's thread.

    `progress` receives the share of the layout done, sent back as a signal.
    """

    def __init__(self, number: int, build):
        super().__init__()
        self.number = number
        self.build = build
        self.signals = BuildSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            payload = self.build(lambda percent: self.signals.progress.emit(self.number, percent))
        except Exception as error:  # noqa: BLE001 - shown to the user, logged by the caller
            self.signals.failed.emit(self.number, f"{type(error).__name__} : {error}")
            return
        self.signals.finished.emit(self.number, payload)


def print_pdf(document: QPdfDocument, printer: QPrinter, progress=None) -> int:
    """Render each page at the printer's resolution (capped) and paint it on the printer.

    The page keeps its proportions and is centred on the paper; returns the pages printed.
    """
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer")
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    count = document.pageCount()
    try:
        for index in range(count):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(
                index, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            )
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            scale = min(paper.width() / image.width(), paper.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(
                (paper.width() - width) / 2, (paper.height() - height) / 2, width, height
            )
            painter.drawImage(target, image)
            if progress is not None:
                progress(index + 1, count)
    finally:
        painter.end()
    return count
