"""Aide › Méthode d'évaluation: the published method saved as a PDF, then opened to print."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from evalir_desktop.report.method import method_pdf
from evalir_desktop.store.atomic import write_atomically

FILE_NAME = "EVALIR - méthode d'évaluation.pdf"


def default_folder(window) -> Path:
    store = getattr(window, "store", None)
    if store is not None:
        return store.path.parent
    return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation))


def save_method(window) -> Path | None:
    """Ask where to save the method PDF, write it, open it in the system viewer."""
    content = window.content_or_warn()
    if content is None:
        return None
    name, _ = QFileDialog.getSaveFileName(
        window,
        window.tr("Méthode d'évaluation"),
        str(default_folder(window) / FILE_NAME),
        window.tr("Document PDF (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    try:
        write_atomically(path, method_pdf(content))
    except OSError as error:
        window.warn(window.tr("Impossible d'enregistrer « %s » (%s).") % (path, error.strerror))
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
