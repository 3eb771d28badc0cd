"""The window: the account of a questionnaire update, dates of the obligations, the method."""

import shutil
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel

from evalir_desktop.store import Store
from tests.ui.helpers import open_window
from tests.ui.test_undo_trash_versions import open_assessment

FIXTURE = Path(__file__).parents[1] / "fixtures" / "content-2026.11.1.evalir"


def _fixture(tmp_path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "Mairie de Lamballe é" / FIXTURE.name
    path.parent.mkdir()
    shutil.copy(FIXTURE, path)
    with Store.open(path, readonly=True) as store:
        return path, {record.title: record.id for record in store.assessments.all()}


def test_an_assessment_of_2026_11_1_opens_with_the_account_and_loses_no_answer(qtbot, tmp_path):
    path, ids = _fixture(tmp_path)
    with Store.open(path, readonly=True) as store:
        before = {aid: store.answers.of(aid) for aid in ids.values()}
    window = open_window(qtbot, path, create=False)
    view = open_assessment(qtbot, window, ids["Agent vocal du standard téléphonique"])
    assert view.version_banner.isVisible()
    text = view.version_banner.text()
    assert text.startswith(
        "Depuis la mise à jour du questionnaire (version 2026.11.1 → 2026.12.1)\u202f: "
        "1 obligation ajoutée, 2 questions nouvelles à répondre, 2 réponses à revoir."
    )
    assert "Transfert de données hors de l'Union européenne" in text
    assert "L'outil intervient-il dans l'un de ces domaines ?" in text
    # the retired « aucun » is not shown as an answer: the question is asked again
    card = view.step_pages["contexte"].cards["contexte.domaine_sensible"]
    assert not any(box.isChecked() for box in card.editor.boxes.values())
    assert view.answers["contexte.domaine_sensible"].comment == "Vérifié avec la DGS."
    window.close()
    with Store.open(path, readonly=True) as store:
        assert {aid: store.answers.of(aid) for aid in ids.values()} == before


def test_results_say_in_force_or_to_anticipate(qtbot, tmp_path):
    path, ids = _fixture(tmp_path)
    window = open_window(qtbot, path, create=False)
    view = open_assessment(qtbot, window, ids["Repérage des demandes d'aide atypiques"])
    view.go_to_step("resultats")
    results = view.pages[view.stack.currentIndex()]
    evaluation = view.session.evaluation
    for obligation in evaluation.obligations:
        box = results.obligation_boxes[obligation.id]
        texts = [label.text() for label in box.findChildren(QLabel)]
        assert obligation.deadline in texts, obligation.id
    high_risk = next(ob for ob in evaluation.obligations if ob.id == "aiact.haut_risque")
    if date.today() < date(2027, 12, 2):
        assert "à anticiper" in high_risk.deadline and not high_risk.in_force
    literacy = next(ob for ob in evaluation.obligations if ob.id == "aiact.maitrise_ia")
    assert literacy.deadline == "En vigueur depuis le 2 février 2025."


def test_the_help_menu_saves_the_method_as_a_pdf_and_opens_it(qtbot, tmp_path, monkeypatch):
    path, _ = _fixture(tmp_path)
    window = open_window(qtbot, path, create=False)
    target = tmp_path / "méthode"
    asked, opened = [], []

    def ask(parent, title, proposed, filters, **_options):
        asked.append(proposed)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.method_action.trigger()
    written = target.with_suffix(".pdf")
    assert asked == [str(path.parent / "EVALIR - méthode d'évaluation.pdf")]
    assert opened and opened[0].toLocalFile() == str(written)
    text = " ".join(page.extract_text() for page in PdfReader(written).pages)
    text = " ".join(text.replace("\u2019", "'").split())
    assert "Méthode d'évaluation d'EVALIR Desktop" in text
    assert "Pourquoi il n'y a pas de note globale" in text
