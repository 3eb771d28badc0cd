"""The « Formation à l'IA » tab: each town's record of who was trained (AI Act Art. 4)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from evalir_desktop.french import french_date
from evalir_desktop.territory.view_models import TerritoryView
from evalir_desktop.ui.territory import tables

COLUMNS = [
    QT_TRANSLATE_NOOP("TerritoryTables", "Commune"),
    QT_TRANSLATE_NOOP("TerritoryTables", "INSEE"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Formations"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Personnes formées"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Dernière formation"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Agents formés"),
    QT_TRANSLATE_NOOP("TerritoryTables", "Élus formés"),
]


def yes_no(value: bool) -> str:
    return "oui" if value else "non"


class LiteracyTab(QWidget):
    """How many trainings each town recorded, and how many people they reached."""

    def __init__(self, parent=None):
        super().__init__(parent)
        intro = QLabel(
            self.tr(
                "Le règlement européen sur l'IA (article 4) demande à chaque commune qui "
                "utilise un outil d'IA de former les agents et les élus concernés et d'en "
                "garder une trace. Ce tableau compte les formations que chaque commune a "
                "inscrites dans EVALIR\u202f: une commune sans formation peut être invitée à une "
                "session organisée par l'intercommunalité."
            )
        )
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.table, self.model = tables.table(self.tr("Formation à l'IA, commune par commune"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def fill(self, view: TerritoryView) -> None:
        literacy = view.literacy
        self.summary.setText(literacy.summary())
        tables.fill(
            self.model,
            COLUMNS,
            [
                [
                    town.nom,
                    town.insee,
                    town.trainings,
                    town.people,
                    french_date(town.latest) if town.latest else "—",
                    yes_no(town.agents),
                    yes_no(town.elus),
                ]
                for town in literacy.towns
            ],
        )
        tables.fit_columns(self.table)
