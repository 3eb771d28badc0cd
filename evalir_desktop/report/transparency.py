"""The transparency record: a public inventory entry, Etalab fields plus Dutch/Eurocities names."""

import json

from evalir_desktop.content import display_answer
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.typography import shorten
from evalir_desktop.spreadsheet import csv_bytes

FORMAT = "evalir-fiche-transparence"
# Etalab field -> field of the Dutch algorithm register standard 1.0 (basis of Eurocities);
# None when the Dutch standard has no counterpart. Names follow DOMAIN.md §5.
CORRESPONDENCE = {
    "administration_nom": "organization",
    "administration_service": "department",
    "administration_contact": "contact_email",
    "date_mise_a_jour": "publication_date",
    "nom_algorithme": "name",
    "contexte": "description_short",
    "objectif": "goal",
    "place_dans_la_decision": "human_intervention",
    "niveau_automatisation": None,
    "base_juridique": "legal_basis",
    "ressources_associees": "website",
    "decisions_par_an": None,
    "portee": None,
    "public_concerne": None,
    "donnees_traitees": "source_data",
    "source_donnees": None,
    "mode_collecte": None,
    "type_algorithme": "methods_and_models",
    "operations": None,
    "lien_code_source": None,
    "lien_schema": None,
}
AUTOMATION = {
    "aucune": "Pas de décision individuelle : aide au travail des agents",
    "partielle": "Aide à la décision : un agent prend la décision",
    "totale": "Décision entièrement automatisée",
}
STATUS_NL = {
    "idee": "in development",
    "pilote": "in development",
    "en_service": "in use",
    "arrete": "out of use",
}


def _shown(data: ReportData, question_id: str) -> str:
    answer = data.answers.get(question_id)
    if answer is None or answer.unknown or not answer.is_answered:
        return ""  # "Je ne sais pas" is no public information: the field stays to complete
    return display_answer(data.content.question(question_id), answer)


def _scope(data: ReportData) -> str:
    answer = data.answers.get("contexte.utilisateurs")
    users = answer.value if answer and isinstance(answer.value, list) else []
    if not users:
        return ""
    return "externe" if {"habitants", "entreprises_associations"} & set(users) else "interne"


def etalab_fields(data: ReportData) -> dict[str, str]:
    commune, record = data.commune, data.assessment
    contact = (
        ", ".join(p for p in (commune.contact_nom, commune.contact_email) if p) if commune else ""
    )
    decision = data.answers.get("contexte.decision_individuelle")
    ai = data.answers.get("contexte.systeme_ia")
    kind = ""
    if ai and not ai.unknown and ai.value in ("oui", "non"):
        kind = "apprentissage (système d'IA)" if ai.value == "oui" else "règles explicites"
    return {
        "administration_nom": f"Commune de {commune.nom}" if commune else "",
        "administration_service": record.service or data.text_answer("contexte.service"),
        "administration_contact": contact,
        "date_mise_a_jour": data.printed_on.isoformat(),
        "nom_algorithme": record.title,
        "contexte": record.description,
        "objectif": data.text_answer("contexte.finalite"),
        "place_dans_la_decision": _shown(data, "gouvernance.validation_humaine"),
        "niveau_automatisation": AUTOMATION.get(decision.value, "") if decision else "",
        "base_juridique": "",
        "ressources_associees": "",
        "decisions_par_an": _shown(data, "contexte.volume"),
        "portee": _scope(data),
        "public_concerne": _shown(data, "contexte.utilisateurs"),
        "donnees_traitees": data.text_answer("donnees.sources"),
        "source_donnees": "",
        "mode_collecte": "",
        "type_algorithme": kind,
        "operations": _shown(data, "contexte.type_ia"),
        "lien_code_source": "",
        "lien_schema": "",
    }


def register_fields(data: ReportData, etalab: dict[str, str]) -> dict:
    """The same entry under the Dutch algorithm register standard 1.0 names."""
    obligations = data.evaluation.obligations
    ids = {ob.id for ob in obligations}
    decision = data.answers.get("contexte.decision_individuelle")
    if "aiact.haut_risque" in ids:
        category = "high-risk AI system"
    elif decision and decision.value in ("partielle", "totale"):
        category = "impactful algorithm"
    else:
        category = "other algorithm"
    return {
        "name": etalab["nom_algorithme"],
        "description_short": shorten(etalab["objectif"] or etalab["contexte"], 400),
        "organization": etalab["administration_nom"],
        "department": etalab["administration_service"],
        "category": data.assessment.ai_type,
        "status": STATUS_NL.get(data.assessment.status, ""),
        "begin_date": data.assessment.created_at[:10],
        "end_date": "",
        "contact_email": data.commune.contact_email if data.commune else "",
        "website": "",
        "publication_category": category,
        "goal": etalab["objectif"],
        "proportionality": _shown(data, "besoin.alternatives"),
        "human_intervention": etalab["place_dans_la_decision"],
        "risks": [ob.title for ob in obligations if ob.level in ("vigilance", "interdit")],
        "legal_basis": [
            {"title": ob.reference, "link": ""}
            for ob in obligations
            if ob.level in ("obligation", "interdit")
        ],
        "impact_assessments": [
            {
                "title": "AIPD (analyse d'impact relative à la protection des données)",
                "status": _shown(data, "conformite.aipd"),
                "link": "",
            }
        ],
        "source_data": etalab["donnees_traitees"],
        "methods_and_models": etalab["operations"],
        "provider": data.assessment.supplier,
        "standard_version": "1.0",
        "publication_date": etalab["date_mise_a_jour"],
    }


def transparency_record(data: ReportData) -> dict:
    etalab = etalab_fields(data)
    return {
        "format": FORMAT,
        "version": 1,
        "etalab": etalab,
        "algorithm_register_nl_eurocities": register_fields(data, etalab),
        "correspondance": CORRESPONDENCE,
        "a_completer": [key for key, value in etalab.items() if not value],
        "empreinte_des_donnees": data.fingerprint,
    }


def transparency_json(data: ReportData) -> bytes:
    text = json.dumps(transparency_record(data), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def transparency_csv(data: ReportData) -> bytes:
    """One row per algorithm under the Etalab column names, so that rows can be stacked."""
    etalab = etalab_fields(data)
    return csv_bytes(list(etalab), [list(etalab.values())])
