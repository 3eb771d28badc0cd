"""One town's assessment opened from the territory, read-only, with its report."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QPushButton, QVBoxLayout, QWidget

from evalir_desktop.content import Content
from evalir_desktop.store import Store
from evalir_desktop.ui.assessment.view import AssessmentView
from evalir_desktop.ui.report.menu import install_report_menu
from evalir_desktop.ui.widgets.screen_fit import fit_to_screen

READONLY_STYLE = "background: #eceff1; color: #263238; padding: 6px;"


class TownAssessmentWindow(QMainWindow):
    """The assessment window (results, answers, plan, decision) on a private copy of the
    territory file: nothing can be changed, the territory window stays where it was."""

    def __init__(self, path: Path, content: Content, assessment_id: str, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.store = Store.open(path, readonly=True)
        self.content = content
        self.content_error = ""
        try:
            self.view = AssessmentView(self.store, content, assessment_id)
        except Exception:
            self.store.close()
            raise
        self.view.back_button.setText(self.tr("Fermer"))
        self.view.back_button.setToolTip(self.tr("Revenir au territoire"))
        self.view.home_requested.connect(self.close)
        commune = self.view.session.commune
        town = commune.nom if commune else ""
        self.setWindowTitle(
            self.tr("%s — %s — Territoire — EVALIR Desktop") % (town, self.view.record.title)
        )
        banner = QLabel(
            self.tr(
                "Évaluation de %s, telle que reçue par l'intercommunalité\u202f: consultation "
                "seule. Seule la commune peut la modifier, dans son propre fichier."
            )
            % town
        )
        banner.setTextFormat(Qt.PlainText)
        banner.setWordWrap(True)
        banner.setStyleSheet(READONLY_STYLE)
        self.report_button = QPushButton(self.tr("&Rapport de cette évaluation…"))
        self.report_button.clicked.connect(self.open_report)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(banner)
        layout.addWidget(self.report_button, 0, Qt.AlignLeft)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        install_report_menu(self)
        fit_to_screen(self, 1100, 760)

    # what the report menu asks of the window it is installed in
    def current_assessment_id(self) -> str:
        return self.view.assessment_id

    def load_content(self) -> Content:
        return self.content

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("EVALIR Desktop"), message)

    def open_report(self):
        from evalir_desktop.ui.report.dialog import open_report_dialog  # QtPdf only when used

        return open_report_dialog(self, self.store, self.content, self.view.assessment_id)

    def closeEvent(self, event) -> None:
        for child in self.findChildren(QWidget):
            if child.isWindow() and child is not self:
                child.close()
        self.store.close()
        super().closeEvent(event)
