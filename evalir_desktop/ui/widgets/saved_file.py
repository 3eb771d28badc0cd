"""After a file is written: say where, and offer to open it or the folder that holds it."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("SavedFile", text)


def offer_to_open(parent: QWidget, path: Path) -> QMessageBox:
    """A non-blocking message: « Ouvrir le fichier », « Ouvrir le dossier », « Fermer »."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Information)
    box.setWindowTitle(tr("Fichier enregistré"))
    box.setText(tr("Le fichier est enregistré :\n%s") % path)
    open_file = box.addButton(tr("Ouvrir le &fichier"), QMessageBox.AcceptRole)
    open_folder = box.addButton(tr("Ouvrir le &dossier"), QMessageBox.ActionRole)
    box.addButton(QMessageBox.Close)
    box.setDefaultButton(open_file)

    def clicked(button) -> None:
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(clicked)
    box.open()
    return box
