"""What the report window writes to disk: the PDF, the editable documents, the exports."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from evalir_desktop.store.errors import describe
from evalir_desktop.ui.widgets.saved_file import offer_to_open

EDITABLE = (
    ("odt", "Pour LibreOffice ou OpenOffice (.odt)…", "Document OpenDocument (*.odt)"),
    ("docx", "Pour Microsoft Word (.docx)…", "Document Word (*.docx)"),
)


class SavingActions:
    """Mixed into the report window: asks where, builds in the worker, writes in one step."""

    def export_menu(self) -> QMenu:
        menu = QMenu(self)
        for name, label in (
            ("inventaire-json", self.tr("Fiche de transparence (JSON)…")),
            ("inventaire-csv", self.tr("Fiche de transparence (CSV)…")),
            ("reponses-csv", self.tr("Réponses et commentaires (CSV)…")),
            ("fournisseur-csv", self.tr("Questionnaire au fournisseur (CSV)…")),
            ("plan-ods", self.tr("Plan d'action, pour un tableur (.ods)…")),
            ("plan-csv", self.tr("Plan d'action (CSV)…")),
            ("mention-txt", self.tr("Mention explicite (texte)…")),
        ):
            menu.addAction(label).triggered.connect(lambda _=False, n=name: self.ask_export(n))
        return menu

    def editable_menu(self) -> QMenu:
        menu = QMenu(self)
        for fmt, label, _ in EDITABLE:
            menu.addAction(self.tr(label)).triggered.connect(
                lambda _=False, f=fmt: self.ask_editable(f)
            )
        return menu

    def suggested_path(self, kind: str, fmt: str = "pdf") -> str:
        return str(self.controller.suggested_path(kind, self.data or self.read_data(), fmt))

    def ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer en PDF"),
            self.suggested_path(self.built_kind),
            self.tr("Document PDF (*.pdf)"),
        )
        if name:
            self.write(Path(name if name.lower().endswith(".pdf") else name + ".pdf"), self.pdf)

    def ask_editable(self, fmt: str) -> None:
        """The chosen document as ODT or DOCX, with the same content as the preview."""
        kind = self.current_kind
        pattern = dict((f, p) for f, _, p in EDITABLE)[fmt]
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer un document modifiable"),
            self.suggested_path(kind, fmt),
            self.tr(pattern),
        )
        if name:
            suffix = f".{fmt}"
            path = Path(name if name.lower().endswith(suffix) else name + suffix)
            self.build_and_write(kind, path, fmt, self.tr("Préparation du document modifiable…"))

    def ask_export(self, name: str) -> None:
        """Ask where, then build the export in the worker thread and write it."""
        from evalir_desktop.report import EXPORTS

        output = EXPORTS[name]
        path, _ = QFileDialog.getSaveFileName(
            self, output.label, self.suggested_path(name), f"*{output.suffix}"
        )
        if path:
            self.build_and_write(name, Path(path), "pdf", self.tr("Préparation de l'export…"))

    def build_and_write(self, kind: str, path: Path, fmt: str, message: str) -> None:
        def finished(number: int, payload: bytes) -> None:
            if self.jobs.pop(number, None) is not None:
                self.set_busy(False)
                self.write(path, payload)

        if self.start_job(kind, finished, fmt):
            self.status.setText(message)

    def write(self, path: Path, payload: bytes) -> bool:
        try:
            self.controller.save(path, payload)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Enregistrement impossible"),
                self.tr(
                    "Le fichier « %s » n'a pas pu être écrit (%s). S'il est ouvert dans "
                    "un autre programme, fermez-le, ou choisissez un autre dossier."
                )
                % (path, describe(error)),
            )
            return False
        self.status.setText(self.tr("Enregistré : %s") % path)
        self.saved_box = offer_to_open(self, path)  # open the file, or its folder
        return True
