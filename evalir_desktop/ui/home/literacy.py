"""« Formation à l'IA »: the town's record of who was trained on what and when, as the
AI Act (Art. 4, an obligation of means) asks of every town that uses an AI tool."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from evalir_desktop.domain.annexes import AUDIENCE_LABELS, TrainingRecord
from evalir_desktop.french import french_date
from evalir_desktop.session.literacy import summary_text
from evalir_desktop.store import Store, StoreError

INTRO = (
    "Le règlement européen sur l'IA (article 4) demande à la commune de former les agents "
    "et les élus qui utilisent un outil d'IA, et d'en garder une trace simple\u202f: qui a été "
    "formé, à quoi, et quand. Notez ici chaque formation, atelier ou sensibilisation\u202f; "
    "la liste figure dans le rapport, et le nombre de personnes formées est transmis à "
    "l'intercommunalité avec le fichier."
)
COLUMNS = ("Formation", "Date", "Public", "Personnes", "Qui")


class LiteracyDialog(QDialog):
    """The list of trainings, with add, change and remove."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Formation à l'IA des agents et des élus"))
        self.resize(780, 440)
        intro = QLabel(self.tr(INTRO))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Formations à l'IA enregistrées"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        self.summary = QLabel()
        self.add_button = QPushButton(self.tr("&Ajouter une formation…"))
        self.add_button.clicked.connect(lambda: self.edit(new=True))
        self.edit_button = QPushButton(self.tr("&Modifier…"))
        self.edit_button.clicked.connect(lambda: self.edit())
        self.delete_button = QPushButton(self.tr("&Supprimer"))
        self.delete_button.clicked.connect(self.delete)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.trainings: list[TrainingRecord] = []
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.trainings = self.store.trainings.of() if self.store.town.commune_id() else []
        self.table.setRowCount(len(self.trainings))
        for row, training in enumerate(self.trainings):
            held = french_date(training.held_on) if training.held_on else self.tr("non précisée")
            cells = (
                training.title,
                held,
                training.audience_label,
                str(training.people),
                training.participants,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(training.notes or text)
                self.table.setItem(row, column, item)
        self.summary.setText(summary_text(self.trainings).capitalize() + ".")
        if self.trainings:
            self.table.selectRow(0)
        self.update_buttons()

    def update_buttons(self) -> None:
        writable = not self.store.readonly and self.store.town.commune_id() is not None
        chosen = self.current() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and chosen)
        self.delete_button.setEnabled(writable and chosen)

    def current(self) -> TrainingRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.trainings[rows[0].row()] if rows else None

    def edit(self, new: bool = False) -> None:
        training = None if new else self.current()
        if not new and training is None:
            return
        dialog = TrainingDialog(self.store, training, self)
        if dialog.exec() == QDialog.Accepted:
            self.refresh()

    def delete(self) -> None:
        training = self.current()
        if training is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer une formation"),
            self.tr("Supprimer la formation «\u202f%s\u202f» de la liste\u202f?") % training.title,
        )
        if answer == QMessageBox.Yes:
            try:
                self.store.trainings.delete(training)
            except StoreError as error:
                QMessageBox.warning(self, self.tr("Formation"), str(error))
            self.refresh()


class TrainingDialog(QDialog):
    """One training: its name, date, audience, number of people, who, remarks."""

    def __init__(self, store: Store, training: TrainingRecord | None, parent=None):
        super().__init__(parent)
        self.store = store
        self.training = training
        self.setWindowTitle(self.tr("Formation à l'IA"))
        self.title = QLineEdit(training.title if training else "")
        self.title.setMaxLength(300)
        self.title.setPlaceholderText(
            self.tr("Par exemple\u202f: sensibilisation à l'IA générative")
        )
        self.audience = QComboBox()
        for code, label in AUDIENCE_LABELS.items():
            self.audience.addItem(label, code)
        if training:
            self.audience.setCurrentIndex(self.audience.findData(training.audience))
        held = training.held_on if training and training.held_on else date.today()
        self.day = QDateEdit(QDate(held.year, held.month, held.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.no_day = QCheckBox(self.tr("Date inconnue"))
        self.no_day.setChecked(bool(training) and training.held_on is None)
        self.no_day.toggled.connect(lambda checked: self.day.setEnabled(not checked))
        self.day.setEnabled(not self.no_day.isChecked())
        day_row = QHBoxLayout()
        day_row.addWidget(self.day)
        day_row.addWidget(self.no_day)
        day_row.addStretch(1)
        self.people = QSpinBox()
        self.people.setRange(0, 100_000)
        self.people.setValue(training.people if training else 1)
        self.participants = QPlainTextEdit(training.participants if training else "")
        self.participants.setTabChangesFocus(True)
        self.participants.setPlaceholderText(self.tr("Noms ou services des personnes formées"))
        self.notes = QPlainTextEdit(training.notes if training else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Organisme, durée, support remis…"))
        for widget, name in (
            (self.title, "Intitulé de la formation"),
            (self.audience, "Public formé"),
            (self.day, "Date de la formation"),
            (self.people, "Nombre de personnes formées"),
            (self.participants, "Personnes formées"),
            (self.notes, "Remarques"),
        ):
            widget.setAccessibleName(self.tr(name))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setStyleSheet("color: #9b1c1c;")
        form = QFormLayout()
        form.addRow(self.tr("&Intitulé"), self.title)
        form.addRow(self.tr("&Public"), self.audience)
        form.addRow(self.tr("&Date"), day_row)
        form.addRow(self.tr("&Nombre de personnes"), self.people)
        form.addRow(self.tr("&Qui"), self.participants)
        form.addRow(self.tr("&Remarques"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> None:
        title = self.title.text().strip()
        if not title:
            self.problem.setText(self.tr("Donnez l'intitulé de la formation."))
            self.title.setFocus()
            return
        try:
            self.store.trainings.save(
                TrainingRecord(
                    id=self.training.id if self.training else "",
                    title=title,
                    audience=self.audience.currentData(),
                    held_on=None if self.no_day.isChecked() else self.day.date().toPython(),
                    people=self.people.value(),
                    participants=self.participants.toPlainText().strip(),
                    notes=self.notes.toPlainText().strip(),
                )
            )
        except (StoreError, ValueError) as error:
            self.problem.setText(str(error))
            return
        self.accept()
