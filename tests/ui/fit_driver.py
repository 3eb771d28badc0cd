"""Child process of the fit test: open every window, page and dialog, print what does not fit.

Run as `python -m tests.ui.fit_driver` with QT_QPA_PLATFORM=offscreen:configfile=… giving the
screen size, and QT_SCALE_FACTOR for the scaling; prints one JSON list of problems.
"""

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QWidget

from evalir_desktop.content import load_content
from evalir_desktop.example import write_example
from evalir_desktop.ui.application import prepare_application
from tests.ui.fit_check import window_problems


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


class Checker:
    def __init__(self, app: QApplication):
        self.app = app
        self.problems: list[str] = []
        self.checked: list[str] = []

    def check(self, where: str, window: QWidget) -> None:
        settle(self.app)
        self.checked.append(where)
        self.problems += [f"{where}: {problem}" for problem in window_problems(window)]

    def dialog(self, where: str, dialog: QWidget) -> None:
        dialog.show()
        self.check(where, dialog)
        dialog.close()


def assessment_pages(checker: Checker, window, label: str) -> None:
    for assessment_id in [record.id for record in window.store.assessments.all()]:
        window.open_assessment(assessment_id)
        view = window.assessment_view
        for index, step in enumerate(view.steps):
            view.go_to(index)
            checker.check(f"{label}, étape {step.id}", window)


def editable_pages(checker: Checker, window, work: Path, content) -> None:
    """A copy of the example, with a new version in progress: every button of every page."""
    from evalir_desktop.session.plan import add_recommended_actions
    from evalir_desktop.session.session import AssessmentSession
    from evalir_desktop.session.versions import new_version

    copy = window.store.save_copy_as(work / "copie de l'exemple.evalir")
    window.open_path(copy)
    record = new_version(window.store, window.store.assessments.all()[0].id)
    session = AssessmentSession(window.store, content, record.id)
    window.store.plan.add_action(record.id, "Action ajoutée " * 30)
    add_recommended_actions(window.store, record.id, session.evaluation)
    window.open_assessment(record.id)
    view = window.assessment_view
    for index, step in enumerate(view.steps):
        view.go_to(index)
        checker.check(f"nouvelle version, étape {step.id}", window)
    plan = view.pages[[step.id for step in view.steps].index("plan")]
    view.go_to_step("plan")
    plan.table.selectRow(0)
    checker.check("nouvelle version, plan, action longue sélectionnée", window)


def report_window(checker: Checker, window, content, assessment_id: str) -> None:
    """The report window on every document, once it is built."""
    from evalir_desktop.report.controller import ReportController
    from evalir_desktop.ui.report.dialog import KINDS, ReportDialog

    dialog = ReportDialog(ReportController(window.store, content, assessment_id), "complet", window)
    dialog.show()
    for index, kind in enumerate(KINDS):
        dialog.kind.setCurrentIndex(index)
        dialog.wait()
        checker.check(f"rapport, {kind}", dialog)
    dialog.close()


def main_window(checker: Checker, work: Path, content) -> None:
    from evalir_desktop.ui.assessment.comparison import ComparisonDialog
    from evalir_desktop.ui.dialogs.about import AboutDialog
    from evalir_desktop.ui.dialogs.new_assessment import NewAssessmentDialog
    from evalir_desktop.ui.dialogs.trash import TrashDialog
    from evalir_desktop.ui.help.guide_dialog import GuideDialog
    from evalir_desktop.ui.help.shortcuts import ShortcutsDialog
    from evalir_desktop.ui.main_window import MainWindow
    from evalir_desktop.ui.territory.share_dialog import ShareDialog

    window = MainWindow()
    window.show()
    window.open_path(work / "vide.evalir", create=True)
    checker.check("accueil d'un fichier vide", window)
    window.home.commune_form.edits["insee"].setText("123")
    window.home.commune_form.field_finished("insee")
    checker.check("profil avec une erreur", window)
    window.home.commune_form.edits["insee"].clear()  # else leaving asks to correct it
    window.home.commune_form.touched.clear()
    example = write_example(work / "exemple", content)
    window.open_path(example)
    checker.check("accueil", window)
    assessment_pages(checker, window, "exemple validé")
    assessment_id = window.store.assessments.all()[0].id
    editable_pages(checker, window, work, content)
    window.open_path(example)
    checker.dialog("nouvelle évaluation", NewAssessmentDialog(content, window))
    dialog = NewAssessmentDialog(content, window)
    dialog.show()
    for template in content.templates:  # chosen one after the other, as an agent would
        dialog.template.setCurrentIndex(dialog.template.findData(template.id))
        checker.check(f"nouvelle évaluation, modèle {template.id}", dialog)
    dialog.close()
    dossier_dialog(checker, window, content, assessment_id, work)
    checker.dialog("corbeille", TrashDialog(window.store, window))
    checker.dialog("à propos", AboutDialog(window))
    checker.dialog("guide", GuideDialog(window))
    checker.dialog("raccourcis", ShortcutsDialog(window))
    checker.dialog("envoi", ShareDialog(window.store, window))
    checker.dialog("comparaison", ComparisonDialog(window.store, content, assessment_id, window))
    report_window(checker, window, content, assessment_id)
    dossier(checker, window, assessment_id)
    window.close()


def dossier_dialog(checker: Checker, window, content, assessment_id: str, work: Path) -> None:
    """The new-assessment dialog once a product dossier is chosen (its summary shown)."""
    from evalir_desktop.territory.dossiers import write_product_dossier
    from evalir_desktop.ui.dialogs.new_assessment import NewAssessmentDialog

    path, _ = write_product_dossier(window.store, content, assessment_id, work)
    dialog = NewAssessmentDialog(content, window)
    dialog.show()
    dialog.use_dossier_file(path)
    checker.check("nouvelle évaluation depuis un dossier de produit", dialog)
    dialog.close()


def dossier(checker: Checker, window, assessment_id: str) -> None:
    """A question's attachments opened, and the dialogs of the dossier."""
    from evalir_desktop.ui.assessment.attachments_panel import AttachmentsDialog
    from evalir_desktop.ui.assessment.review_panel import OpinionDialog
    from evalir_desktop.ui.home.literacy import LiteracyDialog, TrainingDialog

    window.open_assessment(assessment_id)
    view = window.assessment_view
    view.go_to_step("donnees")
    card = next(iter(view.step_pages["donnees"].cards.values()))
    card.attachments_button.click()
    checker.check("pièces jointes d'une question", window)
    checker.dialog("pièces jointes", AttachmentsDialog(window.store, assessment_id, str, window))
    checker.dialog("avis", OpinionDialog(view.session, "donnees", "Données", window))
    checker.dialog("formation à l'IA", LiteracyDialog(window.store, window))
    checker.dialog("une formation", TrainingDialog(window.store, None, window))


def territory_window(checker: Checker, work: Path, content) -> None:
    from evalir_desktop.ui.territory.window import TerritoryWindow
    from tests.synthetic import generate_towns

    folder = work / "communes"
    files = generate_towns(folder, 4, assessments=2, seed=5)
    window = TerritoryWindow(work / "territoire.evalir", content)
    window.show()
    window.start([Path(path) for path in files])
    while window.busy:
        settle(checker.app)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        checker.check(f"territoire, onglet {window.tabs.tabText(index)}", window)
    town = window.drill.open_assessment(window.view.rows[0].assessment_id)
    for index, step in enumerate(town.view.steps):
        town.view.go_to(index)
        checker.check(f"évaluation ouverte depuis le territoire, étape {step.id}", town)
    town.close()
    window.close()


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="evalir-fit-"))
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("EVALIR-fit")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(work / "settings"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    app = QApplication(sys.argv[:1])
    prepare_application(app)
    content = load_content()
    checker = Checker(app)
    main_window(checker, work, content)
    territory_window(checker, work, content)
    print(
        json.dumps({"checked": checker.checked, "problems": checker.problems}, ensure_ascii=False)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
