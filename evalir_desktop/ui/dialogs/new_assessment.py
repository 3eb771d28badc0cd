"""The « Nouvelle évaluation » dialog: blank or from a template whose description is shown."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from evalir_desktop.content import Content, Template
from evalir_desktop.store.models import AI_TYPE_LABELS, STATUS_LABELS

ERROR_STYLE = "color: #b00020;"


class NewAssessmentDialog(QDialog):
    """Asks title, template, description, service, status, type of AI and supplier."""

    def __init__(self, content: Content, parent=None):
        super().__init__(parent)
        self.content = content
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
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
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
        form.addRow("", self.template_description)
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
            return
        self.template_description.setText(
            template.description
            + "\n\n"
            + self.tr("Le contexte sera pré-rempli : vérifiez et corrigez chaque réponse.")
        )
        if not self.title.text().strip() or self.title.property("from_template"):
            self.title.setText(template.title)
            self.title.setProperty("from_template", True)
        self.description.setPlainText(template.description)
        self.service.setText(template.service)
        self.ai_type.setCurrentIndex(max(0, self.ai_type.findData(template.ai_type)))

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
