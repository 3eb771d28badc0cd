"""Pictures of the dossier: `python scripts/screenshots_dossier.py [DIR]` (default
`docs/screenshots/`).

Under Xvfb, once at 1024 × 768 and once at 1366 × 768: a step with a reviewer's opinion
« à corriger » and a question's attachments, the opinion dialog, the reviewers' section
of the results and the territory's « Formation à l'IA » tab; once (dialogs do not
depend on the screen) the opinion dialog, the attachments of the assessment, the literacy
record from the home and the share dialog; then the report pages that show them
(pdftoppm): opinions per axis, the literacy record, the annex.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def prepared_file(work: Path, content) -> tuple[Path, str]:
    """The shipped example, a new version of it (not validated), and its dossier."""
    from evalir_desktop.example import write_example
    from evalir_desktop.session.versions import new_version
    from evalir_desktop.store import Store
    from tests.dossier_factory import add_dossier

    example = write_example(work / "exemple", content)
    path = work / "Mairie de Saint-Martin-sur-Loire" / "évaluations IA.evalir"
    path.parent.mkdir()
    with Store.open(example, readonly=True) as store:
        store.save_copy_as(path)
    with Store.open(path, who="Hélène Dupré") as store:
        record = new_version(store, store.assessments.all()[0].id)
        add_dossier(store, record.id)
    return path, record.id


def later(app, callback) -> None:
    """Run `callback(dialog)` on the next modal dialog, then close it."""
    from PySide6.QtCore import QTimer

    def run() -> None:
        dialog = app.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, run)
            return
        callback(dialog)
        dialog.reject()

    QTimer.singleShot(0, run)


def capture(out: Path, suffix: str) -> None:
    from evalir_desktop.content import load_content
    from evalir_desktop.ui.home.literacy import LiteracyDialog
    from evalir_desktop.ui.main_window import MainWindow
    from evalir_desktop.ui.territory.share_dialog import ShareDialog
    from evalir_desktop.ui.territory.window import TerritoryWindow
    from scripts.screenshots import Camera, captured_application

    work = Path(tempfile.mkdtemp(prefix="evalir-captures-"))
    app = captured_application(work)
    camera = Camera(app, out, suffix)
    dialog_shot = camera.shot if suffix == "1024" else (lambda widget, name: None)
    content = load_content()
    path, assessment_id = prepared_file(work, content)

    window = MainWindow()
    window.show()
    window.open_path(path)
    camera.settle()
    literacy = LiteracyDialog(window.store, window)
    literacy.show()
    dialog_shot(literacy, "dossier-formation")  # dialogs: the same on both screens
    literacy.close()

    window.open_assessment(assessment_id)
    view = window.assessment_view
    view.go_to_step("donnees")
    page = view.step_pages["donnees"]
    card = page.cards["donnees.conservation"]
    card.attachments_button.click()
    camera.settle()
    camera.shot(window, "dossier-etape")
    page.verticalScrollBar().setValue(card.y() - 8)
    camera.shot(window, "dossier-question")
    later(app, lambda dialog: dialog_shot(dialog, "dossier-avis"))
    view.review_panels["donnees"].button.click()
    later(app, lambda dialog: dialog_shot(dialog, "dossier-pieces"))
    view.attachments_button.click()
    view.go_to_step("resultats")
    camera.shot(window, "dossier-resultats")
    share = ShareDialog(window.store, window, content)
    share.show()
    share.folder_edit.setText(str(work))
    share.attachments.setChecked(True)
    share.prepare()
    camera.settle()
    share.preview.verticalScrollBar().setValue(0)
    dialog_shot(share, "dossier-envoi")
    share.close()
    window.close()

    territory = TerritoryWindow(work / "Territoire.evalir", content)
    territory.show()
    territory.start([path])
    while territory.busy:
        camera.settle()
    territory.tabs.setCurrentWidget(territory.literacy_tab)
    camera.shot(territory, "dossier-territoire-formation")
    territory.close()
    if suffix == "1366":
        report_pages(path, assessment_id, out, work)
    shutil.rmtree(work, ignore_errors=True)


def report_pages(path: Path, assessment_id: str, out: Path, work: Path) -> None:
    """The report pages with the opinions, the literacy record and the annex."""
    from evalir_desktop.report import ReportOptions, build, report_data
    from evalir_desktop.store import Store
    from scripts.screenshots_documents import find_page, page_png

    with Store.open(path, readonly=True) as store:
        data = report_data(store, assessment_id)
    pdf = work / "rapport.pdf"
    pdf.write_bytes(build(data, ReportOptions("complet")))
    axis = 1 + [axis.id for axis in data.content.axes].index("donnees")
    for heading, name in (
        ("Annexe", "rapport-annexe-pieces"),
        (f"7.{axis} ", "rapport-avis-relecteurs"),
    ):
        page_png(pdf, out / f"{name}.png", find_page(pdf, heading))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    number = next(i for i, p in enumerate(pages, 1) if "Formations de la commune" in p)
    page_png(pdf, out / "rapport-formation.png", number)


def main() -> int:
    from scripts.screenshots import run_script

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    return run_script(__file__, capture, lambda width: out)


if __name__ == "__main__":
    sys.exit(main())
