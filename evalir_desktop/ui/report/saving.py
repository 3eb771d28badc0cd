"""What the report window writes to disk: the PDF, the editable documents, the exports."""

from pathlib import Path

from PySide6.QtWidgets import QMenu, QMessageBox

from evalir_desktop.output_guard import OutputRefused
from evalir_desktop.store.errors import describe
from evalir_desktop.ui.widgets.save_target import ask_save_target, refuse
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

    def ask_target(self, title: str, kind: str, fmt: str, pattern: str, suffix: str):
        """The save dialog, the output guard and the confirmation to replace."""
        return ask_save_target(
            self,
            title,
            self.suggested_path(kind, fmt),
            pattern,
            suffix,
            sources=[self.controller.store.path],
        )

    def ask_save(self) -> None:
        target = self.ask_target(
            self.tr("Enregistrer en PDF"),
            self.built_kind,
            "pdf",
            self.tr("Document PDF (*.pdf)"),
            ".pdf",
        )
        if target:
            self.write(target.path, self.pdf, target.replace)

    def ask_editable(self, fmt: str) -> None:
        """The chosen document as ODT or DOCX, with the same content as the preview."""
        kind = self.current_kind
        pattern = dict((f, p) for f, _, p in EDITABLE)[fmt]
        target = self.ask_target(
            self.tr("Enregistrer un document modifiable"), kind, fmt, self.tr(pattern), f".{fmt}"
        )
        if target:
            message = self.tr("Préparation du document modifiable…")
            self.build_and_write(kind, target.path, fmt, message, target.replace)

    def ask_export(self, name: str) -> None:
        """Ask where, then build the export in the worker thread and write it."""
        from evalir_desktop.report import EXPORTS

        output = EXPORTS[name]
        target = self.ask_target(output.label, name, "pdf", f"*{output.suffix}", output.suffix)
        if target:
            message = self.tr("Préparation de l'export…")
            self.build_and_write(name, target.path, "pdf", message, target.replace)

    def build_and_write(
        self, kind: str, path: Path, fmt: str, message: str, replace: bool = False
    ) -> None:
        def finished(number: int, payload: bytes) -> None:
            if self.jobs.pop(number, None) is not None:
                self.set_busy(False)
                self.write(path, payload, replace)

        if self.start_job(kind, finished, fmt):
            self.status.setText(message)

    def write(self, path: Path, payload: bytes, replace: bool = False) -> bool:
        try:
            self.controller.save(path, payload, replace)
        except OutputRefused as error:
            refuse(self, error)
            return False
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
