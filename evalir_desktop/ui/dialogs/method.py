"""Aide › Méthode d'évaluation: the published method saved as a PDF, then opened to print."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices

from evalir_desktop.output_guard import OutputRefused, write_output
from evalir_desktop.report.method import method_pdf
from evalir_desktop.store.errors import describe
from evalir_desktop.ui.widgets.save_target import ask_save_target, refuse

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
    store = getattr(window, "store", None)
    sources = [store.path] if store is not None else []
    target = ask_save_target(
        window,
        window.tr("Méthode d'évaluation"),
        str(default_folder(window) / FILE_NAME),
        window.tr("Document PDF (*.pdf)"),
        ".pdf",
        sources=sources,
    )
    if target is None:
        return None
    path = target.path
    try:
        write_output(path, method_pdf(content), sources=sources, replace=target.replace)
    except OutputRefused as error:
        refuse(window, error)
        return None
    except OSError as error:
        window.warn(window.tr("Impossible d'enregistrer « %s » (%s).") % (path, describe(error)))
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
