"""The « Corbeille »: deleted assessments, restored one by one or removed for good."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from evalir_desktop.session.titles import display_title
from evalir_desktop.store import Store, StoreError
from evalir_desktop.ui.widgets.screen_fit import fit_to_screen


class TrashDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Corbeille"))
        fit_to_screen(self, 560, 380)
        intro = QLabel(
            self.tr(
                "Les évaluations et les pièces jointes supprimées restent ici jusqu'à ce "
                "que vous vidiez la corbeille. Vous pouvez les restaurer."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Évaluations et pièces jointes dans la corbeille"))
        self.restore_button = QPushButton(self.tr("&Restaurer"))
        self.restore_button.clicked.connect(self.restore)
        self.empty_button = QPushButton(self.tr("&Vider la corbeille…"))
        self.empty_button.clicked.connect(self.empty)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.empty_button)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        records = self.store.assessments.trash()
        for record in records:
            item = QListWidgetItem(display_title(record))
            item.setData(Qt.UserRole, ("assessment", record.id))
            self.list.addItem(item)
        attachments = self.store.attachments.trashed()
        for attachment in attachments:
            project = self.store.assessments.get(attachment.assessment_id).title
            item = QListWidgetItem(
                self.tr("Pièce jointe «\u202f%s\u202f» (%s)") % (attachment.name, project)
            )
            item.setData(Qt.UserRole, ("attachment", attachment.id))
            self.list.addItem(item)
        records = [*records, *attachments]
        if records:
            self.list.setCurrentRow(0)
        writable = not self.store.readonly
        self.restore_button.setEnabled(bool(records) and writable)
        self.empty_button.setEnabled(bool(records) and writable)

    def restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        kind, item_id = item.data(Qt.UserRole)
        try:
            if kind == "attachment":
                self.store.attachments.restore(item_id)
            else:
                self.store.assessments.restore(item_id)
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Corbeille"), str(error))
        self.refresh()

    def empty(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Vider la corbeille"),
            self.tr(
                "Tout ce que contient la corbeille (%s) sera effacé définitivement. Continuer ?"
            )
            % self.list.count(),
        )
        if answer == QMessageBox.Yes:
            self.store.assessments.empty_trash()
            self.refresh()
