"""The user guide window: list of pages, the page with its screenshots, printing."""

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
)

from evalir_desktop.guide import guide_folder, guide_pages, whole_guide
from evalir_desktop.ui.widgets.screen_fit import fit_to_screen


class GuideDialog(QDialog):
    """Shows the guide, opened on page `page_id` if given."""

    def __init__(self, parent=None, page_id: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Guide d'utilisation — EVALIR Desktop"))
        self.pages = guide_pages()
        self.page_list = QListWidget()
        self.page_list.setAccessibleName(self.tr("Pages du guide"))
        self.page_list.setWordWrap(True)
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        for page in self.pages:
            self.page_list.addItem(page.title)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Texte du guide"))
        self.browser.setSearchPaths([str(guide_folder())])
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        splitter = QSplitter()
        splitter.addWidget(self.page_list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 800])
        self.print_button = QPushButton(self.tr("&Imprimer le guide…"))
        self.print_button.clicked.connect(self.print_guide)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self.page_list.currentRowChanged.connect(self.show_page)
        ids = [page.id for page in self.pages]
        self.page_list.setCurrentRow(ids.index(page_id) if page_id in ids else 0)
        fit_to_screen(self, 1000, 720)

    def show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.browser.setHtml(self.pages[row].html)

    def follow(self, url) -> None:
        """Links between pages name the page file (`03_questions.html`)."""
        target = url.path().rsplit("/", 1)[-1].removesuffix(".html").split("_", 1)[-1]
        for row, page in enumerate(self.pages):
            if page.id == target:
                self.page_list.setCurrentRow(row)

    def whole_document(self) -> QTextDocument:
        """Every page in one document, its screenshots loaded from the guide folder."""
        document = QTextDocument(self)
        document.setDefaultFont(self.browser.font())
        for page in self.pages:
            for name in page.images():
                image = QImage(str(guide_folder() / name))
                document.addResource(QTextDocument.ImageResource, QUrl(name), image)
        document.setHtml(whole_guide(self.pages))
        return document

    def print_guide(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Imprimer le guide"))
        if dialog.exec() == QDialog.Accepted:
            self.whole_document().print_(printer)
