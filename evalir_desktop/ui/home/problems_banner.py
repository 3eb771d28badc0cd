"""The banner telling the agent that rows of the file were set aside on opening, with
their French reasons behind « Détails… » (`Store.problems`)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

ADVICE = (
    "Le reste du fichier s'affiche et fonctionne normalement, et rien n'a été modifié. "
    "Si ce fichier vient d'ailleurs (courriel, clé USB), demandez à l'expéditeur de vous le "
    "renvoyer depuis EVALIR ; sinon, transmettez-le au support avec ces raisons."
)


class ProblemsBanner(QWidget):
    """Hidden while nothing was set aside; `refresh()` after each read of rows."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.shown = 0
        self.setObjectName("problems_banner")
        self.setStyleSheet("#problems_banner { background: #fde2e1; }")
        self.label = QLabel()
        self.label.setTextFormat(Qt.PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #6b0f0a; padding: 6px;")
        self.details_button = QPushButton(self.tr("&Détails…"))
        self.details_button.setAccessibleName(self.tr("Détails des données écartées"))
        self.details_button.clicked.connect(self.show_details)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.details_button)
        self.setVisible(False)
        self.refresh()

    def refresh(self) -> None:
        count = len(self.store.problems)
        if count == self.shown:
            return
        self.shown = count
        self.setVisible(count > 0)
        text = (
            self.tr("Un élément de ce fichier a été écarté : une valeur n'y est pas valide.")
            if count == 1
            else self.tr(
                "%d éléments de ce fichier ont été écartés : une valeur n'y est pas valide."
            )
            % count
        )
        self.label.setText(text + " " + self.tr("Le reste s'affiche normalement."))
        self.label.setAccessibleName(self.label.text())

    def show_details(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Warning)
        box.setWindowTitle(self.tr("Données écartées"))
        box.setTextFormat(Qt.PlainText)
        box.setText("\n".join(f"• {reason}" for reason in self.store.problems))
        box.setInformativeText(self.tr(ADVICE))
        box.exec()
