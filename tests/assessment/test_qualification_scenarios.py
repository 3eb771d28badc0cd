"""Table-driven qualification: each scenario asserts the exact set of obligation ids."""

import pytest

from evalir_desktop.assessment import evaluate
from evalir_desktop.content import load_content
from tests.content.helpers import CHATBOT_CONTEXT, answers, town

CONTENT = load_content()

CHATBOT = {
    **CHATBOT_CONTEXT,
    "conformite.criteres_aipd": ["innovation", "grande_echelle"],
    "inclusion.alternative_humaine": "oui",
}
CHATBOT_EXPECTED = {
    "aiact.maitrise_ia",
    "aiact.transparence_interaction",
    "rgpd.aipd",
    "rgpd.registre",
    "rgpd.sous_traitance",
    "rgaa.accessibilite",
}
TRANSCRIPTION = {
    "contexte.utilisateurs": ["agents", "elus"],
    "contexte.systeme_ia": "oui",
    "contexte.type_ia": ["voix", "texte_generatif"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.interaction_habitants": "non",
    "contexte.publication_contenus": "oui",
    "contexte.decision_individuelle": "aucune",
    "contexte.donnees_personnelles": "oui",
    "contexte.domaine_sensible": ["aucun_domaine"],
    "contexte.pratiques_interdites": ["aucune_pratique"],
    "conformite.criteres_aipd": "inconnu",
}
CAMERAS = {
    "contexte.utilisateurs": ["agents"],
    "contexte.systeme_ia": "oui",
    "contexte.type_ia": ["vision"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.decision_individuelle": "partielle",
    "contexte.donnees_personnelles": "oui",
    "contexte.cameras_voie_publique": "oui",
    "contexte.texte_autorisant": "non",
    "contexte.biometrie": "non",
    "contexte.domaine_sensible": ["aucun_domaine"],
    "contexte.pratiques_interdites": ["aucune_pratique"],
    "conformite.criteres_aipd": ["surveillance", "innovation"],
}
WATER = {
    "contexte.utilisateurs": ["agents"],
    "contexte.systeme_ia": "oui",
    "contexte.type_ia": ["prediction"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.decision_individuelle": "aucune",
    "contexte.donnees_personnelles": "non",
    "contexte.profilage": "non",
    "contexte.domaine_sensible": ["reseau_gestion"],
    "contexte.pratiques_interdites": ["aucune_pratique"],
}
TRIAGE = {
    "contexte.utilisateurs": ["agents"],
    "contexte.systeme_ia": "oui",
    "contexte.type_ia": ["classement"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.decision_individuelle": "partielle",
    "contexte.donnees_personnelles": "oui",
    "contexte.profilage": "non",
    "contexte.domaine_sensible": ["prestations"],
    "contexte.role_outil": "preparatoire",
    "contexte.pratiques_interdites": ["aucune_pratique"],
    "conformite.criteres_aipd": ["innovation", "grande_echelle"],
    "gouvernance.validation_humaine": "examen",
}
SPREADSHEET_DECISION = {
    "contexte.systeme_ia": "non",
    "contexte.decision_individuelle": "partielle",
    "contexte.donnees_personnelles": "non",
}
HIGH_RISK = {
    "aiact.haut_risque",
    "aiact.obligations_deployeur",
    "aiact.aiprd",
}

SCENARIOS = [
    # (name, answers, town profile fields or None for no profile, expected ids)
    ("blank, no profile", {}, None, set()),
    ("blank, town with a DPO", {}, {}, set()),
    ("DOMAIN 1: switchboard chatbot with disclosure", {**CHATBOT, "transparence.mention_ia": "oui"},
     {}, CHATBOT_EXPECTED),
    ("chatbot without disclosure", {**CHATBOT, "transparence.mention_ia": "non"}, {},
     CHATBOT_EXPECTED | {"transparence.ia_non_signalee"}),
    ("chatbot, disclosure unknown", {**CHATBOT, "transparence.mention_ia": "inconnu"}, {},
     CHATBOT_EXPECTED | {"transparence.ia_non_signalee"}),
    ("chatbot replacing the human channel",
     {**CHATBOT, "transparence.mention_ia": "oui", "inclusion.alternative_humaine": "non"}, {},
     CHATBOT_EXPECTED | {"canal_humain.absent"}),
    ("DOMAIN 2: minutes transcription, no editorial review yet", TRANSCRIPTION, {},
     {"aiact.maitrise_ia", "aiact.transparence_contenus", "rgpd.aipd", "rgpd.registre",
      "rgpd.sous_traitance"}),
    ("transcription reviewed by a person before publication",
     {**TRANSCRIPTION, "transparence.relecture_contenus": "toujours",
      "conformite.criteres_aipd": ["innovation"]}, {},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.sous_traitance"}),
    ("DOMAIN 3: illegal-dumping cameras on the public road", CAMERAS, {},
     {"cnil.cameras_voie_publique", "aiact.maitrise_ia", "crpa.mention_explicite",
      "crpa.publication_regles", "rgpd.aipd", "rgpd.registre", "rgpd.sous_traitance"}),
    ("cameras with real-time biometric identification",
     {**CAMERAS, "contexte.biometrie": "oui", "contexte.profilage": "oui",
      "contexte.domaine_sensible": ["biometrie_identification"],
      "contexte.role_outil": "influence",
      "contexte.pratiques_interdites": ["identification_temps_reel"]}, {},
     {"aiact.pratique_interdite", "cnil.cameras_voie_publique", "aiact.maitrise_ia",
      "crpa.mention_explicite", "crpa.publication_regles", "rgpd.aipd", "rgpd.registre",
      "rgpd.sous_traitance"} | HIGH_RISK),
    ("DOMAIN 4: water-leak prediction, no role in the network's safety: no noise", WATER, {},
     {"aiact.maitrise_ia"}),
    ("water network safety component: high risk, no FRIA",
     {**WATER, "contexte.domaine_sensible": ["reseau_securite"],
      "contexte.role_outil": "influence"},
     {}, {"aiact.maitrise_ia", "aiact.haut_risque", "aiact.obligations_deployeur"}),
    ("DOMAIN 5: triage of requests, preparatory task (Art. 6(3))", TRIAGE, {},
     {"aiact.maitrise_ia", "aiact.exemption_6_3", "crpa.mention_explicite",
      "crpa.publication_regles", "rgpd.aipd", "rgpd.registre", "rgpd.sous_traitance"}),
    ("triage that scores people for benefits: high risk",
     {**TRIAGE, "contexte.role_outil": "influence", "contexte.profilage": "oui"}, {},
     {"aiact.maitrise_ia", "crpa.mention_explicite", "crpa.publication_regles", "rgpd.aipd",
      "rgpd.registre", "rgpd.sous_traitance"} | HIGH_RISK),
    ("spreadsheet decision, 49 agents", SPREADSHEET_DECISION, {"agents_etp": 49},
     {"crpa.mention_explicite", "crpa.publication_regles"}),
    ("spreadsheet decision, 50 agents", SPREADSHEET_DECISION, {"agents_etp": 50},
     {"crpa.mention_explicite", "crpa.publication_regles"}),
    ("fully automated individual decision",
     {**SPREADSHEET_DECISION, "contexte.decision_individuelle": "totale"}, {},
     {"crpa.mention_explicite", "crpa.decision_entierement_automatisee",
      "crpa.publication_regles"}),
    ("fully automated decision on sensitive data",
     {"contexte.systeme_ia": "non", "contexte.decision_individuelle": "totale",
      "contexte.donnees_personnelles": "oui", "contexte.donnees_sensibles": "oui"}, {},
     {"crpa.mention_explicite", "crpa.decision_entierement_automatisee",
      "crpa.publication_regles", "rgpd.registre"}),
    ("human validation by a mere click",
     {**SPREADSHEET_DECISION, "gouvernance.validation_humaine": "clic"}, {},
     {"crpa.mention_explicite", "crpa.decision_entierement_automatisee",
      "crpa.publication_regles"}),
    ("no DPO in the town profile, blank assessment", {}, {"dpd_designe": "non"},
     {"rgpd.dpd_absent"}),
    ("no DPO stated in the assessment",
     {"contexte.donnees_personnelles": "oui", "conformite.dpd_consulte": "pas_de_dpd"}, {},
     {"rgpd.registre", "rgpd.dpd_absent"}),
    ("generative AI for communication, sometimes reviewed",
     {"contexte.systeme_ia": "oui", "contexte.publication_contenus": "oui",
      "contexte.donnees_personnelles": "non", "transparence.relecture_contenus": "parfois"}, {},
     {"aiact.maitrise_ia", "aiact.transparence_contenus"}),
    ("consumer online tool with residents' data hosted outside the EU",
     {"contexte.systeme_ia": "oui", "contexte.fournisseur": "grand_public",
      "contexte.hebergement": "hors_ue", "contexte.donnees_personnelles": "oui"}, {},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.outil_grand_public", "rgpd.transferts_hors_ue",
      "souverainete.lois_extra_ue"}),
    ("honest unknowns on the legal facts",
     {"contexte.systeme_ia": "inconnu", "contexte.domaine_sensible": "inconnu",
      "contexte.pratiques_interdites": "inconnu", "contexte.decision_individuelle": "inconnu"},
     {}, {"aiact.maitrise_ia", "aiact.haut_risque", "aiact.pratique_interdite",
          "crpa.mention_explicite"}),
    ("unknown facts are never read as harmless",
     {"contexte.systeme_ia": "oui", "contexte.type_ia": "inconnu",
      "contexte.cameras_voie_publique": "inconnu", "contexte.interaction_habitants": "inconnu",
      "contexte.publication_contenus": "inconnu", "contexte.donnees_personnelles": "inconnu"},
     {}, {"aiact.maitrise_ia", "cnil.cameras_voie_publique", "aiact.transparence_interaction",
          "aiact.transparence_contenus", "rgpd.registre"}),
    ("a case of the CNIL list alone requires a DPIA",
     {"contexte.systeme_ia": "non", "contexte.donnees_personnelles": "oui",
      "conformite.criteres_aipd": ["liste_cnil"]}, {},
     {"rgpd.aipd", "rgpd.registre"}),
    ("one EDPB criterion alone does not",
     {"contexte.systeme_ia": "non", "contexte.donnees_personnelles": "oui",
      "conformite.criteres_aipd": ["innovation"]}, {},
     {"rgpd.registre"}),
    ("answers of hidden questions are ignored",
     {"contexte.systeme_ia": "non", "contexte.domaine_sensible": ["prestations"],
      "contexte.interaction_habitants": "oui"}, {}, set()),
    ("cameras with an authorising text",
     {**CAMERAS, "contexte.texte_autorisant": "oui"}, {},
     {"cnil.cameras_voie_publique", "aiact.maitrise_ia", "crpa.mention_explicite",
      "crpa.publication_regles", "rgpd.aipd", "rgpd.registre", "rgpd.sous_traitance"}),
]  # fmt: skip


def _evaluate(values, profile):
    commune = None if profile is None else town(**profile)
    return evaluate(CONTENT, answers(values), commune)


@pytest.mark.parametrize(
    ("values", "profile", "expected"),
    [scenario[1:] for scenario in SCENARIOS],
    ids=[scenario[0] for scenario in SCENARIOS],
)
def test_exact_obligations(values, profile, expected):
    evaluation = _evaluate(values, profile)
    assert evaluation.obligation_ids() == expected
    for obligation in evaluation.obligations:
        assert obligation.triggers, obligation.id
        assert obligation.reference and obligation.explanation


def test_at_least_fifteen_scenarios():
    assert len(SCENARIOS) >= 15


def levels(values, profile=None) -> dict[str, str]:
    return {ob.id: ob.level for ob in _evaluate(values, profile or {}).obligations}


def test_levels_follow_the_law_and_the_town_profile():
    assert levels(SPREADSHEET_DECISION, {"agents_etp": 49})["crpa.publication_regles"] == (
        "recommandation"
    )
    assert levels(SPREADSHEET_DECISION, {"agents_etp": 50})["crpa.publication_regles"] == (
        "obligation"
    )
    over_3500 = {"agents_etp": 49, "population": 3501}
    assert levels(SPREADSHEET_DECISION, over_3500)["crpa.publication_regles"] == "a_verifier"
    assert levels(SPREADSHEET_DECISION, {"agents_etp": None})["crpa.publication_regles"] == (
        "a_verifier"
    )
    assert levels(CAMERAS)["cnil.cameras_voie_publique"] == "interdit"
    assert (
        levels({**CAMERAS, "contexte.texte_autorisant": "oui"})["cnil.cameras_voie_publique"]
        == "a_verifier"
    )
    uncertain_network = {**WATER, "contexte.domaine_sensible": ["reseau_incertain"]}
    assert levels(uncertain_network)["aiact.haut_risque"] == "a_verifier"
    assert levels(TRIAGE)["aiact.exemption_6_3"] == "a_verifier"
    assert levels(TRANSCRIPTION)["rgpd.aipd"] == "a_verifier"
    assert levels(CAMERAS)["rgpd.aipd"] == "obligation"
    sensitive = {
        "contexte.systeme_ia": "non",
        "contexte.decision_individuelle": "totale",
        "contexte.donnees_personnelles": "oui",
        "contexte.donnees_sensibles": "oui",
    }
    assert levels(sensitive)["crpa.decision_entierement_automatisee"] == "interdit"
    clic = {**SPREADSHEET_DECISION, "gouvernance.validation_humaine": "clic"}
    assert levels(clic)["crpa.decision_entierement_automatisee"] == "vigilance"
    unknowns = levels(
        {"contexte.systeme_ia": "inconnu", "contexte.pratiques_interdites": "inconnu"}
    )
    assert unknowns["aiact.pratique_interdite"] == "a_verifier"


def test_profile_fields_are_named_as_triggers():
    evaluation = _evaluate(SPREADSHEET_DECISION, {"agents_etp": 50})
    publication = next(o for o in evaluation.obligations if o.id == "crpa.publication_regles")
    assert {t.question_id for t in publication.triggers} == {
        "contexte.decision_individuelle",
        "profil.agents_etp",
    }
    no_dpo = _evaluate({}, {"dpd_designe": "non"}).obligations[0]
    assert [(t.question_id, t.value) for t in no_dpo.triggers] == [("profil.dpd_designe", "non")]


def test_triggers_carry_label_and_displayed_value():
    evaluation = _evaluate({**CHATBOT, "transparence.mention_ia": "non"}, {})
    warning = next(o for o in evaluation.obligations if o.id == "transparence.ia_non_signalee")
    trigger = next(t for t in warning.triggers if t.question_id == "transparence.mention_ia")
    assert trigger.value == "non" and trigger.display == "Non"
    assert trigger.label.startswith("Au moment où")


def test_gravest_first():
    evaluation = _evaluate(CAMERAS, {})
    assert evaluation.obligations[0].id == "cnil.cameras_voie_publique"


@pytest.mark.parametrize("template", CONTENT.templates, ids=lambda t: t.id)
def test_templates_alone_assert_only_triggered_obligations(template):
    evaluation = evaluate(CONTENT, answers(template.answers), town())
    for obligation in evaluation.obligations:
        sources = {t.question_id for t in obligation.triggers}
        assert sources and sources <= set(template.answers) | {"profil.agents_etp"}
