"""The list of keyboard shortcuts, shown from the Aide menu."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from evalir_desktop.ui.widgets.screen_fit import fit_to_screen

CONTEXT = "Shortcuts"
SHORTCUTS = [
    ("F1", QT_TRANSLATE_NOOP("Shortcuts", "Ouvrir le guide d'utilisation")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "Créer un nouveau fichier EVALIR")),
    ("Ctrl+O", QT_TRANSLATE_NOOP("Shortcuts", "Ouvrir un fichier EVALIR")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("Shortcuts", "Rapport complet : aperçu et impression")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quitter le programme")),
    ("Ctrl+Page suivante", QT_TRANSLATE_NOOP("Shortcuts", "Étape suivante de l'évaluation")),
    ("Ctrl+Page précédente", QT_TRANSLATE_NOOP("Shortcuts", "Étape précédente de l'évaluation")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("Shortcuts", "Annuler la dernière modification d'une réponse")),
    ("Ctrl+Y", QT_TRANSLATE_NOOP("Shortcuts", "Rétablir la modification annulée")),
    ("Tab, Maj+Tab", QT_TRANSLATE_NOOP("Shortcuts", "Passer au champ suivant ou précédent")),
    ("Espace", QT_TRANSLATE_NOOP("Shortcuts", "Cocher une case, appuyer sur le bouton choisi")),
    ("Flèches", QT_TRANSLATE_NOOP("Shortcuts", "Changer de choix dans une liste d'options")),
    ("Alt+lettre", QT_TRANSLATE_NOOP("Shortcuts", "Bouton ou menu dont la lettre est soulignée")),
]


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        intro = QLabel(self.tr("Tout le programme s'utilise au clavier. Raccourcis utiles :"))
        intro.setWordWrap(True)
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setAccessibleName(self.tr("Raccourcis clavier"))
        table.setHorizontalHeaderLabels([self.tr("Touches"), self.tr("Effet")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setWordWrap(True)
        for row, (keys, effect) in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(QCoreApplication.translate(CONTEXT, effect)))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 520)
