"""Double-clicking a town or a project in any territory table opens that town's assessment
read-only (results, answers, plan, decision) with its report; the territory window keeps
its place. The products tab writes a shared dossier from the most complete assessment."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.store import Store
from evalir_desktop.territory.importing import consolidate
from evalir_desktop.ui.territory.town_window import TownAssessmentWindow
from evalir_desktop.ui.territory.window import TerritoryWindow
from tests.content.helpers import CHATBOT_CONTEXT, answers
from tests.factories import make_commune


def town(folder, nom, insee, titles):
    content = load_content()
    with Store.create(folder / f"{nom}.evalir", who="Agent") as store:
        store.town.save_commune(make_commune(nom=nom, insee=insee))
        for title in titles:
            record = store.assessments.create(
                title,
                content_id=content.id,
                content_version=content.version,
                supplier="Docaposte",
                ai_type="texte_generatif",
            )
            for question_id, answer in answers(CHATBOT_CONTEXT).items():
                store.answers.save(record.id, question_id, answer)
            store.answers.save(record.id, "contexte.hebergement", Answer(value="hors_ue"))
            store.answers.save(record.id, "gouvernance.elu_referent", Answer(unknown=True))
            store.plan.add_action(record.id, "Relire le contrat", owner="DGS")
        store.plan.save_decision(
            DecisionRecord(assessment_id=record.id, outcome="reporter", text="À revoir")
        )


@pytest.fixture
def window(qtbot, tmp_path):
    folder = tmp_path / "reçus"
    folder.mkdir()
    town(folder, "Écotay-l'Olme", "42087", ["Agent d'accueil"])
    town(folder, "Cherier", "42059", ["Standard", "Courrier"])
    path = tmp_path / "territoire.evalir"
    consolidate(path, [folder])
    territory = TerritoryWindow(path)
    qtbot.addWidget(territory)
    territory.show()
    qtbot.waitUntil(lambda: territory.view is not None and not territory.busy, timeout=60_000)
    return territory


def double_click(qtbot, table, row: int, column: int = 0) -> None:
    index = table.model().index(row, column)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())


def opened(window) -> TownAssessmentWindow:
    assert len(window.drill.opened) == 1
    return window.drill.opened[-1]


def test_a_project_opens_read_only_and_the_territory_keeps_its_place(qtbot, window):
    window.tabs.setCurrentIndex(0)
    table = window.rows_view
    row = next(
        r
        for r in range(window.rows_model.rowCount())
        if window.rows_model.item(r, 1).text() == "Courrier"
    )
    table.selectRow(row)
    double_click(qtbot, table, row, 1)
    town_window = opened(window)
    qtbot.waitUntil(town_window.isVisible)
    view = town_window.view
    assert view.record.title == "Courrier" and view.session.commune.nom == "Cherier"
    assert town_window.store.readonly
    card = view.step_pages["contexte"].cards["contexte.hebergement"]
    assert not card.editor.isEnabled() and not card.unknown.isEnabled()
    view.go_to_step("plan")
    plan = view.pages[[s.id for s in view.steps].index("plan")]
    assert not plan.add_button.isEnabled()
    view.go_to_step("decision")
    decision = view.pages[[s.id for s in view.steps].index("decision")]
    assert decision.text.isReadOnly() and decision.text.toPlainText() == "À revoir"
    report = town_window.open_report()
    qtbot.waitUntil(lambda: report.pdf is not None, timeout=60_000)
    assert report.pdf.startswith(b"%PDF")
    report.close()
    town_window.close()
    qtbot.waitUntil(lambda: not window.drill.opened)
    assert window.tabs.currentIndex() == 0 and table.currentIndex().row() == row
    with Store.open(window.path, readonly=True) as store:
        assert store.plan.decision(view.assessment_id).text == "À revoir"


@pytest.mark.parametrize(
    ("tab", "attribute", "row"),
    [
        ("Obligations", "obligations_view", 0),
        ("Maturité par axe", "maturity_view", 1),
        ("« Je ne sais pas » fréquents", "unknowns_view", 0),
        ("Produits et dossiers partagés", "products_table", 0),
    ],
)
def test_every_table_leads_to_an_assessment(qtbot, window, monkeypatch, tab, attribute, row):
    asked = {}

    def pick(parent, title, label, items, current, editable):
        asked["items"] = items
        return items[-1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    table = getattr(window, attribute, None) or window.products_tab.table
    window.tabs.setCurrentIndex(
        [window.tabs.tabText(i) for i in range(window.tabs.count())].index(tab)
    )
    double_click(qtbot, table, row)
    town_window = opened(window)
    assert town_window.store.readonly
    if "items" in asked:
        assert all(" — " in item for item in asked["items"])
        assert town_window.view.record.title in asked["items"][-1]


def test_a_mutualisation_town_lists_once_and_opens_its_projects(qtbot, window, monkeypatch):
    tree = window.groups_tree
    supplier = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if "Docaposte" in tree.topLevelItem(i).text(0)
    )
    assert supplier.childCount() == int(supplier.text(1)) == 2
    cherier = next(
        supplier.child(i) for i in range(2) if supplier.child(i).text(0).startswith("Cherier")
    )
    town, projects = cherier.text(0).split(" — ")
    assert town == "Cherier" and set(projects.split("\u202f; ")) == {"Standard", "Courrier"}
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: (a[3][0], True))
    tree.itemActivated.emit(cherier, 0)
    assert opened(window).view.session.commune.nom == "Cherier"


def test_the_products_tab_writes_the_dossier_and_then_says_it_exists(
    qtbot, window, tmp_path, monkeypatch
):
    tab = window.products_tab
    assert tab.model.rowCount() == 1
    assert tab.model.item(0, 2).text() == "Aucun dossier partagé"
    tab.table.selectRow(0)
    assert tab.write_button.isEnabled()
    target = tmp_path / "dossier docaposte"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    qtbot.mouseClick(tab.write_button, Qt.LeftButton)
    assert target.with_name("dossier docaposte.evalir-produit").exists()
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    qtbot.waitUntil(lambda: tab.model.item(0, 2).text().startswith("Oui"))
    assert "écrit par l'intercommunalité" in tab.model.item(0, 2).text()
