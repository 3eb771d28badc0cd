"""The plan page's « Exporter » button: the plan for a spreadsheet, ODS or CSV."""

from pathlib import Path

from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton

from evalir_desktop.output_guard import OutputRefused, write_output
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store.errors import describe
from evalir_desktop.ui.widgets.save_target import ask_save_target, refuse
from evalir_desktop.ui.widgets.saved_file import offer_to_open

FORMATS = (
    ("plan-ods", ".ods", "Tableur LibreOffice ou Excel (.ods)…", "Classeur OpenDocument (*.ods)"),
    ("plan-csv", ".csv", "Tableau CSV (.csv)…", "Fichier CSV (*.csv)"),
)


class PlanExportButton(QToolButton):
    """Asks where, then writes the plan as it is stored (a small file: built at once)."""

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.last_path: Path | None = None
        self.saved_box = None
        self.setText(self.tr("E&xporter le plan"))
        self.setToolTip(
            self.tr("Le plan avec l'axe, la recommandation d'origine et la base légale")
        )
        self.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self)
        for kind, suffix, label, pattern in FORMATS:
            menu.addAction(self.tr(label)).triggered.connect(
                lambda _=False, k=kind, s=suffix, p=pattern: self.ask(k, s, p)
            )
        self.setMenu(menu)

    def ask(self, kind: str, suffix: str, pattern: str) -> None:
        from evalir_desktop.report.api import ReportOptions, build, default_file_name, output_for
        from evalir_desktop.report.data import session_report_data

        data = session_report_data(self.session)
        suggested = self.session.store.path.parent / default_file_name(output_for(kind), data)
        store_path = self.session.store.path
        target = ask_save_target(
            self,
            self.tr("Exporter le plan d'action"),
            str(suggested),
            self.tr(pattern),
            suffix,
            sources=[store_path],
        )
        if target:
            self.write(target.path, build(data, ReportOptions(kind)), target.replace)

    def write(self, path: Path, payload: bytes, replace: bool = False) -> None:
        try:
            write_output(path, payload, sources=[self.session.store.path], replace=replace)
        except OutputRefused as error:
            refuse(self, error)
            return
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Export impossible"),
                self.tr("Le fichier « %s » n'a pas pu être écrit (%s).") % (path, describe(error)),
            )
            return
        self.last_path = path
        self.saved_box = offer_to_open(self, path)
