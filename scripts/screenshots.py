"""Screenshots of the real windows for the guide and the README: `python scripts/screenshots.py`.

Runs itself under Xvfb (`xvfb-run`) once per screen, 1366 × 768 and 1024 × 768, the screens
of town halls, and writes `NAME-1366.png` into `resources/guide/images/` (shown by the guide,
so shipped) and `NAME-1024.png` into `docs/screenshots/` (or both into DIR if given): the
empty home with its welcome panel, the home list, the new-assessment dialog, a question,
the results and a question opened from them, the action plan followed up after validation,
the decision and the warning at validation, the report window (supplier questions,
preview) and the territory window. The windows take the size they would take on that
screen. Images are saved in 256 colours without dithering, at the strongest compression:
the guide ships them.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCREENS = ((1366, 768), (1024, 768))


def run_children(script: str, folder_for: Callable[[int], Path]) -> int:
    """Run `script` again under Xvfb once per screen, writing into `folder_for(width)`."""
    if shutil.which("xvfb-run") is None:
        sys.exit("xvfb-run est introuvable : apt-get install -y xvfb")
    for width, height in SCREENS:
        env = {**os.environ, "EVALIR_SCREENSHOTS_CHILD": str(width), "QT_QPA_PLATFORM": "xcb"}
        screen = f"-screen 0 {width}x{height}x24 -dpi 96"
        command = ["xvfb-run", "-a", "-s", screen, sys.executable, script, str(folder_for(width))]
        if subprocess.call(command, env=env) != 0:
            return 1
    return 0


def run_script(
    script: str, capture: Callable[[Path, str], None], folder_for: Callable[[int], Path]
) -> int:
    """The main of a screenshot script: start one child per screen, or, in a child, capture
    into the folder it was given."""
    child = os.environ.get("EVALIR_SCREENSHOTS_CHILD")
    if not child:
        return run_children(script, folder_for)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    capture(out, child)
    return 0


def captured_application(work: Path):
    """The application of a capture, prepared as the program prepares its own, with its
    settings and standard folders kept away from the user's."""
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from evalir_desktop.ui.application import prepare_application

    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("EVALIR-captures")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(work / "settings"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    app = QApplication(sys.argv[:1])
    prepare_application(app)
    return app


class Camera:
    def __init__(self, app, out: Path, suffix: str):
        self.app, self.out, self.suffix = app, out, suffix

    def settle(self) -> None:
        for _ in range(30):
            self.app.processEvents()

    def shot(self, widget, name: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage

        self.settle()
        path = self.out / f"{name}-{self.suffix}.png"
        image = widget.grab().toImage().convertToFormat(QImage.Format_Indexed8, Qt.ThresholdDither)
        image.save(str(path), None, 0)  # quality 0: the strongest PNG compression
        print(path)

    def wait(self, milliseconds: int) -> None:
        """Let threads and timers finish (the PDF preview renders its pages in a thread)."""
        import time

        end = time.monotonic() + milliseconds / 1000
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)


def capture(out: Path, suffix: str) -> None:
    from evalir_desktop.content import load_content
    from evalir_desktop.example import write_example
    from evalir_desktop.ui.dialogs.new_assessment import NewAssessmentDialog
    from evalir_desktop.ui.main_window import MainWindow
    from evalir_desktop.ui.territory.window import TerritoryWindow
    from tests.synthetic import generate_towns

    work = Path(tempfile.mkdtemp(prefix="evalir-captures-"))
    app = captured_application(work)
    camera = Camera(app, out, suffix)
    content = load_content()

    window = MainWindow()
    window.show()
    window.open_path(work / "Mairie de Saint-Martin" / "évaluations IA.evalir", create=True)
    camera.shot(window, "accueil-vide")

    window.open_path(write_example(work / "exemple", content), readonly=True)
    camera.settle()
    while not window.home.assessments.summaries_done():
        camera.settle()
    camera.shot(window, "accueil-liste")
    dialog = NewAssessmentDialog(content, window)
    dialog.template.setCurrentIndex(1)
    dialog.show()
    camera.shot(dialog, "nouvelle-evaluation")
    dialog.close()

    assessment_id = window.store.assessments.all()[0].id
    window.open_assessment(assessment_id)
    view = window.assessment_view
    view.go_to_step("gouvernance")
    page = view.step_pages["gouvernance"]
    card = page.cards["gouvernance.validation_humaine"]
    card.help_button.click()
    camera.settle()
    page.verticalScrollBar().setValue(card.y() - 8)
    camera.shot(window, "question")
    view.go_to_step("resultats")
    camera.shot(window, "resultats")
    results = view.pages[view.stack.currentIndex()]
    results.verticalScrollBar().setValue(results.radar.parentWidget().y())
    camera.shot(window, "resultats-radar")
    view.go_to_step("decision")
    camera.shot(window, "decision")
    follow_up(camera, window, content, work)
    window.close()

    files = generate_towns(work / "communes", 6, assessments=2, seed=3)
    territory = TerritoryWindow(work / "Territoire.evalir", content)
    territory.show()
    territory.start([Path(path) for path in files])
    while territory.busy:
        camera.settle()
    camera.shot(territory, "territoire")
    territory.close()
    shutil.rmtree(work, ignore_errors=True)


def follow_up(camera, window, content, work: Path) -> None:
    """On a copy of the example: the plan followed up after validation, a question opened
    from the results, the warning when validating a new version, the report window."""
    from evalir_desktop.report.controller import ReportController
    from evalir_desktop.session.versions import new_version
    from evalir_desktop.ui.report.dialog import KINDS, ReportDialog

    copy = window.store.save_copy_as(work / "Mairie de Saint-Martin" / "exemple suivi.evalir")
    window.open_path(copy)
    validated = window.store.assessments.all()[0].id
    window.open_assessment(validated)
    view = window.assessment_view
    view.go_to_step("plan")
    plan = view.pages[view.current()]
    plan.table.selectRow(next(i for i, a in enumerate(plan.actions) if a.recommendation_id))
    camera.shot(window, "plan-action")
    view.go_to_step("resultats")
    results = view.pages[view.current()]
    link = next(link for qid, link in results.trigger_buttons if qid.startswith("gouvernance"))
    link.clicked.emit()
    camera.shot(window, "resultats-question")

    record = new_version(window.store, validated)
    window.open_assessment(record.id)
    view = window.assessment_view
    view.go_to_step("decision")
    decision = view.pages[view.current()]
    for edit, text in (
        (decision.validated_by, "Hélène Dupré"),
        (decision.validated_role, "Secrétaire générale de mairie"),
    ):
        edit.setText(text)
    box, _confirm = decision.validation_box()
    box.show()
    camera.shot(box, "validation")
    box.close()

    dialog = ReportDialog(ReportController(window.store, content, validated), "fournisseur", window)
    dialog.show()
    dialog.wait()
    camera.wait(800)
    camera.shot(dialog, "rapport-fournisseur")
    dialog.kind.setCurrentIndex(KINDS.index("complet"))
    dialog.wait()
    camera.wait(800)
    dialog.preview.go_to(2)
    camera.wait(800)
    camera.shot(dialog, "rapport-apercu")
    dialog.close()


def main() -> int:
    given = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    return run_script(
        __file__,
        capture,
        lambda width: (
            given or ROOT / ("resources/guide/images" if width == 1366 else "docs/screenshots")
        ),
    )


if __name__ == "__main__":
    sys.exit(main())
