"""Small builders shared by the content and assessment tests."""

from evalir_desktop.domain.answers import UNKNOWN_TOKEN, Answer
from evalir_desktop.domain.commune import Commune

# The facts of a town chatbot answering inhabitants on the website and the phone.
CHATBOT_CONTEXT = {
    "contexte.utilisateurs": ["habitants", "agents"],
    "contexte.systeme_ia": "oui",
    "contexte.type_ia": ["texte_generatif", "voix"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.interaction_habitants": "oui",
    "contexte.canaux": ["site_web", "telephone"],
    "contexte.decision_individuelle": "aucune",
    "contexte.donnees_personnelles": "oui",
    "contexte.domaine_sensible": ["aucun_domaine"],
    "contexte.pratiques_interdites": ["aucune_pratique"],
}


def answers(values: dict) -> dict[str, Answer]:
    """Build answers from plain values; the string "inconnu" means "Je ne sais pas"."""
    return {
        qid: Answer(unknown=True) if value == UNKNOWN_TOKEN else Answer(value=value)
        for qid, value in values.items()
    }


def town(**fields) -> Commune:
    base = {
        "nom": "Montbrison",
        "insee": "42147",
        "population": 2000,
        "agents_etp": 20,
        "dpd_designe": "oui",
    }
    return Commune(**{**base, **fields})
