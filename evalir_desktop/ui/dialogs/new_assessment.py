"""The « Nouvelle évaluation » dialog: blank, from a template, or from a product dossier."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from evalir_desktop.content import Content, Template
from evalir_desktop.domain.origin import of_town
from evalir_desktop.domain.records import AI_TYPE_LABELS, STATUS_LABELS
from evalir_desktop.french import counted
from evalir_desktop.product.dossier import FILE_FILTER, DossierRefused, read_dossier
from evalir_desktop.product.starting import reusable

ERROR_STYLE = "color: #b00020;"


class NewAssessmentDialog(QDialog):
    """Asks title, template, description, service, status, type of AI and supplier."""

    def __init__(self, content: Content, parent=None):
        super().__init__(parent)
        self.content = content
        self.dossier = None  # a ProductDossier whose answers about the tool are reused
        self.setWindowTitle(self.tr("Nouvelle évaluation"))
        self.setMinimumWidth(560)
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Modèle de projet"))
        self.template.addItem(self.tr("Évaluation vierge (sans modèle)"), None)
        for template in content.templates:
            self.template.addItem(template.title, template.id)
        self.template_description = QLabel()
        self.template_description.setWordWrap(True)
        self.template_description.setStyleSheet("background: #eef4fb; padding: 6px;")
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Titre du projet"))
        self.title.setPlaceholderText(self.tr("ex. Agent conversationnel de l'accueil"))
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(self.tr("Description courte"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.service = QLineEdit()
        self.service.setAccessibleName(self.tr("Service concerné"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Avancement du projet"))
        for key, text in STATUS_LABELS.items():
            self.status.addItem(text, key)
        self.ai_type = QComboBox()
        self.ai_type.setAccessibleName(self.tr("Type d'IA"))
        for key, text in AI_TYPE_LABELS.items():
            self.ai_type.addItem(text, key)
        self.supplier = QLineEdit()
        self.supplier.setAccessibleName(self.tr("Fournisseur"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Partir d'un &modèle"), self.template)
        form.addRow(self.build_dossier_row())
        form.addRow(self.template_description)
        form.addRow(self.tr("&Titre du projet"), self.title)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Service concerné"), self.service)
        form.addRow(self.tr("Où en est le projet"), self.status)
        form.addRow(self.tr("Type d'IA"), self.ai_type)
        form.addRow(self.tr("&Fournisseur"), self.supplier)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Créer l'évaluation"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.template.currentIndexChanged.connect(self.template_chosen)
        self.template_chosen()

    def chosen_template(self) -> Template | None:
        template_id = self.template.currentData()
        return self.content.template(template_id) if template_id else None

    def template_chosen(self) -> None:
        template = self.chosen_template()
        if template is None:
            self.template_description.setText(
                self.tr("Toutes les questions sont à remplir, y compris le contexte.")
            )
            self.grow_to_fit()
            return
        self.template_description.setText(
            self.tr(
                "La description du modèle figure ci-dessous, à adapter. Les questions du "
                "contexte seront pré-remplies : vérifiez et corrigez chaque réponse."
            )
        )
        if not self.title.text().strip() or self.title.property("from_template"):
            self.title.setText(template.title)
            self.title.setProperty("from_template", True)
        self.description.setPlainText(template.description)
        self.service.setText(template.service)
        self.ai_type.setCurrentIndex(max(0, self.ai_type.findData(template.ai_type)))
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Give a longer text the height it needs instead of cutting it."""
        if self.isVisible():
            self.layout().activate()
            needed = self.layout().totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def fields(self) -> dict:
        return {
            "description": self.description.toPlainText().strip(),
            "service": self.service.text().strip(),
            "status": self.status.currentData(),
            "ai_type": self.ai_type.currentData(),
            "supplier": self.supplier.text().strip(),
        }

    def accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Indiquez un titre pour le projet."))
            self.error.show()
            self.title.setFocus(Qt.OtherFocusReason)
            return
        super().accept()

    # -- from a product dossier ----------------------------------------------------------

    def build_dossier_row(self) -> QVBoxLayout:
        self.dossier_button = QPushButton(self.tr("Partir d'un &dossier de produit partagé…"))
        self.dossier_button.setToolTip(
            self.tr(
                "Un dossier de produit, écrit par une autre commune ou par l'intercommunalité, "
                "reprend les réponses qui décrivent l'outil (fournisseur, hébergement, "
                "fonctionnement)\u202f; les questions propres à votre commune restent à remplir."
            )
        )
        self.dossier_button.clicked.connect(self.ask_dossier)
        self.forget_button = QPushButton(self.tr("Ne pas utiliser ce dossier"))
        self.forget_button.clicked.connect(self.forget_dossier)
        self.forget_button.hide()
        self.dossier_text = QLabel()
        self.dossier_text.setWordWrap(True)
        self.dossier_text.setTextFormat(Qt.PlainText)
        self.dossier_text.setStyleSheet("background: #e3eef9; padding: 6px;")
        self.dossier_text.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.dossier_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(buttons)
        column.addWidget(self.dossier_text)
        return column

    def ask_dossier(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Dossier de produit partagé"), "", self.tr(FILE_FILTER)
        )
        if name:
            self.use_dossier_file(Path(name))

    def use_dossier_file(self, path: Path) -> bool:
        """Read a dossier (refusal said under the form) and fill the fields from it."""
        try:
            dossier = read_dossier(path)
        except DossierRefused as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self.error.hide()
        self.dossier = dossier
        count = len(reusable(self.content, dossier).answers)
        source = dossier.source
        reused = (
            self.tr("une réponse sur l'outil sera reprise, marquée comme telle et modifiable")
            if count == 1
            else self.tr(
                "%d réponses sur l'outil seront reprises, marquées comme telles et modifiables"
            )
            % count
        )
        if dossier.attachments:
            documents = counted(len(dossier.attachments), "document joint", "documents joints")
            reused += self.tr(", avec %s") % documents
        self.dossier_text.setText(
            self.tr(
                "Dossier « %s » %s, réponses du %s (questionnaire %s)\u202f: %s. Les "
                "questions propres à votre commune restent à remplir."
            )
            % (
                dossier.product.name,
                of_town(source.commune),
                source.answered_on.strftime("%d/%m/%Y"),
                source.content_version,
                reused,
            )
        )
        self.dossier_text.show()
        self.forget_button.show()
        self.template.setCurrentIndex(0)
        self.template.setEnabled(False)
        self.template_description.hide()  # « toutes les questions sont à remplir » no more
        self.title.setText(dossier.product.name)
        self.title.setProperty("from_template", True)
        self.description.setPlainText(dossier.product.description)
        self.supplier.setText(dossier.product.supplier)
        self.ai_type.setCurrentIndex(max(0, self.ai_type.findData(dossier.product.ai_type)))
        self.grow_to_fit()
        return True

    def forget_dossier(self) -> None:
        self.dossier = None
        self.dossier_text.hide()
        self.forget_button.hide()
        self.template.setEnabled(True)
        self.template_description.show()
