"""The rules corrected or added for the law as it stands in December 2026 (DOMAIN.md §6).

One group per correction; each has a scenario where the rule must fire and one where it
must not, with the exact set of obligation ids, written from the text of the law.
"""

from datetime import date

import pytest

from evalir_desktop.assessment import evaluate
from evalir_desktop.content import load_content, validate_answer, visible_questions
from evalir_desktop.domain.answers import Answer
from evalir_desktop.session.session import current_answers
from tests.content.helpers import answers, town

CONTENT = load_content()
DECEMBER_2026 = date(2026, 12, 1)
JANUARY_2028 = date(2028, 1, 1)

# An AI tool used by agents only: no personal data, no decision, no sensitive domain.
BASE = {
    "contexte.utilisateurs": ["agents"],
    "contexte.systeme_ia": "oui",
    "contexte.type_ia": ["classement"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.decision_individuelle": "aucune",
    "contexte.donnees_personnelles": "non",
    "contexte.domaine_sensible": ["aucun_domaine"],
    "contexte.pratiques_interdites": ["aucune_pratique"],
}
PERSONAL = {"contexte.donnees_personnelles": "oui", "contexte.donnees_sensibles": "non"}
HIGH_RISK = {"aiact.haut_risque", "aiact.obligations_deployeur", "aiact.aiprd"}
PERSONAL_DATA_DUTIES = {"rgpd.registre", "rgpd.aipd", "rgpd.sous_traitance"}
VOICE_BOT = {
    **BASE,
    "contexte.utilisateurs": ["habitants", "agents"],
    "contexte.type_ia": ["voix", "texte_generatif"],
    "contexte.interaction_habitants": "oui",
    "contexte.canaux": ["telephone"],
    "contexte.hypertrucage": "non",
}
AUTOMATED_DECISION = {
    "contexte.systeme_ia": "non",
    "contexte.decision_individuelle": "totale",
    "contexte.donnees_personnelles": "non",
}

SCENARIOS = [
    # §2 bullet 1: AI literacy, an obligation of means in force.
    ("literacy: any AI system", BASE, {"aiact.maitrise_ia"}),
    ("literacy: not for a tool that only applies written rules",
     {"contexte.systeme_ia": "non"}, set()),
    # §2 bullet 2: high risk from 2 Dec 2027, new Annex III domains.
    ("Annex III 6: municipal police assessing a person's risk of offending",
     {**BASE, **PERSONAL, "contexte.domaine_sensible": ["police"],
      "contexte.role_outil": "influence", "contexte.profilage": "oui"},
     {"aiact.maitrise_ia"} | HIGH_RISK | PERSONAL_DATA_DUTIES),
    ("Annex III 1(b): biometric categorisation",
     {**BASE, **PERSONAL, "contexte.biometrie": "oui", "contexte.profilage": "non",
      "contexte.domaine_sensible": ["categorisation_biometrique"],
      "contexte.role_outil": "autre_role"},
     {"aiact.maitrise_ia", "aiact.information_personnes_exposees"} | HIGH_RISK
     | PERSONAL_DATA_DUTIES),
    ("Annex III: no domain, no high risk", {**BASE, "contexte.profilage": "oui"},
     {"aiact.maitrise_ia"}),
    # §2 bullet 3: the Art. 6(3) exemption on its four grounds only.
    ("Art. 6(3)(c): deviations from prior decisions, without profiling",
     {**BASE, **PERSONAL, "contexte.domaine_sensible": ["prestations"],
      "contexte.role_outil": "ecarts_decisions", "contexte.profilage": "non"},
     {"aiact.maitrise_ia", "aiact.exemption_6_3"} | PERSONAL_DATA_DUTIES),
    ("Art. 6(3): never when the tool profiles people",
     {**BASE, **PERSONAL, "contexte.domaine_sensible": ["prestations"],
      "contexte.role_outil": "ecarts_decisions", "contexte.profilage": "oui"},
     {"aiact.maitrise_ia"} | HIGH_RISK | PERSONAL_DATA_DUTIES),
    ("Art. 6(3): identifying people in real time is none of the four grounds",
     {**BASE, **PERSONAL, "contexte.biometrie": "oui", "contexte.profilage": "non",
      "contexte.domaine_sensible": ["biometrie_identification"],
      "contexte.role_outil": "autre_role"},
     {"aiact.maitrise_ia"} | HIGH_RISK | PERSONAL_DATA_DUTIES),
    # §2 bullet 4: no noise on a network tool without a safety role.
    ("network management without a safety role: silent",
     {**BASE, "contexte.domaine_sensible": ["reseau_gestion"], "contexte.profilage": "non"},
     {"aiact.maitrise_ia"}),
    ("network tool whose safety role is unclear: to check",
     {**BASE, "contexte.domaine_sensible": ["reseau_incertain"]},
     {"aiact.maitrise_ia", "aiact.haut_risque"}),
    ("network safety component: high risk without FRIA (Annex III 2)",
     {**BASE, "contexte.domaine_sensible": ["reseau_securite"],
      "contexte.role_outil": "influence"},
     {"aiact.maitrise_ia", "aiact.haut_risque", "aiact.obligations_deployeur"}),
    # §2 bullet 5: deep fakes always disclosed, even reviewed.
    ("Art. 50(4): a reviewed deep fake of the mayor",
     {**BASE, "contexte.type_ia": ["image_generative"], "contexte.publication_contenus": "oui",
      "transparence.relecture_contenus": "toujours", "contexte.hypertrucage": "oui"},
     {"aiact.maitrise_ia", "aiact.hypertrucages"}),
    ("Art. 50(4): illustrations resembling nothing real",
     {**BASE, "contexte.type_ia": ["image_generative"], "contexte.publication_contenus": "oui",
      "transparence.relecture_contenus": "toujours", "contexte.hypertrucage": "non"},
     {"aiact.maitrise_ia"}),
    ("Art. 50(4): generated text published without steady review",
     {**BASE, "contexte.type_ia": ["texte_generatif"], "contexte.publication_contenus": "oui",
      "transparence.relecture_contenus": "parfois"},
     {"aiact.maitrise_ia", "aiact.transparence_contenus"}),
    ("Art. 50(4): generated text always reviewed by a responsible person",
     {**BASE, "contexte.type_ia": ["texte_generatif"], "contexte.publication_contenus": "oui",
      "transparence.relecture_contenus": "toujours"},
     {"aiact.maitrise_ia"}),
    # §2 bullet 6: Art. 50(3), informing people exposed.
    ("Art. 50(3): emotion recognition",
     {**BASE, **PERSONAL, "contexte.biometrie": "oui", "contexte.profilage": "non",
      "contexte.domaine_sensible": ["reconnaissance_emotions"],
      "contexte.role_outil": "autre_role"},
     {"aiact.maitrise_ia", "aiact.information_personnes_exposees"} | HIGH_RISK
     | PERSONAL_DATA_DUTIES),
    ("Art. 50(3): remote identification is neither categorisation nor emotions",
     {**BASE, **PERSONAL, "contexte.biometrie": "oui", "contexte.profilage": "oui",
      "contexte.domaine_sensible": ["biometrie_identification"],
      "contexte.role_outil": "influence"},
     {"aiact.maitrise_ia"} | HIGH_RISK | PERSONAL_DATA_DUTIES),
    # §2 bullet 7: the new Art. 5 prohibition.
    ("Art. 5: generating non-consensual intimate images",
     {**BASE, "contexte.pratiques_interdites": ["images_intimes"]},
     {"aiact.maitrise_ia", "aiact.pratique_interdite_images_intimes"}),
    ("Art. 5: none of the prohibited practices", BASE, {"aiact.maitrise_ia"}),
    # §2 bullet 8: telephone accessibility.
    ("voice bot answering the switchboard",
     {**VOICE_BOT, "contexte.standard_telephonique": "oui"},
     {"aiact.maitrise_ia", "aiact.transparence_interaction",
      "accessibilite.accueil_telephonique"}),
    ("phone channel, but the tool neither answers nor filters calls",
     {**VOICE_BOT, "contexte.standard_telephonique": "non"},
     {"aiact.maitrise_ia", "aiact.transparence_interaction"}),
    ("website chatbot: digital accessibility, no telephone duty",
     {**VOICE_BOT, "contexte.type_ia": ["texte_generatif"], "contexte.canaux": ["site_web"]},
     {"aiact.maitrise_ia", "aiact.transparence_interaction", "rgaa.accessibilite"}),
    # §2 bullet 9: transfers outside the EU.
    ("transfer: personal data hosted outside the EU",
     {**BASE, **PERSONAL, "contexte.hebergement": "hors_ue"},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.sous_traitance", "rgpd.transferts_hors_ue",
      "souverainete.lois_extra_ue"}),
    ("transfer: hosted in the EU by a provider under a non-EU law",
     {**BASE, **PERSONAL, "contexte.hebergement": "prestataire_ue",
      "securite.lois_extra_ue": "oui"},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.sous_traitance", "rgpd.transferts_hors_ue",
      "souverainete.lois_extra_ue"}),
    ("no transfer: hosted in the EU, provider under EU law only",
     {**BASE, **PERSONAL, "contexte.hebergement": "prestataire_ue",
      "securite.lois_extra_ue": "non"},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.sous_traitance"}),
    ("no transfer of personal data: none are processed",
     {**BASE, "contexte.hebergement": "hors_ue"}, {"aiact.maitrise_ia"}),
    # §2 bullet 10: consumer AI tools with citizens' data.
    ("consumer tool fed with residents' data: stop or contract, no Art. 28",
     {**BASE, **PERSONAL, "contexte.fournisseur": "grand_public",
      "contexte.hebergement": "prestataire_ue", "securite.lois_extra_ue": "non"},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.outil_grand_public"}),
    ("agents paste residents' data into a consumer tool",
     {**BASE, **PERSONAL, "securite.outil_grand_public": "oui"},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.sous_traitance", "rgpd.outil_grand_public"}),
    ("contracted professional offer, consumer tools forbidden by a rule",
     {**BASE, **PERSONAL, "securite.outil_grand_public": "non_regle"},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.sous_traitance"}),
    # §2 bullet 11: fully automated fines.
    ("fine decided by the tool alone",
     {**AUTOMATED_DECISION, "contexte.decision_sanction": "oui"},
     {"crpa.mention_explicite", "crpa.decision_entierement_automatisee",
      "crpa.publication_regles"}),
    ("automated decision that is not a sanction",
     {**AUTOMATED_DECISION, "contexte.decision_sanction": "non"},
     {"crpa.mention_explicite", "crpa.decision_entierement_automatisee",
      "crpa.publication_regles"}),
    ("fine prepared by the tool, established by an agent who examines it",
     {**AUTOMATED_DECISION, "contexte.decision_individuelle": "partielle",
      "contexte.decision_sanction": "oui", "gouvernance.validation_humaine": "examen"},
     {"crpa.mention_explicite", "crpa.publication_regles"}),
    # §2 bullet 12: FRIA with the CNIL (designation to check), reusing the DPIA.
    ("FRIA for access to social benefits",
     {**BASE, **PERSONAL, "contexte.domaine_sensible": ["prestations"],
      "contexte.role_outil": "influence", "contexte.profilage": "oui"},
     {"aiact.maitrise_ia"} | HIGH_RISK | PERSONAL_DATA_DUTIES),
    ("no FRIA for a network safety component",
     {**BASE, "contexte.domaine_sensible": ["reseau_securite"],
      "contexte.role_outil": "autre_role"},
     {"aiact.maitrise_ia", "aiact.haut_risque", "aiact.obligations_deployeur"}),
    # §2 bullet 13: legal basis of a town's processing.
    ("personal data: register and legal basis", {**BASE, **PERSONAL},
     {"aiact.maitrise_ia", "rgpd.registre", "rgpd.sous_traitance"}),
    ("no personal data: no register", BASE, {"aiact.maitrise_ia"}),
]  # fmt: skip


def _evaluate(values: dict, on: date = DECEMBER_2026):
    return evaluate(CONTENT, answers(values), town(), on)


def _obligation(values: dict, rule_id: str, on: date = DECEMBER_2026):
    evaluation = _evaluate(values, on)
    return next(ob for ob in evaluation.obligations if ob.id == rule_id)


@pytest.mark.parametrize(
    ("values", "expected"),
    [scenario[1:] for scenario in SCENARIOS],
    ids=[scenario[0] for scenario in SCENARIOS],
)
def test_exact_obligations(values, expected):
    evaluation = _evaluate(values)
    assert evaluation.obligation_ids() == expected
    for obligation in evaluation.obligations:
        assert obligation.triggers, obligation.id


def scenario(name: str) -> dict:
    return next(values for label, values, _ in SCENARIOS if label == name)


def test_literacy_is_an_obligation_of_means_in_force_without_a_point_to_check():
    literacy = _obligation(BASE, "aiact.maitrise_ia")
    assert literacy.level == "obligation" and literacy.to_check == ""
    assert "obligation de moyens" in literacy.explanation
    assert "prendre des mesures pour favoriser" in literacy.explanation
    assert literacy.in_force and literacy.applies_from == date(2025, 2, 2)


def test_high_risk_rules_apply_from_december_2027_with_the_2030_limit():
    police = scenario("Annex III 6: municipal police assessing a person's risk of offending")
    for rule_id in HIGH_RISK:
        before = _obligation(police, rule_id, DECEMBER_2026)
        after = _obligation(police, rule_id, JANUARY_2028)
        assert before.applies_from == date(2027, 12, 2)
        assert not before.in_force and before.months_left == 12
        assert before.deadline.startswith("Applicable à partir du 2 décembre 2027")
        assert "à anticiper (dans 12 mois)" in before.deadline
        assert after.in_force and after.months_left is None
        assert after.deadline.startswith("En vigueur depuis le 2 décembre 2027")
        assert before.final_limit == date(2030, 8, 2)
        assert "2 août 2030" in before.deadline and "avant le 2 décembre 2027" in before.deadline


def test_the_exemption_asks_for_the_written_file_and_the_registration():
    values = scenario("Art. 6(3)(c): deviations from prior decisions, without profiling")
    exemption = _obligation(values, "aiact.exemption_6_3")
    assert exemption.level == "a_verifier"
    assert "dossier écrit" in exemption.explanation
    assert "enregistrement dans la base de données européenne" in exemption.explanation


def test_the_broad_trends_option_is_gone_and_an_old_answer_is_asked_again():
    role = CONTENT.question("contexte.role_outil")
    assert role.option("detection") is None
    assert validate_answer(role, Answer(value="detection"))
    assert [o.id for o in role.options][:4] == [
        "tache_procedurale",
        "amelioration",
        "ecarts_decisions",
        "preparatoire",
    ]
    stored = answers(
        {**BASE, "contexte.domaine_sensible": ["biometrie_identification"],
         "contexte.profilage": "non", "contexte.role_outil": "detection"}
    )  # fmt: skip
    read = current_answers(CONTENT, stored)
    assert not read["contexte.role_outil"].is_answered
    ids = evaluate(CONTENT, read, town(), DECEMBER_2026).obligation_ids()
    assert "aiact.exemption_6_3" not in ids and ids >= HIGH_RISK


def test_an_uncertain_network_role_is_a_point_to_check_not_an_obligation():
    values = scenario("network tool whose safety role is unclear: to check")
    assert _obligation(values, "aiact.haut_risque").level == "a_verifier"


def test_a_deep_fake_is_flagged_even_reviewed_and_in_force():
    values = scenario("Art. 50(4): a reviewed deep fake of the mayor")
    deep_fake = _obligation(values, "aiact.hypertrucages")
    assert deep_fake.level == "obligation" and deep_fake.in_force
    assert "relecture humaine n'en dispense pas" in deep_fake.explanation
    unknown = {**values, "contexte.hypertrucage": "inconnu"}
    assert _obligation(unknown, "aiact.hypertrucages").level == "a_verifier"


def test_the_new_prohibition_applies_from_2_december_2026():
    values = scenario("Art. 5: generating non-consensual intimate images")
    rule_id = "aiact.pratique_interdite_images_intimes"
    assert _obligation(values, rule_id).level == "interdit"
    assert not _obligation(values, rule_id, date(2026, 12, 1)).in_force
    assert _obligation(values, rule_id, date(2026, 12, 2)).in_force


def test_telephone_accessibility_is_asked_only_where_a_phone_is_involved():
    asked = CONTENT.question("contexte.standard_telephonique")
    voice = answers(VOICE_BOT)
    assert asked in visible_questions(CONTENT, voice)
    web = answers({**VOICE_BOT, "contexte.type_ia": ["texte_generatif"], "contexte.canaux": []})
    assert asked not in visible_questions(CONTENT, web)
    unknown = {**VOICE_BOT, "contexte.standard_telephonique": "inconnu"}
    assert _obligation(unknown, "accessibilite.accueil_telephonique").level == "a_verifier"


def test_consumer_tools_advise_stopping_not_a_processing_contract():
    values = scenario("consumer tool fed with residents' data: stop or contract, no Art. 28")
    consumer = _obligation(values, "rgpd.outil_grand_public")
    assert consumer.level == "obligation"
    assert "aucun contrat de sous-traitance ne peut être signé" in consumer.explanation
    assert "offre professionnelle encadrée par un contrat" in consumer.explanation
    contract = CONTENT.question("conformite.roles_contrat")
    assert contract not in visible_questions(CONTENT, answers(values))


def test_transfers_are_an_obligation_with_a_transfer_tool():
    values = scenario("transfer: personal data hosted outside the EU")
    transfer = _obligation(values, "rgpd.transferts_hors_ue")
    assert transfer.level == "obligation"
    assert "décision d'adéquation" in transfer.explanation
    assert "clauses contractuelles types" in transfer.explanation


def test_a_fine_is_never_a_decision_allowed_under_conditions():
    fine = _obligation(scenario("fine decided by the tool alone"),
                       "crpa.decision_entierement_automatisee")  # fmt: skip
    assert fine.level == "interdit" and "un agent doit constater l'infraction" in fine.explanation
    other = _obligation(scenario("automated decision that is not a sanction"),
                        "crpa.decision_entierement_automatisee")  # fmt: skip
    assert other.level == "obligation"
    clicked = {
        **AUTOMATED_DECISION,
        "contexte.decision_individuelle": "partielle",
        "contexte.decision_sanction": "oui",
        "gouvernance.validation_humaine": "clic",
    }
    assert _obligation(clicked, "crpa.decision_entierement_automatisee").level == "interdit"


def test_the_fria_names_the_cnil_reuses_the_dpia_and_says_the_template_is_pending():
    fria = _obligation(scenario("FRIA for access to social benefits"), "aiact.aiprd")
    assert "la CNIL (désignation à vérifier)" in fria.explanation
    assert "reprendre l'AIPD" in fria.explanation
    assert "modèle officiel" in fria.explanation and "n'était pas publié" in fria.explanation
    assert "à vérifier" in fria.to_check
    deployer = _obligation(scenario("FRIA for access to social benefits"),
                           "aiact.obligations_deployeur")  # fmt: skip
    assert "la CNIL (désignation à vérifier)" in deployer.explanation


def test_a_town_never_relies_on_legitimate_interest():
    register = _obligation(scenario("personal data: register and legal basis"), "rgpd.registre")
    assert "mission d'intérêt public ou une obligation légale" in register.explanation
    assert "jamais l'intérêt légitime" in register.explanation
    help_text = CONTENT.question("conformite.registre").help
    assert "jamais l'intérêt légitime" in help_text


def test_article_50_is_in_force_in_december_2026_and_in_2028_not_before_august_2026():
    values = {**VOICE_BOT, "contexte.standard_telephonique": "non"}
    for on in (DECEMBER_2026, JANUARY_2028):
        assert _obligation(values, "aiact.transparence_interaction", on).in_force
    summer = _obligation(values, "aiact.transparence_interaction", date(2026, 7, 1))
    assert not summer.in_force and summer.months_left == 1


def test_the_evaluation_records_its_reference_date_and_defaults_to_today():
    assert _evaluate(BASE, JANUARY_2028).reference_date == JANUARY_2028
    assert evaluate(CONTENT, answers(BASE)).reference_date == date.today()
