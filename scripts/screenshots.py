"""Screenshots of the real window on the demo file: `python scripts/screenshots.py [DIR] [SCALE]`.

Runs itself under Xvfb (`xvfb-run`) when no display is available, at 1024 × 700 — the
smallest screen the program supports — and writes PNGs of the home screen, a question
step, the results and the action plan into `docs/screenshots/` (or DIR). SCALE (e.g. 1.5)
enlarges the fonts as a system setting of 150 % would, to check the layout holds.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZE = (1024, 700)


def ensure_display() -> None:
    if os.environ.get("DISPLAY") or os.environ.get("EVALIR_SCREENSHOTS_CHILD"):
        return
    if shutil.which("xvfb-run") is None:
        sys.exit("xvfb-run est introuvable : apt-get install -y xvfb")
    env = {**os.environ, "EVALIR_SCREENSHOTS_CHILD": "1", "QT_QPA_PLATFORM": "xcb"}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -dpi 96", sys.executable]
    sys.exit(subprocess.call([*command, *sys.argv], env=env))


def main() -> int:
    ensure_display()
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from evalir_desktop.ui.main_window import MainWindow
    from evalir_desktop.ui.translations import install_translators
    from scripts.demo_report import make_demo

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="evalir-captures-"))
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("EVALIR-captures")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(work / "settings"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    app = QApplication(sys.argv[:1])
    install_translators(app)
    if len(sys.argv) > 2:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * float(sys.argv[2]))
        app.setFont(font)
    path = work / "Mairie de Saint-Martin" / "évaluations IA.evalir"
    path.parent.mkdir(parents=True)
    assessment_id = make_demo(path)

    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.open_path(path)

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(out / name))
        print(out / name)

    settle()
    while not window.home.assessments.summaries_done():
        settle()
    shot("ecran-accueil.png")

    window.open_assessment(assessment_id)
    view = window.assessment_view
    view.go_to_step("gouvernance")
    page = view.step_pages["gouvernance"]
    card = page.cards["gouvernance.validation_humaine"]
    card.help_button.click()
    settle()
    page.ensureWidgetVisible(card.help)
    page.verticalScrollBar().setValue(card.y() - 8)
    shot("ecran-question.png")

    view.go_to_step("resultats")
    shot("ecran-resultats.png")
    results = view.pages[view.stack.currentIndex()]
    results.verticalScrollBar().setValue(results.radar.parentWidget().y())
    shot("ecran-resultats-radar.png")

    view.go_to_step("plan")
    shot("ecran-plan-action.png")
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
