"""« Envoyer à l'intercommunalité »: write the share copy, then show it in its folder."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from evalir_desktop.store import Store, StoreError
from evalir_desktop.territory.share import share

ANONYMISE_HELP = (
    "Retire les noms du contact de la mairie, des agents qui ont répondu, des personnes "
    "qui ont validé et des responsables d'actions, ainsi que l'historique des "
    "modifications. Les textes libres (commentaires, descriptions) sont envoyés tels "
    "quels : relisez-les s'ils citent des personnes."
)


class ShareDialog(QDialog):
    """Choose the assessments and the folder, remove names if asked, write the copy."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Envoyer à l'intercommunalité"))
        intro = QLabel(
            self.tr(
                "EVALIR prépare une copie du fichier à envoyer à l'intercommunalité "
                "(par courriel ou clé USB). Le fichier de la commune n'est pas modifié."
            )
        )
        intro.setWordWrap(True)
        self.assessment_list = QListWidget()
        self.assessment_list.setAccessibleName(self.tr("Évaluations à envoyer"))
        for record in store.assessments():
            item = QListWidgetItem(record.title)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            item.setData(Qt.UserRole, record.id)
            self.assessment_list.addItem(item)
        self.anonymise = QCheckBox(self.tr("&Retirer les noms des personnes"))
        self.anonymise.setToolTip(self.tr(ANONYMISE_HELP))
        anonymise_help = QLabel(self.tr(ANONYMISE_HELP))
        anonymise_help.setWordWrap(True)
        documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        self.folder_edit = QLineEdit(documents)
        self.folder_edit.setAccessibleName(self.tr("Dossier où écrire la copie"))
        choose = QPushButton(self.tr("&Choisir…"))
        choose.clicked.connect(self.ask_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.write_button = QPushButton(self.tr("&Préparer la copie"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.show_button = QPushButton(self.tr("&Montrer dans le dossier"))
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(self.show_in_folder)
        close = QPushButton(self.tr("&Fermer"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Évaluations à envoyer :")))
        layout.addWidget(self.assessment_list, 1)
        layout.addWidget(self.anonymise)
        layout.addWidget(anonymise_help)
        layout.addWidget(QLabel(self.tr("Dossier :")))
        layout.addLayout(folder_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def chosen_ids(self) -> list[str]:
        items = (self.assessment_list.item(i) for i in range(self.assessment_list.count()))
        return [item.data(Qt.UserRole) for item in items if item.checkState() == Qt.Checked]

    def ask_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Dossier"), self.folder_edit.text())
        if name:
            self.folder_edit.setText(name)

    def write(self) -> None:
        chosen = self.chosen_ids()
        if self.assessment_list.count() and not chosen:
            self.message.setText(self.tr("Cochez au moins une évaluation à envoyer."))
            return
        folder = Path(self.folder_edit.text().strip())
        if not folder.is_dir():
            self.message.setText(
                self.tr("Ce dossier n'existe pas : choisissez un dossier existant.")
            )
            return
        try:
            result = share(
                self.store, folder, anonymise=self.anonymise.isChecked(), assessment_ids=chosen
            )
        except StoreError as error:
            self.message.setText(str(error))
            return
        self.written = result.path
        self.message.setText(
            self.tr("Copie prête : %s\nJoignez ce fichier à un courriel ou copiez-le sur une clé.")
            % result.path
        )
        self.show_button.setEnabled(True)

    def show_in_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))
