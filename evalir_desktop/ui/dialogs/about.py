"""The "À propos d'EVALIR Desktop" dialog: versions, purpose and bundled licences."""

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
)

from evalir_desktop.about import Component, components, content_version, program_version
from evalir_desktop.ui.icons import application_icon
from evalir_desktop.ui.widgets.screen_fit import fit_to_screen


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("À propos d'EVALIR Desktop"))
        fit_to_screen(self, 620, 560)
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(application_icon().pixmap(64, 64))
        logo.setAccessibleName(self.tr("Icône d'EVALIR Desktop"))
        header.addWidget(logo)
        title = QLabel(self.tr("<h2>EVALIR Desktop</h2>"))
        header.addWidget(title, 1)
        layout.addLayout(header)

        self.program_label = QLabel(self.tr("Version du programme : %s") % program_version())
        layout.addWidget(self.program_label)
        version = content_version()
        if version is None:
            text = self.tr("Version du contenu d'évaluation : non disponible")
        else:
            text = self.tr("Version du contenu d'évaluation : %s") % version
        self.content_label = QLabel(text)
        layout.addWidget(self.content_label)

        spirit = QLabel(
            self.tr(
                "EVALIR aide une commune à regarder son projet d'IA en face : il montre ce "
                "qui est solide, ce qui manque et ce que la loi exige, et laisse la décision "
                "aux personnes."
            )
        )
        spirit.setWordWrap(True)
        layout.addWidget(spirit)

        layout.addWidget(QLabel(self.tr("<b>Composants inclus et licences</b>")))
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        self.licences.setAccessibleName(self.tr("Composants inclus et licences"))
        self.licences.setHtml(self.licences_html(components()))
        layout.addWidget(self.licences, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def licences_html(self, items: list[Component]) -> str:
        parts = []
        for item in items:
            links = ", ".join(
                f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{escape(path.name)}</a>'
                for path in item.texts
            )
            block = f"<p><b>{escape(item.name)}</b> — {escape(item.licence)}<br>"
            block += escape(item.notice)
            if links:
                block += "<br>" + self.tr("Texte complet : %s") % links
            if item.source:
                block += "<br>" + self.tr("Code source : %s") % escape(item.source)
            parts.append(block + "</p>")
        return "".join(parts)
