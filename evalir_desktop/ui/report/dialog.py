"""The report window: preview (QPdfView), print, save as PDF, copy the mention, exports."""

import logging
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
)

from evalir_desktop.report.api import ReportOptions
from evalir_desktop.report.controller import ReportController
from evalir_desktop.ui.report.letter_panel import LetterPanel
from evalir_desktop.ui.report.preview import PdfPreview
from evalir_desktop.ui.report.saving import SavingActions
from evalir_desktop.ui.report.supplier_picker import SupplierPicker
from evalir_desktop.ui.report.worker import BuildJob, print_pdf
from evalir_desktop.ui.widgets.screen_fit import fit_to_screen

log = logging.getLogger("evalir")
# The documents the window offers, in the order of its list, with their long names.
KIND_LABELS = {
    "complet": QT_TRANSLATE_NOOP("ReportDialog", "Rapport complet pour le conseil municipal"),
    "synthese": QT_TRANSLATE_NOOP("ReportDialog", "Synthèse pour les élus (2 pages)"),
    "plan": QT_TRANSLATE_NOOP("ReportDialog", "Plan d'action"),
    "deliberation": QT_TRANSLATE_NOOP("ReportDialog", "Projet de délibération du conseil"),
    "mention": QT_TRANSLATE_NOOP(
        "ReportDialog", "Mention explicite sur les décisions individuelles"
    ),
    "lettre": QT_TRANSLATE_NOOP("ReportDialog", "Lettre d'explication à un habitant"),
    "formulaire": QT_TRANSLATE_NOOP("ReportDialog", "Formulaire de demande pour les habitants"),
    "fournisseur": QT_TRANSLATE_NOOP("ReportDialog", "Questionnaire au fournisseur"),
}
KINDS = tuple(KIND_LABELS)


class ReportDialog(SavingActions, QDialog):
    """Choose a document, see it, print it, save it. Reportlab runs in a worker thread.

    The controller reads and builds; this window only lays out, starts jobs and shows.
    """

    def __init__(self, controller: ReportController, kind: str = "complet", parent=None):
        super().__init__(parent)
        self.controller = controller
        self.assessment_id = controller.session.assessment_id
        self.data = None
        self.pdf: bytes | None = None
        self.built_kind = ""
        self.job_number = 0
        self.jobs: dict[int, BuildJob] = {}
        self.after_build = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.document = QPdfDocument(self)
        self.setWindowTitle(self.tr("Rapport — %s") % controller.title)
        fit_to_screen(self, 1000, 760)
        self.build_widgets()
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.kind.currentIndexChanged.connect(self.kind_changed)
        self.kind_changed()

    # -- layout --------------------------------------------------------------------

    def build_widgets(self) -> None:
        self.kind = QComboBox()
        for label in KIND_LABELS.values():
            self.kind.addItem(self.tr(label))
        self.kind.setAccessibleName(self.tr("Document à préparer"))
        choose = QLabel(self.tr("&Document :"))
        choose.setBuddy(self.kind)
        self.preview_button = QPushButton(self.tr("&Aperçu"))
        self.print_button = QPushButton(self.tr("&Imprimer…"))
        self.save_button = QPushButton(self.tr("&Enregistrer en PDF…"))
        self.copy_button = QPushButton(self.tr("&Copier le texte"))
        self.copy_button.setToolTip(self.tr("Copier la mention explicite pour la coller ailleurs"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("E&xporter"))
        self.export_button.setPopupMode(QToolButton.InstantPopup)
        self.export_button.setMenu(self.export_menu())
        self.editable_button = QToolButton()
        self.editable_button.setText(self.tr("Document &modifiable"))
        self.editable_button.setToolTip(
            self.tr("Enregistrer le même document pour le modifier dans un traitement de texte")
        )
        self.editable_button.setPopupMode(QToolButton.InstantPopup)
        self.editable_button.setMenu(self.editable_menu())
        self.preview_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(lambda: self.when_built(self.ask_print))
        self.save_button.clicked.connect(lambda: self.when_built(self.ask_save))
        self.copy_button.clicked.connect(self.copy_mention)
        top = QHBoxLayout()  # which document
        top.addWidget(choose)
        top.addWidget(self.kind, 1)
        top.addWidget(self.preview_button)
        actions = QHBoxLayout()  # what to do with it
        for widget in (
            self.print_button,
            self.save_button,
            self.editable_button,
            self.copy_button,
            self.export_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)

        self.questions = SupplierPicker()
        self.questions.changed.connect(self.mark_stale)
        self.side = self.questions

        self.preview = PdfPreview(self.document)
        self.view = self.preview.view
        self.letter = LetterPanel()
        self.letter.changed.connect(self.mark_stale)
        splitter = QSplitter()
        splitter.addWidget(self.side)
        splitter.addWidget(self.letter)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(2, 3)  # the preview takes the room
        splitter.setSizes([380, 380, 620])
        splitter.setChildrenCollapsible(False)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(self.tr("Avancement de la préparation"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # -- state ---------------------------------------------------------------------

    @property
    def current_kind(self) -> str:
        return KINDS[self.kind.currentIndex()]

    def read_data(self):
        """Read the assessment again (in this thread: the store belongs to it)."""
        self.data = self.controller.read()
        return self.data

    def kind_changed(self) -> None:
        kind = self.current_kind
        self.side.setVisible(kind == "fournisseur")
        self.letter.setVisible(kind == "lettre")
        self.copy_button.setVisible(kind == "mention")
        self.editable_button.setVisible(len(self.controller.formats(kind)) > 1)
        if kind == "fournisseur" and not self.questions.count():
            self.fill_questions()
        self.preview.clear()  # the last document is not shown under the new one's name
        self.pdf = None
        self.refresh()

    def fill_questions(self) -> None:
        self.questions.fill(self.controller.supplier_choices(self.data or self.read_data()))

    def ticked_questions(self) -> tuple[list[str], list[str]]:
        """(ticked, unticked) question ids of the supplier list."""
        return self.questions.ticked_questions()

    def mark_stale(self) -> None:
        self.built_kind = ""
        self.status.setText(self.tr("Vos choix ont changé : cliquez sur « Aperçu »."))

    # -- building ------------------------------------------------------------------

    def options(self, kind: str) -> ReportOptions:
        """The agent's choices for `kind`: the ticked supplier questions, if any."""
        ticked, unticked = self.ticked_questions() if self.questions.count() else ([], [])
        letter = self.letter.fields() if kind == "lettre" else None
        return ReportOptions(kind, tuple(ticked), tuple(unticked), letter=letter)

    def start_job(self, kind: str, on_finished, fmt: str = "pdf") -> bool:
        """Read the assessment now, then build `kind` in the worker thread."""
        try:
            data = self.read_data()
        except Exception as error:  # noqa: BLE001 - a content or store problem, in French
            log.exception("Report data")
            self.fail(str(error))
            return False
        options = self.options(kind)
        self.job_number += 1
        job = BuildJob(
            self.job_number,
            lambda progress: self.controller.build(
                data,
                replace(options, progress=progress, format=fmt),
            ),
        )
        job.kind = kind
        job.signals.progress.connect(self.job_progress)
        job.signals.finished.connect(on_finished)
        job.signals.failed.connect(self.job_failed)
        self.jobs[job.number] = job
        self.set_busy(True)
        self.pool.start(job)
        return True

    def refresh(self) -> None:
        """Rebuild the chosen document from the current answers."""
        if self.start_job(self.current_kind, self.job_finished):
            self.status.setText(self.tr("Préparation du document…"))

    def set_busy(self, busy: bool) -> None:
        self.progress.setValue(0 if busy else 100)
        for button in (self.print_button, self.save_button, self.preview_button):
            button.setEnabled(not busy)

    def job_progress(self, number: int, percent: int) -> None:
        if number == self.job_number:
            self.progress.setValue(percent)

    def job_finished(self, number: int, payload: bytes) -> None:
        job = self.jobs.pop(number, None)
        if number != self.job_number or job is None:
            return
        self.pdf = payload
        self.built_kind = job.kind
        self.show_pdf(payload)
        self.set_busy(False)
        pages = self.document.pageCount()
        self.status.setText(self.tr("Document prêt : %n pages.", "", pages))
        pending, self.after_build = self.after_build, None
        if pending is not None:
            pending()

    def job_failed(self, number: int, message: str) -> None:
        self.jobs.pop(number, None)
        if number == self.job_number:
            log.error("Report build failed: %s", message)
            self.set_busy(False)
            self.fail(message)

    def fail(self, message: str) -> None:
        self.after_build = None
        self.status.setText(self.tr("Le document n'a pas pu être préparé : %s") % message)

    def show_pdf(self, payload: bytes) -> None:
        self.preview.load(payload)

    def when_built(self, action) -> None:
        """Run `action` on the current document, building it first if needed."""
        if self.pdf is not None and self.built_kind == self.current_kind and not self.jobs:
            action()
        else:
            self.after_build = action
            if not self.jobs:
                self.refresh()

    def wait(self) -> None:
        """Block until the build in progress is done (tests, closing)."""
        self.pool.waitForDone()
        QGuiApplication.processEvents()

    # -- printing, saving, exporting -------------------------------------------------

    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Imprimer"))
        if dialog.exec() == QDialog.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        self.status.setText(self.tr("Impression en cours…"))

        def step(done: int, total: int) -> None:
            self.progress.setValue(round(100 * done / total))
            QGuiApplication.processEvents()

        try:
            pages = print_pdf(self.document, printer, step)
        except OSError:
            self.status.setText(self.tr("L'imprimante n'a pas pu être utilisée."))
            return 0
        self.status.setText(self.tr("%n pages envoyées à l'imprimante.", "", pages))
        return pages

    def copy_mention(self) -> None:
        QGuiApplication.clipboard().setText(self.controller.mention(self.data or self.read_data()))
        self.status.setText(self.tr("Texte de la mention copié : collez-le dans vos courriers."))

    def done(self, result: int) -> None:
        self.after_build = None
        self.pool.waitForDone()
        super().done(result)


def open_report_dialog(
    parent, store, content, assessment_id: str, kind: str = "complet"
) -> ReportDialog:
    """Open the report window on one assessment (non-modal) with the window's content."""
    dialog = ReportDialog(ReportController(store, content, assessment_id), kind, parent)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.show()
    return dialog
