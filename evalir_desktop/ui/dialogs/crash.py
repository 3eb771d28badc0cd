"""Log unexpected errors and show them in a French dialog with copyable details."""

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("evalir")
_showing = False


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


def show_crash_dialog(details: str) -> None:
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(tr("Erreur inattendue"))
    box.setText(
        tr(
            "Une erreur inattendue s'est produite. Vos réponses déjà enregistrées sont "
            "conservées dans le fichier.\n\nSi le problème se répète, copiez le détail "
            "ci-dessous et transmettez-le à la personne qui vous accompagne."
        )
    )
    box.setDetailedText(details)
    box.setTextInteractionFlags(box.textInteractionFlags())
    box.exec()


def handle_exception(kind, value, tb) -> None:
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("Unexpected error:\n%s", details)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        show_crash_dialog(details)
    finally:
        _showing = False


QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def route_qt_message(kind, _context, message: str) -> None:
    """Send Qt's own messages to our log file rather than to the agent's console."""
    logging.getLogger("qt").log(QT_LEVELS.get(kind, logging.WARNING), message)


def install_crash_handler() -> None:
    sys.excepthook = handle_exception
    qInstallMessageHandler(route_qt_message)
