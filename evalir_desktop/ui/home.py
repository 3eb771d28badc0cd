"""The home screen: the town profile and the list of assessments of the open file."""

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.store import Store
from evalir_desktop.ui.commune_form import CommuneForm


class HomeView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        profile_box = QGroupBox(self.tr("Profil de la commune"))
        self.commune_form = CommuneForm(store)
        QVBoxLayout(profile_box).addWidget(self.commune_form)

        list_box = QGroupBox(self.tr("Évaluations de projets d'IA"))
        self.assessment_list = QListWidget()
        self.assessment_list.setAccessibleName(self.tr("Liste des évaluations"))
        self.new_button = QPushButton(self.tr("Nouvelle évaluation"))
        self.new_button.setEnabled(False)
        self.new_button.setToolTip(
            self.tr("L'évaluation pas à pas arrive dans une prochaine version.")
        )
        list_layout = QVBoxLayout(list_box)
        list_layout.addWidget(self.assessment_list)
        list_layout.addWidget(self.new_button)
        self.refresh()

        layout = QHBoxLayout(self)
        layout.addWidget(profile_box, 1)
        layout.addWidget(list_box, 1)

    def refresh(self) -> None:
        self.assessment_list.clear()
        records = self.store.assessments()
        for record in records:
            self.assessment_list.addItem(record.title)
        if not records:
            self.assessment_list.addItem(self.tr("Aucune évaluation pour l'instant."))


def readonly_banner(reason: str) -> QLabel:
    banner = QLabel(reason)
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px;")
    banner.setAccessibleName(reason)
    return banner
