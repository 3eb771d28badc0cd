"""What the territory window writes: the CSV table and the territory report (PDF)."""

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from evalir_desktop.output_guard import OutputRefused
from evalir_desktop.store import StoreError
from evalir_desktop.store.errors import describe
from evalir_desktop.territory.csv_export import write_csv
from evalir_desktop.territory.importing import open_territory
from evalir_desktop.ui.territory.task import ReportTask
from evalir_desktop.ui.widgets.save_target import ask_save_target, refuse

log = logging.getLogger("evalir")


def record_report(territory: Path, file_name: str) -> bool:
    """Note in the territory file that a report was printed; False if it cannot be."""
    try:
        with open_territory(territory) as store:
            store.snapshots.record_report(file_name)
    except StoreError as error:
        log.warning("Territory report not recorded: %s", error)
        return False
    return True


class TerritoryOutputs:
    """The CSV export and the PDF report of the territory window (mixed into it)."""

    def ask_export(self) -> None:
        target = ask_save_target(
            self,
            self.tr("Exporter le tableau"),
            "",
            self.tr("Tableau CSV (*.csv)"),
            ".csv",
            sources=[self.path],
        )
        if target:
            path = target.path
            try:
                write_csv(self.shown_rows(), path, sources=[self.path], replace=target.replace)
            except OutputRefused as error:
                refuse(self, error)
                return
            except OSError as error:
                QMessageBox.warning(
                    self,
                    self.tr("Territoire"),
                    self.tr(
                        "Le tableau n'a pas pu être écrit (%s) : fermez-le s'il est ouvert "
                        "dans un tableur, ou choisissez un autre dossier."
                    )
                    % describe(error),
                )
                return
            self.status.setText(self.tr("Tableau exporté : %s") % path)

    def ask_report(self) -> None:
        target = ask_save_target(
            self,
            self.tr("Rapport de territoire"),
            "",
            self.tr("Document PDF (*.pdf)"),
            ".pdf",
            sources=[self.path],
        )
        if target and self.view is not None:
            self.write_report(target.path, target.replace)

    def write_report(self, path: Path, replace: bool = False) -> None:
        """Build and write the PDF in a worker thread; the status line says when done."""
        self.report_button.setEnabled(False)
        self.status.setText(self.tr("Préparation du rapport de territoire…"))
        self.report_task = ReportTask(self.view, path, self, sources=[self.path], replace=replace)
        self.report_task.written.connect(self.on_report_written)
        self.report_task.failed.connect(self.on_report_failed)
        self.report_task.start()

    def end_report(self) -> None:
        self.report_task.wait()
        self.report_task.deleteLater()
        self.report_task = None
        self.report_button.setEnabled(True)

    def on_report_written(self, path: str) -> None:
        self.end_report()
        written = self.tr("Rapport de territoire écrit\u202f: %s") % path
        self.status.setText(written)
        if record_report(self.path, Path(path).name) and not self.busy:
            self.notice = written + " "
            self.start([])  # the evolution now counts from this report

    def on_report_failed(self, message: str) -> None:
        self.end_report()
        self.status.setText(message)
        QMessageBox.warning(self, self.tr("Territoire"), message)
