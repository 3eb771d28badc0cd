"""A small panel of attached files: attach, open with the system's viewer, save a copy,
move to the trash. Used on a question card and, for the whole assessment, in a dialog."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.attachment_names import has_bidi_controls, looks_executable, outgoing_name
from evalir_desktop.domain.annexes import ATTACHMENT_KIND_LABELS, AttachmentRecord
from evalir_desktop.domain.attachment_rules import (
    MAX_FILE_BYTES,
    MAX_TOTAL_BYTES,
    is_executable,
    needs_warning,
    size_label,
)
from evalir_desktop.french import french_date
from evalir_desktop.store import Store, StoreError
from evalir_desktop.ui.widgets.save_target import checked_target

LIMITS = (
    "Jusqu'à {file} par fichier et {total} en tout. Les programmes (.exe, .bat, .js…) "
    "ne peuvent pas être joints. Un document plus lourd reste sur le disque partagé\u202f: "
    "notez où il se trouve dans le commentaire."
)


def item_text(record: AttachmentRecord, where: str = "") -> str:
    day = french_date(datetime.fromisoformat(record.added_at).astimezone().date())
    parts = [record.name, record.kind_label, size_label(record.size), f"ajouté le {day}"]
    if record.who:
        parts[-1] += f" par {record.who}"
    if where:
        parts.insert(1, where)
    return " · ".join(parts)


def may_open(name: str, copy: Path | None = None) -> bool:
    """Never hand a program to the system: not by its real extension, not by a name
    carrying bidi controls, not by the first bytes of the copy about to be opened."""
    if is_executable(name) or has_bidi_controls(name):
        return False
    if copy is None:
        return True
    try:
        with open(copy, "rb") as handle:
            return not looks_executable(handle.read(8))
    except OSError:
        return False


class AttachmentsPanel(QWidget):
    """The attachments of one question (`question_id`) or, with `question_id=None`, of
    the whole assessment (its questions' included, each saying where it is attached).
    Emits `changed` after a file is attached or moved to the trash."""

    changed = Signal()

    def __init__(
        self, store: Store, assessment_id: str, question_id: str | None, label, parent=None
    ):
        super().__init__(parent)
        self.store = store
        self.assessment_id = assessment_id
        self.question_id = question_id
        self.label = label  # question id -> its label (for the whole assessment)
        self.list = QListWidget()
        self.list.setAccessibleName(
            self.tr("Pièces jointes de la question") if question_id else self.tr("Pièces jointes")
        )
        lines = self.fontMetrics().lineSpacing()
        self.list.setMinimumHeight(lines * 3 + 12)
        if question_id is not None:  # on a question card: a few lines, the card stays short
            self.list.setMaximumHeight(lines * 4 + 12)
        self.list.setTextElideMode(Qt.ElideMiddle)
        self.list.itemActivated.connect(lambda *_: self.open_selected())
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Type du document à joindre"))
        for code, text in ATTACHMENT_KIND_LABELS.items():
            self.kind.addItem(text, code)
        self.kind.setCurrentIndex(self.kind.findData("autre"))
        self.add_button = QPushButton(self.tr("&Joindre un fichier…"))
        self.add_button.clicked.connect(self.attach)
        self.open_button = QPushButton(self.tr("&Ouvrir"))
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(self.tr("Enregistrer &sous…"))
        self.save_button.clicked.connect(self.save_selected)
        self.trash_button = QPushButton(self.tr("Mettre à la &corbeille"))
        self.trash_button.clicked.connect(self.trash_selected)
        for button, what in (
            (self.open_button, self.tr("Ouvrir la pièce jointe choisie")),
            (self.save_button, self.tr("Enregistrer une copie de la pièce jointe choisie")),
            (self.trash_button, self.tr("Mettre la pièce jointe choisie à la corbeille")),
        ):
            button.setAccessibleName(what)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.PlainText)
        self.message.setAccessibleName(self.tr("Message sur les pièces jointes"))
        limits = QLabel(
            self.tr(LIMITS).format(
                file=size_label(MAX_FILE_BYTES), total=size_label(MAX_TOTAL_BYTES)
            )
        )
        limits.setWordWrap(True)
        limits.setStyleSheet("color: #555;")
        self.add_button.setToolTip(limits.text())
        limits.setVisible(question_id is None)  # on a question card: the tooltip says it
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(16)
        kind_label = QLabel(self.tr("&Type\u202f:"))
        kind_label.setBuddy(self.kind)
        adding = QHBoxLayout()
        adding.addWidget(kind_label)
        adding.addWidget(self.kind, 1)
        adding.addWidget(self.add_button)
        chosen = QHBoxLayout()
        for button in (self.open_button, self.save_button, self.trash_button):
            chosen.addWidget(button)
        chosen.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(adding)
        layout.addLayout(chosen)
        layout.addWidget(self.message)
        layout.addWidget(limits)
        self.list.currentRowChanged.connect(lambda *_: self.update_buttons())
        self.refresh()

    def tab_chain(self) -> list[QWidget]:
        """The panel's widgets in reading order."""
        return [
            self.list,
            self.kind,
            self.add_button,
            self.open_button,
            self.save_button,
            self.trash_button,
        ]

    # -- list ------------------------------------------------------------------------

    def records(self) -> list[AttachmentRecord]:
        records = self.store.attachments.of(self.assessment_id)
        if self.question_id is None:
            return records
        return [record for record in records if record.question_id == self.question_id]

    def refresh(self) -> None:
        self.list.clear()
        for record in self.records():
            where = ""
            if self.question_id is None:
                where = (
                    self.tr("question «\u202f%s\u202f»") % self.label(record.question_id)
                    if record.question_id
                    else self.tr("toute l'évaluation")
                )
            item = QListWidgetItem(item_text(record, where))
            item.setData(Qt.UserRole, record.id)
            item.setToolTip(record.comment or record.name)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.update_buttons()

    def update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        writable = not self.store.readonly
        self.add_button.setEnabled(writable)
        self.kind.setEnabled(writable)
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.trash_button.setEnabled(chosen and writable)

    def selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    # -- actions ---------------------------------------------------------------------

    def attach(self) -> None:
        documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Joindre un fichier"), documents)
        self.attach_files([Path(name) for name in names])

    def attach_files(self, paths: list[Path]) -> None:
        """Attach each file; a refused one says why, and the others are still attached."""
        problems = []
        for path in paths:
            try:
                self.store.attachments.add(
                    self.assessment_id,
                    path,
                    question_id=self.question_id or "",
                    kind=self.kind.currentData(),
                )
            except StoreError as error:
                problems.append(str(error))
        self.message.setText("\n".join(problems))
        self.message.setStyleSheet("color: #9b1c1c;" if problems else "")
        self.refresh()
        if len(problems) < len(paths):
            self.changed.emit()

    def open_selected(self) -> None:
        """Open a copy with the system's viewer; documents that can run macros only
        after a warning, programs never."""
        attachment_id = self.selected()
        if attachment_id is None:
            return
        record = self.store.attachments.get(attachment_id)
        if not may_open(record.name):
            self.message.setText(self.tr("Ce type de fichier ne s'ouvre pas depuis EVALIR."))
            return
        if needs_warning(record.name) and not self.confirm_active(record.name):
            return
        try:
            path = self.store.attachments.copy_out(attachment_id)
        except StoreError as error:
            self.message.setText(str(error))
            return
        if not may_open(path.name, path):  # the copy itself, as the system will see it
            self.message.setText(self.tr("Ce type de fichier ne s'ouvre pas depuis EVALIR."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr(
                "«\u202f%s\u202f» s'ouvre dans une copie en lecture seule\u202f: une "
                "modification faite dans cette copie n'est pas enregistrée dans EVALIR."
            )
            % record.name
        )

    def confirm_active(self, name: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Ouvrir une pièce jointe"),
            self.tr(
                "«\u202f%s\u202f» est un document qui peut contenir des macros ou des scripts. "
                "Ne l'ouvrez que si vous savez d'où il vient\u202f; n'activez pas les macros si "
                "le logiciel le propose. Ouvrir quand même\u202f?"
            )
            % name,
            QMessageBox.Open | QMessageBox.Cancel,
            QMessageBox.Cancel,
        )
        return answer == QMessageBox.Open

    def save_selected(self) -> None:
        attachment_id = self.selected()
        if attachment_id is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Enregistrer une copie dans le dossier"),
            QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation),
        )
        if not folder:
            return
        name = outgoing_name(self.store.attachments.get(attachment_id).name)
        if checked_target(self, Path(folder) / name, sources=[self.store.path]) is None:
            return
        try:
            path = self.store.attachments.copy_out(attachment_id, Path(folder))
        except StoreError as error:
            self.message.setText(str(error))
            return
        self.message.setText(self.tr("Copie enregistrée\u202f: %s") % path)

    def trash_selected(self) -> None:
        attachment_id = self.selected()
        if attachment_id is None:
            return
        try:
            self.store.attachments.trash(attachment_id)
        except StoreError as error:
            self.message.setText(str(error))
            return
        self.message.setText(
            self.tr("Pièce jointe mise à la corbeille\u202f: elle peut y être restaurée.")
        )
        self.refresh()
        self.changed.emit()


class AttachmentsDialog(QDialog):
    """The attachments of the whole assessment (« Pièces jointes du dossier »)."""

    def __init__(self, store: Store, assessment_id: str, label, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pièces jointes de l'évaluation"))
        self.resize(760, 420)
        intro = QLabel(
            self.tr(
                "Contrat, devis, analyse d'impact, documentation du fournisseur, "
                "délibération\u202f: les documents joints sont enregistrés dans le fichier "
                ".evalir et listés en annexe du rapport. Ceux des questions sont aussi "
                "listés ici."
            )
        )
        intro.setWordWrap(True)
        self.panel = AttachmentsPanel(store, assessment_id, None, label, self)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
