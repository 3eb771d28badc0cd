"""Two towns of one intercommunality: Écotay-l'Olme assessed a chatbot, Saint-Just has not.

Fixtures imported by the tests that need them (product, territory and window tests)."""

from pathlib import Path

import pytest

from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.store import Store
from tests.factories import make_commune

# Answers about the tool (product questions), as Écotay gave them.
PRODUCT_ANSWERS = {
    "contexte.systeme_ia": "oui",
    "contexte.type_ia": ["texte_generatif", "voix"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.fournisseur_nom": "Docaposte — agent d'accueil « Léa »",
    "contexte.hebergement": "prestataire_ue",
    "contexte.biometrie": "non",
    "contexte.profilage": "non",
    "contexte.pratiques_interdites": ["aucune_pratique"],
    "contexte.actions_automatiques": "non",
    "donnees.reutilisation_fournisseur": "interdit",
    "donnees.restitution": "contrat",
    "securite.lois_extra_ue": "non",
    "securite.protection_detournement": "non_testees",
    "frugalite.empreinte": "vague",
}
# Écotay's own answers: they must never leave the town through a dossier.
TOWN_ANSWERS = {
    "contexte.utilisateurs": ["habitants", "agents"],
    "contexte.interaction_habitants": "oui",
    "contexte.canaux": ["site_web", "telephone"],
    "contexte.donnees_personnelles": "oui",
    "contexte.domaine_sensible": ["aucun_domaine"],
    "gouvernance.elu_referent": "oui",
    "gouvernance.validation_humaine": "examen",
    "competences.formation_agents": "certains",
    "besoin.probleme": "Le standard est saturé le lundi matin.",
}
COMMENTED = "donnees.reutilisation_fournisseur"
COMMENT = "Article 7 du contrat."


@pytest.fixture(scope="session")
def content():
    return load_content()


@pytest.fixture
def town_a(tmp_path, content) -> dict:
    """Écotay-l'Olme's file with a chatbot assessment (product, town and unknown answers)."""
    path = tmp_path / "Écotay" / "écotay.evalir"
    path.parent.mkdir()
    with Store.create(path, who="Hélène Lefèvre") as store:
        store.town.save_commune(
            make_commune(nom="Écotay-l'Olme", insee="42087", epci_nom="Loire Forez")
        )
        record = store.assessments.create(
            "Agent conversationnel de l'accueil",
            content_id=content.id,
            content_version=content.version,
            supplier="Docaposte",
            ai_type="texte_generatif",
            description="Répond aux questions des habitants sur le site et au téléphone.",
        )
        for question_id, value in {**PRODUCT_ANSWERS, **TOWN_ANSWERS}.items():
            comment = COMMENT if question_id == COMMENTED else ""
            store.answers.save(record.id, question_id, Answer(value=value, comment=comment))
        store.answers.save(record.id, "inclusion.rgaa", Answer(unknown=True))
    return {"path": path, "id": record.id}


@pytest.fixture
def town_b(tmp_path) -> Path:
    path = tmp_path / "Saint-Just" / "saint-just.evalir"
    path.parent.mkdir()
    with Store.create(path, who="Paul Martin") as store:
        store.town.save_commune(make_commune(nom="Saint-Just", insee="42218"))
    return path
