"""The territory lists each product with the towns that use it and whether a shared dossier
exists, writes one from the most complete assessment, and remembers it."""

import pytest

from evalir_desktop.domain.answers import Answer
from evalir_desktop.product.dossier import read_dossier
from evalir_desktop.product.starting import start_from_dossier
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store
from evalir_desktop.territory.dossiers import write_product_dossier
from evalir_desktop.territory.drilldown import assessments_behind
from evalir_desktop.territory.importing import consolidate, open_territory
from evalir_desktop.territory.overview import territory_view
from tests.factories import make_commune
from tests.product.towns import PRODUCT_ANSWERS


@pytest.fixture
def territory(town_a, town_b, content, tmp_path):
    """Écotay wrote the chatbot's dossier, Saint-Just reused it, Cherier answered little."""
    with Store.open(town_a["path"]) as store:
        dossier_path, _ = write_product_dossier(store, content, town_a["id"], tmp_path)
    with Store.open(town_b) as store:
        start_from_dossier(store, content, read_dossier(dossier_path), "Accueil téléphonique")
    third = tmp_path / "cherier.evalir"
    with Store.create(third) as store:
        store.town.save_commune(make_commune(nom="Cherier", insee="42059"))
        record = store.assessments.create(
            "Agent d'accueil",
            content_id=content.id,
            content_version=content.version,
            supplier="DOCAPOSTE",
            ai_type="texte_generatif",
        )
        store.answers.save(record.id, "contexte.hebergement", Answer(value="hors_ue"))
    path = tmp_path / "territoire.evalir"
    consolidate(path, [town_a["path"], town_b, third])
    return {"path": path, "a": town_a["id"], "third": record.id, "folder": tmp_path}


def the_product(path, content):
    with Store.open(path, readonly=True) as store:
        view = territory_view(store, content)
    assert len(view.products) == 1
    return view, view.products[0]


def test_a_product_lists_its_towns_and_the_dossier_reused(territory, content):
    view, product = the_product(territory["path"], content)
    assert product.supplier == "Docaposte"
    assert [town.nom for town in product.towns] == ["Cherier", "Écotay-l'Olme", "Saint-Just"]
    assert product.name == PRODUCT_ANSWERS["contexte.fournisseur_nom"]
    assert product.has_dossier
    assert (
        "dossier d'Écotay-l'Olme" in product.dossier and "repris par une commune" in product.dossier
    )
    assert product.best.town.nom == "Écotay-l'Olme"
    assert product.best.product_answers == len(PRODUCT_ANSWERS)
    behind = assessments_behind(view, "product", product.key)
    assert {row.commune for row in behind} == {"Cherier", "Écotay-l'Olme", "Saint-Just"}


def test_the_territory_writes_the_dossier_of_the_most_complete_assessment_and_remembers_it(
    territory, content
):
    _, product = the_product(territory["path"], content)
    out = territory["folder"] / "pour les communes"
    out.mkdir()
    with open_territory(territory["path"]) as store:
        path, dossier = write_product_dossier(store, content, product.best.assessment_id, out)
    assert path.parent == out and dossier.source.commune == "Écotay-l'Olme"
    assert len(dossier.answers) == len(PRODUCT_ANSWERS)
    _, product = the_product(territory["path"], content)
    assert "écrit par l'intercommunalité le" in product.dossier


def test_a_product_without_a_dossier_says_so(tmp_path, content):
    path = tmp_path / "c.evalir"
    with Store.create(path) as store:
        store.town.save_commune(make_commune(nom="Cherier", insee="42059"))
        store.assessments.create("X", content_id="c", content_version="v", supplier="Ségilog")
    with Store.open(path) as store:
        copy = share(store, tmp_path / "envoi.evalir").path
    territory = tmp_path / "t.evalir"
    consolidate(territory, [copy])
    _, product = the_product(territory, content)
    assert product.dossier == "Aucun dossier partagé" and not product.has_dossier
    assert product.best is None
