"""Town-file factory and the personal names it plants, shared by the territory tests."""

from pathlib import Path

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.store import Store

AGENT = "Hélène Lefèvre"
CONTACT = "Benoît Duchêne"
VALIDATOR = "Zoé Béranger"
OWNER = "Maël Crépin"
PERSONAL = [AGENT, CONTACT, VALIDATOR, OWNER, "benoit.duchene@mairie-ecotay.fr", "06 12 34 56 78"]


def make_town(path: Path, *, nom: str = "Écotay-l'Olme", insee: str = "42087") -> dict:
    """A town file with two assessments, personal names everywhere they can go."""
    with Store.create(path, who=AGENT) as store:
        store.town.save_commune(
            Commune(
                nom=nom,
                insee=insee,
                population=1400,
                dpd_designe="non",
                contact_nom=CONTACT,
                contact_email=PERSONAL[4],
                contact_telephone=PERSONAL[5],
            )
        )
        chatbot = store.assessments.create(
            "Agent conversationnel d'accueil",
            content_id="evalir",
            content_version="1",
            supplier="Docaposte",
            ai_type="texte_generatif",
            status="pilote",
        )
        cameras = store.assessments.create(
            "Caméras contre les dépôts sauvages",
            content_id="evalir",
            content_version="1",
            supplier="Ségilog",
            ai_type="vision",
        )
        for assessment in (chatbot, cameras):
            store.answers.save(assessment.id, "contexte.usagers", Answer(value="oui"))
            store.answers.save(assessment.id, "donnees.aipd", Answer(unknown=True))
        store.plan.add_action(chatbot.id, "Former les agents d'accueil", owner=OWNER)
        store.plan.add_action(chatbot.id, "Relire le contrat", owner="DGS")
        store.plan.save_decision(
            DecisionRecord(
                assessment_id=cameras.id,
                validated_by=VALIDATOR,
                validated_role="Maire",
                validated_on="2026-10-02",
                outcome="reporter",
            )
        )
    return {"path": path, "chatbot": chatbot.id, "cameras": cameras.id}
