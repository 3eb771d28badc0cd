"""Through the window: a town starts an assessment from another town's product dossier;
each reused answer carries its mark on screen and in the report, and stays editable."""

from PySide6.QtCore import Qt

from evalir_desktop.product.building import build_dossier
from evalir_desktop.product.dossier import write_dossier
from evalir_desktop.report.data import report_data
from evalir_desktop.report.full import full_report
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store
from evalir_desktop.ui.territory.menu import write_product_dossier
from tests.product.towns import PRODUCT_ANSWERS
from tests.report.pdftext import body_text
from tests.ui.helpers import choose, open_window, when_dialog_opens


def dossier_file(town_a, content, folder):
    with Store.open(town_a["path"], readonly=True) as store:
        dossier = build_dossier(AssessmentSession(store, content, town_a["id"]))
    return write_dossier(dossier, folder / "dossier")


def test_a_new_assessment_from_a_dossier_shows_each_reused_answer_marked_and_editable(
    qtbot, town_a, town_b, content, tmp_path
):
    path = dossier_file(town_a, content, tmp_path)
    window = open_window(qtbot, town_b, create=False)
    seen = {}

    def fill(dialog) -> None:
        assert dialog.use_dossier_file(path)
        seen["text"] = dialog.dossier_text.text()
        seen["template_enabled"] = dialog.template.isEnabled()
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(window.home.new_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.assessment_view is not None)
    view = window.assessment_view
    assert "Écotay-l'Olme" in seen["text"] and not seen["template_enabled"]
    assert f"{len(PRODUCT_ANSWERS)} réponses sur l'outil seront reprises" in seen["text"]
    assert view.origin_banner.isVisibleTo(view)
    assert "dossier d'Écotay-l'Olme" in view.origin_banner.text()
    context = view.step_pages["contexte"]
    hosting = context.cards["contexte.hebergement"]
    assert hosting.origin.isVisibleTo(hosting)
    assert hosting.origin.text().startswith("Repris du dossier d'Écotay-l'Olme")
    assert not context.cards["contexte.utilisateurs"].origin.isVisibleTo(context)
    assert hosting.editor.isEnabled()
    choose(hosting, "hors_ue")
    assert not hosting.origin.isVisibleTo(hosting)
    assert context.cards["contexte.biometrie"].origin.isVisibleTo(context)

    with Store.open(town_b, readonly=True) as store:
        data = report_data(store, view.assessment_id, content)
        text = body_text(full_report(data))
    assert text.count("Repris du dossier d'Écotay-l'Olme") == len(PRODUCT_ANSWERS) - 1


def test_a_refused_dossier_is_said_in_the_dialog(qtbot, town_b, tmp_path):
    bad = tmp_path / "faux.evalir-produit"
    bad.write_text('{"format": "autre"}', encoding="utf-8")
    window = open_window(qtbot, town_b, create=False)
    seen = {}

    def fill(dialog) -> None:
        seen["used"] = dialog.use_dossier_file(bad)
        seen["error"] = dialog.error.text()
        dialog.reject()

    when_dialog_opens(fill)
    qtbot.mouseClick(window.home.new_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "error" in seen)
    assert seen["used"] is False
    assert "n'est pas un dossier de produit EVALIR" in seen["error"]


def test_the_menu_writes_the_dossier_of_the_assessment_on_screen(
    qtbot, town_a, content, tmp_path, monkeypatch
):
    target = tmp_path / "pour les communes" / "accueil"
    target.parent.mkdir()
    monkeypatch.setattr(
        "evalir_desktop.ui.widgets.save_target.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    told = {}
    monkeypatch.setattr(
        "evalir_desktop.ui.dialogs.product_dossier.QMessageBox.information",
        lambda parent, title, text: told.setdefault("text", text),
    )
    window = open_window(qtbot, town_a["path"], create=False)
    window.open_assessment(town_a["id"])
    write_product_dossier(window)
    written = target.with_name("accueil.evalir-produit")
    assert written.exists()
    assert f"{len(PRODUCT_ANSWERS)} réponses sur l'outil" in told["text"]
