"""The welcome panel of an empty home: three steps, the example and the guide."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from evalir_desktop.ui.widgets.headings import heading


class WelcomePanel(QFrame):
    """Emits `new_requested`, `example_requested` and `guide_requested`."""

    new_requested = Signal()
    example_requested = Signal()
    guide_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setFrameShape(QFrame.StyledPanel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Bienvenue dans EVALIR Desktop"), scale=1.2))
        intro = QLabel(
            self.tr(
                "Ce programme vous guide, question par question, dans l'évaluation d'un "
                "projet d'intelligence artificielle de la commune. Tout est enregistré au fur "
                "et à mesure : vous pouvez vous arrêter et reprendre quand vous voulez."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.step_labels: list[QLabel] = []
        for number, text in enumerate(
            (
                self.tr(
                    "Décrivez la commune dans le panneau « Profil de la commune » : nom, "
                    "code INSEE, nombre d'habitants, délégué à la protection des données."
                ),
                self.tr(
                    "Commencez une évaluation avec « Nouvelle évaluation… » ; choisissez un "
                    "modèle proche de votre projet (accueil, comptes rendus, caméras…) pour "
                    "que le contexte soit pré-rempli."
                ),
                self.tr(
                    "Répondez aux questions étape par étape, puis imprimez le rapport pour le "
                    "maire et le conseil municipal (menu Rapport)."
                ),
            ),
            start=1,
        ):
            label = QLabel(f"<b>{number}.</b> {text}")
            label.setTextFormat(Qt.RichText)
            label.setWordWrap(True)
            self.step_labels.append(label)
            layout.addWidget(label)
        self.new_button = QPushButton(self.tr("Commencer une évaluation…"))
        self.new_button.clicked.connect(self.new_requested)
        self.example_button = QPushButton(self.tr("Voir un exemple d'évaluation terminée"))
        self.example_button.clicked.connect(self.example_requested)
        self.guide_button = QPushButton(self.tr("Lire le guide (F1)"))
        self.guide_button.clicked.connect(self.guide_requested)
        for button in (self.new_button, self.example_button, self.guide_button):
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)

    def set_profile_done(self, done: bool) -> None:
        """Mark the first step done once the town is described."""
        mark = self.tr(" <i>(fait)</i>") if done else ""
        text = self.step_labels[0].text().split(" <i>")[0]
        self.step_labels[0].setText(text + mark)
