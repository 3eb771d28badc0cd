"""« Envoyer à l'intercommunalité »: prepare the copy, show what it holds, then write it."""

from contextlib import ExitStack
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
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from evalir_desktop.domain.attachment_rules import size_label
from evalir_desktop.french import first_upper
from evalir_desktop.output_guard import OutputRefused, check_output
from evalir_desktop.sharing.pipeline import PreparedShare, plan_share, prepare
from evalir_desktop.sharing.texts import preview_lines
from evalir_desktop.store import Store, StoreError
from evalir_desktop.ui.widgets.screen_fit import fit_to_screen

ATTACHMENTS_HELP = (
    "Les documents joints (contrat, devis, analyse d'impact…) ne sont envoyés que si vous "
    "cochez cette case. Leur contenu n'est pas anonymisé\u202f: vérifiez qu'ils ne nomment "
    "personne avant de les envoyer."
)
ANONYMISE_HELP = (
    "Retire les noms du contact de la mairie, des agents qui ont répondu, des personnes "
    "qui ont validé et des responsables d'actions, ainsi que l'historique des "
    "modifications ; dans les textes libres (commentaires, descriptions, actions, "
    "décision), ces noms, les courriels et les numéros de téléphone sont remplacés. "
    "Relisez les textes listés avant l'envoi : ils peuvent citer d'autres personnes."
)


class ShareDialog(QDialog):
    """Choose the assessments and the folder, remove names if asked, prepare the copy
    privately and show what it holds, then write it where asked."""

    def __init__(self, store: Store, parent=None, content=None):
        super().__init__(parent)
        self.store = store
        self.content = content
        self.written: Path | None = None
        self.built: PreparedShare | None = None
        self.stack = ExitStack()  # holds the private folder of the prepared copy
        self.setWindowTitle(self.tr("Envoyer à l'intercommunalité"))
        intro = QLabel(
            self.tr(
                "EVALIR prépare une copie du fichier à envoyer à l'intercommunalité "
                "(par courriel ou clé USB) et vous montre ce qu'elle contient avant de "
                "l'enregistrer. Le fichier de la commune n'est pas modifié."
            )
        )
        intro.setWordWrap(True)
        self.assessment_list = QListWidget()
        self.assessment_list.setAccessibleName(self.tr("Évaluations à envoyer"))
        for record in store.assessments.all():
            item = QListWidgetItem(record.title)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            item.setData(Qt.UserRole, record.id)
            self.assessment_list.addItem(item)
        self.assessment_list.itemChanged.connect(self.forget)
        self.anonymise = QCheckBox(self.tr("&Retirer les noms des personnes"))
        self.anonymise.setToolTip(self.tr(ANONYMISE_HELP))
        self.anonymise.toggled.connect(self.forget)
        anonymise_help = QLabel(self.tr(ANONYMISE_HELP))
        anonymise_help.setWordWrap(True)
        total = store.attachments.total()
        # never ticked by default: a contract or a DPIA can name people and cannot be
        # anonymised; the agent decides for each copy
        self.attachments = QCheckBox(
            self.tr("Joindre aussi les &pièces jointes (%s en tout)") % size_label(total)
        )
        self.attachments.setToolTip(self.tr(ATTACHMENTS_HELP))
        self.attachments.setVisible(total > 0)
        self.attachments.toggled.connect(self.forget)
        documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        self.folder_edit = QLineEdit(documents)
        self.folder_edit.setAccessibleName(self.tr("Dossier où écrire la copie"))
        self.folder_edit.textChanged.connect(self.forget)
        choose = QPushButton(self.tr("&Choisir…"))
        choose.clicked.connect(self.ask_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        self.preview = QPlainTextEdit()  # plain text: what the file holds is never rendered
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Contenu de la copie"))
        self.preview.setPlaceholderText(
            self.tr("Préparez la copie pour voir ce qu'elle contient avant de l'enregistrer.")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.PlainText)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.preview_button = QPushButton(self.tr("&Préparer la copie"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.prepare)
        self.write_button = QPushButton(self.tr("&Enregistrer la copie"))
        self.write_button.setEnabled(False)
        self.write_button.clicked.connect(self.write)
        self.show_button = QPushButton(self.tr("&Montrer dans le dossier"))
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(self.show_in_folder)
        close = QPushButton(self.tr("&Fermer"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.write_button, self.show_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Évaluations à envoyer :")))
        layout.addWidget(self.assessment_list, 1)
        layout.addWidget(self.anonymise)
        layout.addWidget(anonymise_help)
        layout.addWidget(self.attachments)
        layout.addWidget(QLabel(self.tr("Dossier :")))
        layout.addLayout(folder_row)
        layout.addWidget(QLabel(self.tr("Ce que la copie contient :")))
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 760, 680)  # wide enough for the help to wrap on few lines
        self.finished.connect(lambda _result: self.discard())

    def chosen_ids(self) -> list[str]:
        items = (self.assessment_list.item(i) for i in range(self.assessment_list.count()))
        return [item.data(Qt.UserRole) for item in items if item.checkState() == Qt.Checked]

    def ask_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Dossier"), self.folder_edit.text())
        if name:
            self.folder_edit.setText(name)

    def discard(self) -> None:
        """Forget the prepared copy (held in memory), if any."""
        self.built = None
        self.stack.close()
        self.write_button.setEnabled(False)

    def forget(self, *_args) -> None:
        """A choice changed: the prepared copy no longer matches it."""
        if self.built is not None:
            self.discard()
            self.preview.clear()
            self.message.setText(self.tr("Vos choix ont changé : préparez de nouveau la copie."))

    def prepare(self) -> None:
        """Build the copy privately and show what it holds; nothing is written yet."""
        self.discard()
        self.preview.clear()
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
        anonymise = self.anonymise.isChecked()
        try:
            plan = plan_share(
                self.store,
                folder,
                anonymise=anonymise,
                assessment_ids=chosen,
                attachments=self.attachments.isChecked(),
            )
            self.built = self.stack.enter_context(prepare(self.store, plan))
        except (StoreError, OutputRefused) as error:
            self.message.setText(first_upper(str(error)))
            return
        self.preview.setPlainText("\n".join(preview_lines(self.built.preview, self.label)))
        self.write_button.setEnabled(True)
        self.message.setText(
            self.tr("Relisez ce que la copie contient, puis enregistrez-la dans « %s ».")
            % plan.destination.name
        )

    def label(self, question_id: str) -> str:
        question = self.content.question(question_id) if self.content is not None else None
        return question.label if question is not None else question_id

    def write(self) -> None:
        if self.built is None:
            return
        try:  # the guard again: a file may have appeared there since the preview
            check_output(self.built.destination, sources=[self.store.path], creates=".evalir")
            path = self.built.write()
        except (StoreError, OutputRefused) as error:
            self.message.setText(first_upper(str(error)))
            return
        self.discard()
        self.written = path
        self.message.setText(
            self.tr("Copie prête : %s\nJoignez ce fichier à un courriel ou copiez-le sur une clé.")
            % path
        )
        self.show_button.setEnabled(True)

    def show_in_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))
