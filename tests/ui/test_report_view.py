"""The report window: preview in QPdfView, print through QPrinter to a PDF file, menu."""

import io
import zipfile

import pypdf
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter

from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.report.controller import ReportController
from evalir_desktop.ui.main_window import MainWindow
from evalir_desktop.ui.report.dialog import KINDS, ReportDialog
from tests.report.factories import demo_assessment

BUILD_TIMEOUT = 60_000


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def assessment(store):
    assessment_id = demo_assessment(store, comment_length=80, actions=5)
    store.answers.save(assessment_id, "donnees.restitution", Answer(unknown=True))
    return assessment_id


def make_dialog(store, assessment_id, kind="complet") -> ReportDialog:
    return ReportDialog(ReportController(store, load_content(), assessment_id), kind)


def open_dialog(qtbot, store, assessment_id, kind="complet") -> ReportDialog:
    dialog = make_dialog(store, assessment_id, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_built(qtbot, dialog)
    return dialog


def wait_built(qtbot, dialog: ReportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.pdf is not None and not dialog.jobs, timeout=BUILD_TIMEOUT)


def print_to_file(dialog: ReportDialog, path, resolution: int | None = None) -> bytes:
    printer = QPrinter(QPrinter.HighResolution)
    if resolution:
        printer.setResolution(resolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    printed = dialog.print_to(printer)
    assert printed == dialog.document.pageCount()
    return path.read_bytes()


def test_preview_then_print_full_report(qtbot, store, assessment, tmp_path):
    dialog = open_dialog(qtbot, store, assessment)
    pages = page_count(dialog.pdf)
    assert pages > 10
    assert dialog.document.pageCount() == pages
    assert dialog.view.document() is dialog.document
    assert f"{pages} page" in dialog.status.text()
    assert dialog.progress.value() == 100
    printed = print_to_file(dialog, tmp_path / "imprimé complet.pdf", resolution=60)
    assert page_count(printed) == pages
    assert f"{pages} page" in dialog.status.text()


def test_print_summary_at_printer_resolution(qtbot, store, assessment, tmp_path):
    dialog = open_dialog(qtbot, store, assessment, "synthese")
    assert dialog.document.pageCount() == page_count(dialog.pdf) <= 2
    printed = print_to_file(dialog, tmp_path / "synthèse.pdf")
    assert page_count(printed) == dialog.document.pageCount()


def test_changing_document_rebuilds_the_preview(qtbot, store, assessment):
    dialog = open_dialog(qtbot, store, assessment, "synthese")
    summary = dialog.pdf
    dialog.kind.setCurrentIndex(KINDS.index("mention"))
    wait_built(qtbot, dialog)
    assert dialog.pdf != summary
    assert dialog.built_kind == "mention"
    assert dialog.copy_button.isVisible()
    dialog.copy_button.click()
    assert "L311-3-1" in QGuiApplication.clipboard().text()


def test_supplier_questions_are_ticked_and_editable(qtbot, store, assessment):
    dialog = open_dialog(qtbot, store, assessment, "fournisseur")
    assert dialog.side.isVisible()
    ticked, unticked = dialog.ticked_questions()
    assert "donnees.restitution" in ticked
    assert "besoin.probleme" in unticked
    before = page_count(dialog.pdf)
    for group in dialog.questions.groups:
        if group.all_button.text() == "Tout cocher":
            group.all_button.click()  # axis by axis
    assert dialog.ticked_questions()[1] == []
    assert "Aperçu" in dialog.status.text()
    dialog.preview_button.click()
    wait_built(qtbot, dialog)
    assert page_count(dialog.pdf) > before


def test_save_as_pdf_writes_the_previewed_document(qtbot, store, assessment, tmp_path, monkeypatch):
    dialog = open_dialog(qtbot, store, assessment, "synthese")
    target = tmp_path / "dossier élus" / "synthèse"
    target.parent.mkdir()
    monkeypatch.setattr(
        "evalir_desktop.ui.widgets.save_target.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    dialog.save_button.click()
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == dialog.pdf
    assert str(saved) in dialog.status.text()


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_editable_document_is_written_from_the_window(
    qtbot, store, assessment, tmp_path, monkeypatch, fmt
):
    dialog = open_dialog(qtbot, store, assessment, "plan")
    assert dialog.editable_button.isVisibleTo(dialog)
    target = tmp_path / "plan modifiable"
    monkeypatch.setattr(
        "evalir_desktop.ui.widgets.save_target.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    menu_actions = dialog.editable_button.menu().actions()
    menu_actions[["odt", "docx"].index(fmt)].trigger()
    saved = target.with_suffix(f".{fmt}")
    qtbot.waitUntil(saved.exists, timeout=BUILD_TIMEOUT)
    assert zipfile.is_zipfile(saved)
    assert str(saved) in dialog.status.text()
    dialog.kind.setCurrentIndex(KINDS.index("fournisseur"))
    assert not dialog.editable_button.isVisibleTo(dialog)


def test_report_menu_opens_the_window_on_the_only_assessment(qtbot, store, assessment):
    path = store.path
    store.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    actions = [a for a in window.report_menu.actions() if not a.isSeparator()]
    assert len(actions) == 5
    actions[1].trigger()  # summary for elected officials
    dialogs = window.findChildren(ReportDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.assessment_id == assessment
    assert dialog.current_kind == "synthese"
    wait_built(qtbot, dialog)
    dialog.close()


def test_progress_is_reported_while_building(qtbot, store, assessment, monkeypatch):
    seen: list[int] = []
    original = ReportDialog.job_progress
    monkeypatch.setattr(
        ReportDialog, "job_progress", lambda self, n, p: (seen.append(p), original(self, n, p))
    )
    dialog = open_dialog(qtbot, store, assessment, "synthese")
    assert seen and seen[-1] == 100
    assert seen == sorted(seen)
    assert dialog.print_button.isEnabled()


def test_a_failed_build_is_explained_and_nothing_is_printed(qtbot, store, assessment, monkeypatch):
    from evalir_desktop.report import DOCUMENTS, Output

    def broken(data, options):
        raise ValueError("mise en page impossible")

    monkeypatch.setitem(DOCUMENTS, "mention", Output("Mention", ".pdf", broken, "mention"))
    dialog = make_dialog(store, assessment, "mention")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.jobs, timeout=BUILD_TIMEOUT)
    assert dialog.pdf is None
    assert "n'a pas pu être préparé" in dialog.status.text()
    assert "mise en page impossible" in dialog.status.text()
    assert dialog.preview_button.isEnabled()


def test_print_button_goes_through_the_print_dialog(
    qtbot, store, assessment, tmp_path, monkeypatch
):
    target = tmp_path / "imprimante.pdf"

    class AcceptingPrintDialog:
        def __init__(self, printer, parent):
            self.printer = printer

        def setWindowTitle(self, title):
            assert title == "Imprimer"

        def exec(self):
            self.printer.setOutputFormat(QPrinter.PdfFormat)
            self.printer.setOutputFileName(str(target))
            self.printer.setResolution(72)
            return ReportDialog.Accepted

    monkeypatch.setattr("evalir_desktop.ui.report.dialog.QPrintDialog", AcceptingPrintDialog)
    dialog = open_dialog(qtbot, store, assessment, "synthese")
    dialog.print_button.click()
    assert page_count(target.read_bytes()) == dialog.document.pageCount()


def test_screen_radar_is_the_report_drawing(qtbot):
    from evalir_desktop.ui.widgets.radar import RadarChart

    chart = RadarChart()
    qtbot.addWidget(chart)
    chart.set_scores([("Besoin", 33), ("Données", None), ("Droit", 80), ("Suivi", 10)])
    assert chart.renderer().isValid()
    assert "Données\u202f: non évalué\u202f; Droit" in chart.accessibleDescription()
    assert chart.toolTip().splitlines()[1] == "Données\u202f: non évalué"
    chart.resize(480, 330)
    image = chart.grab().toImage()
    samples = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    ]
    dark = sum(1 for lightness in samples if lightness < 60)
    assert dark < len(samples) / 5  # black ink on white, not a black unsupported SVG element


def test_report_menu_follows_the_assessment_on_screen(qtbot, store, assessment):
    other = demo_assessment(store, comment_length=10, actions=0, title="Deuxième projet")
    path = store.path
    store.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    window.open_assessment(other)
    qtbot.waitUntil(lambda: window.current_assessment_id() == other)
    window.report_menu.actions()[0].trigger()  # full report, Ctrl+P
    (dialog,) = window.findChildren(ReportDialog)
    assert dialog.assessment_id == other
    assert dialog.current_kind == "complet"
    wait_built(qtbot, dialog)
    assert "Deuxième projet" in dialog.windowTitle()
    dialog.close()


def test_the_report_uses_the_window_content(qtbot, store, assessment):
    path = store.path
    store.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    window.report_menu.actions()[0].trigger()
    (dialog,) = window.findChildren(ReportDialog)
    assert dialog.controller.session.content is window.content
    wait_built(qtbot, dialog)
    assert dialog.data.content is window.content
    dialog.close()


def test_an_export_is_built_in_the_worker_and_written(
    qtbot, store, assessment, tmp_path, monkeypatch
):
    dialog = open_dialog(qtbot, store, assessment, "synthese")
    target = tmp_path / "réponses.csv"
    monkeypatch.setattr(
        "evalir_desktop.ui.widgets.save_target.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    dialog.ask_export("reponses-csv")
    qtbot.waitUntil(target.exists, timeout=BUILD_TIMEOUT)
    assert "besoin.probleme" in target.read_text(encoding="utf-8-sig")
    assert dialog.built_kind == "synthese"  # the preview is still the summary


def test_letter_fields_typed_in_the_window_reach_the_letter_and_never_the_file(
    qtbot, store, assessment
):
    dialog = open_dialog(qtbot, store, assessment, "lettre")
    assert dialog.letter.isVisibleTo(dialog)
    dialog.letter.nom.setText("Mme Éléonore Quintard")
    dialog.letter.parametres.setPlainText("Revenu fiscal : poids 70 %")
    dialog.letter.has_date.setChecked(True)
    assert "au plus tard le" in dialog.letter.deadline.text()
    assert "Aperçu" in dialog.status.text()
    dialog.preview_button.click()
    wait_built(qtbot, dialog)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "Éléonore Quintard" in text and "Revenu fiscal" in text
    dialog.close()
    content = store.path.read_bytes()
    assert b"Quintard" not in content and b"Revenu fiscal" not in content


def test_documents_for_inhabitants_menu(qtbot, store, assessment):
    path = store.path
    store.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Documents pour les habitants") == titles.index("Rapport") + 1
    actions = window.inhabitants_menu.actions()
    assert len(actions) == 3
    actions[1].trigger()
    (dialog,) = window.findChildren(ReportDialog)
    assert dialog.current_kind == "lettre"
    wait_built(qtbot, dialog)
    assert not dialog.side.isVisibleTo(dialog)
    dialog.close()
