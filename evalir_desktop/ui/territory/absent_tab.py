"""The « Absentes des derniers fichiers » tab: assessments a town no longer sends, which the
officer may remove from the territory after confirming (the removal is journalled)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from evalir_desktop.store import StoreError
from evalir_desktop.territory.importing import open_territory
from evalir_desktop.territory.view_models import AbsentRow, TerritoryView
from evalir_desktop.ui.territory import tables

COLUMNS = [
    QT_TRANSLATE_NOOP("TerritoryTables", "Commune"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Projet"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Absente du fichier"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Reçu le"),
]


class AbsentTab(QWidget):
    """Adds itself to the window's tabs, shown while absent assessments remain."""

    removed = Signal(str)  # the title of the assessment removed

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.rows: list[AbsentRow] = []
        intro = QLabel(
            self.tr(
                "Ces évaluations figurent dans le territoire, mais pas dans le dernier fichier "
                "envoyé par leur commune\u202f: la commune ne les a peut-être pas partagées, ou "
                "les a mises à la corbeille. Vous pouvez les retirer du territoire\u202f; si la "
                "commune les renvoie modifiées (ou restaurées), elles reviendront."
            )
        )
        intro.setWordWrap(True)
        self.table, self.model = tables.table(self.tr("Évaluations absentes des derniers fichiers"))
        self.remove_button = QPushButton(self.tr("&Retirer du territoire…"))
        self.remove_button.clicked.connect(self.ask_remove)
        self.message = QLabel()
        self.message.setTextFormat(Qt.PlainText)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignLeft)
        layout.addWidget(self.message)
        self.index = window.tabs.addTab(self, "")
        self.fill_rows([])

    def fill(self, view: TerritoryView) -> None:
        self.fill_rows(view.absent)

    def fill_rows(self, rows: list[AbsentRow]) -> None:
        self.rows = list(rows)
        tables.fill(
            self.model,
            COLUMNS,
            [[row.commune, row.title, row.file_name, row.since] for row in self.rows],
            keys=[row.assessment_id for row in self.rows],
        )
        tables.fit_columns(self.table)
        tabs = self.window_.tabs
        tabs.setTabText(self.index, self.tr("Absentes des derniers fichiers (%d)") % len(rows))
        tabs.setTabVisible(self.index, bool(rows) or bool(self.message.text()))
        self.remove_button.setEnabled(bool(rows))

    def selected(self) -> AbsentRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        key = self.model.item(index.row(), 0).data(Qt.UserRole)
        return next((row for row in self.rows if row.assessment_id == key), None)

    def ask_remove(self) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(self.tr("Choisissez d'abord une évaluation dans la liste."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retirer du territoire"),
            self.tr(
                "L'évaluation « %s » de %s ne figure plus dans le fichier « %s » reçu le %s.\n\n"
                "La retirer du territoire\u202f? Elle ne sera plus comptée dans les vues ni dans "
                "le rapport\u202f; le retrait est noté dans l'historique du fichier de "
                "territoire. Si la commune la renvoie modifiée, elle reviendra."
            )
            % (row.title, row.commune, row.file_name, row.since),
        )
        if answer == QMessageBox.Yes:
            self.remove(row)

    def remove(self, row: AbsentRow) -> bool:
        if self.window_.busy:
            self.message.setText(
                self.tr("Un import est en cours\u202f: attendez qu'il se termine.")
            )
            return False
        try:
            with open_territory(self.window_.path) as store:
                store.absences.set_aside(row.assessment_id)
        except StoreError as error:
            self.message.setText(str(error))
            return False
        self.message.setText(
            self.tr("« %s » (%s) a été retirée du territoire.") % (row.title, row.commune)
        )
        self.removed.emit(row.title)
        return True
