"""The PDF preview of the report window: pages, zoom, and a fresh start for each document."""

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

FIT_WIDTH, FIT_PAGE = "largeur", "page"
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PdfPreview(QWidget):
    """A QPdfView with « page n sur N », previous and next page, and the zoom. Every new
    document opens on its first page at the width of the window: nothing is kept from the
    document shown before (page, zoom, position)."""

    page_changed = Signal(int)

    def __init__(self, document: QPdfDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setDocument(document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Aperçu du document"))
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self.show_page)
        self.previous = self.tool("◀", self.tr("Page précédente"), lambda: self.step(-1))
        self.next = self.tool("▶", self.tr("Page suivante"), lambda: self.step(1))
        self.page = QSpinBox()
        self.page.setAccessibleName(self.tr("Page affichée"))
        self.page.setMinimum(1)
        self.page.setKeyboardTracking(False)
        self.page.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.total = QLabel()
        self.zoom_out = self.tool("−", self.tr("Réduire"), lambda: self.zoom_by(-1))
        self.zoom_in = self.tool("+", self.tr("Agrandir"), lambda: self.zoom_by(1))
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(self.tr("Zoom de l'aperçu"))
        self.zoom.addItem(self.tr("Pleine largeur"), FIT_WIDTH)
        self.zoom.addItem(self.tr("Page entière"), FIT_PAGE)
        for factor in ZOOMS:
            self.zoom.addItem(f"{round(factor * 100)}\u202f%", factor)
        self.zoom.activated.connect(lambda _i: self.apply_zoom(self.zoom.currentData()))
        page_label = QLabel(self.tr("Pa&ge"))
        page_label.setBuddy(self.page)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous, page_label, self.page, self.total, self.next):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out, self.zoom, self.zoom_in):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.show_count()

    def tool(self, text: str, name: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    # -- documents -----------------------------------------------------------------

    def load(self, payload: bytes) -> None:
        """Show a new document from its first page, at the width of the window."""
        self.clear()
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(payload))
        self.buffer.open(QIODevice.ReadOnly)
        self.document.load(self.buffer)
        self.apply_zoom(FIT_WIDTH)
        self.show_count()
        self.go_to(0)

    def clear(self) -> None:
        """Nothing shown (a document is being prepared); nothing kept of the last one."""
        self.document.close()
        self.view.pageNavigator().clear()
        if self.buffer is not None:
            self.buffer.close()
            self.buffer.deleteLater()
            self.buffer = None
        self.show_count()

    def show_count(self) -> None:
        pages = self.document.pageCount()
        self.page.blockSignals(True)
        self.page.setMaximum(max(pages, 1))
        self.page.setValue(1)
        self.page.blockSignals(False)
        self.total.setText(self.tr("sur %s") % pages if pages else "")
        for widget in (self.previous, self.next, self.page, self.zoom, self.zoom_in, self.zoom_out):
            widget.setEnabled(pages > 0)
        self.update_buttons(0)

    # -- pages ---------------------------------------------------------------------

    def current(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, index: int) -> None:
        pages = self.document.pageCount()
        if not pages:
            return
        index = min(max(index, 0), pages - 1)
        navigator, zoom = self.view.pageNavigator(), self.view.zoomFactor()
        if index == navigator.currentPage():  # a jump to where it is does not scroll
            other = index + 1 if index + 1 < pages else index - 1
            if other >= 0:
                navigator.jump(other, QPointF(), zoom)
            else:
                self.view.verticalScrollBar().setValue(0)
        navigator.jump(index, QPointF(), zoom)
        self.show_page(index)

    def step(self, delta: int) -> None:
        self.go_to(self.current() + delta)

    def show_page(self, index: int) -> None:
        if not shiboken6.isValid(self.document):  # the window is being closed
            return
        self.page.blockSignals(True)
        self.page.setValue(index + 1)
        self.page.blockSignals(False)
        self.update_buttons(index)
        self.page_changed.emit(index)

    def update_buttons(self, index: int) -> None:
        pages = self.document.pageCount()
        self.previous.setEnabled(pages > 0 and index > 0)
        self.next.setEnabled(index < pages - 1)

    # -- zoom ----------------------------------------------------------------------

    def apply_zoom(self, choice) -> None:
        page = self.current()
        if choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(choice)
        self.zoom.setCurrentIndex(max(0, self.zoom.findData(choice)))
        self.zoom_out.setEnabled(self.document.pageCount() > 0 and choice != ZOOMS[0])
        self.zoom_in.setEnabled(self.document.pageCount() > 0 and choice != ZOOMS[-1])
        if self.document.pageCount():  # the same page, once laid out at the new zoom
            QTimer.singleShot(0, lambda: self.go_to(page))

    def zoom_by(self, steps: int) -> None:
        """The next zoom factor up or down from what is shown now."""
        shown = self.view.zoomFactor()
        if steps > 0:
            larger = [factor for factor in ZOOMS if factor > shown + 0.01]
            self.apply_zoom(larger[0] if larger else ZOOMS[-1])
        else:
            smaller = [factor for factor in ZOOMS if factor < shown - 0.01]
            self.apply_zoom(smaller[-1] if smaller else ZOOMS[0])
