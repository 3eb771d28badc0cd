"""Write a demo town file and its documents: `python scripts/demo_report.py DIR [--png]`.

The demo is a switchboard chatbot in a small town, answered with plausible texts; the PNG
pages (pdftoppm, 60 dpi) are the ones looked at before committing docs/screenshots/.
"""

import argparse
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evalir_desktop.content import is_visible, load_content  # noqa: E402
from evalir_desktop.domain.answers import Answer  # noqa: E402
from evalir_desktop.domain.commune import Commune  # noqa: E402
from evalir_desktop.report import DOCUMENTS, EXPORTS, ReportOptions, build, report_data  # noqa: E402
from evalir_desktop.store import Store  # noqa: E402
from tests.report.factories import CHATBOT_FACTS, choose  # noqa: E402

TOWN = Commune(
    nom="Saint-Martin-sur-Loire",
    insee="45284",
    population=3900,
    agents_etp=31,
    epci_nom="Communauté de communes des Bords de Loire",
    dpd_designe="mutualise",
    contact_nom="Hélène Dupré, secrétaire générale",
    contact_email="accueil@saint-martin-exemple.fr",
    contact_telephone="02 38 00 00 00",
)
TEXTS = {
    "contexte.service": "Accueil et état civil",
    "contexte.finalite": "Répondre par écrit, sur le site de la mairie, aux questions courantes "
    "des habitants (horaires, état civil, inscriptions scolaires, collecte des déchets) et "
    "orienter vers le bon service ; pré-remplir les demandes d'inscription à la cantine.",
    "contexte.fournisseur_nom": "Société Exemple SAS, produit « Accueil+ »",
    "contexte.decision_exemples": "Pré-inscriptions à la cantine et au périscolaire",
    "contexte.volume": 3000,
    "contexte.cout_annuel": 4800,
    "besoin.probleme": "Le standard est saturé le lundi matin : un tiers des appels portent sur "
    "les horaires et les pièces à fournir, et les habitants attendent en moyenne six minutes.",
    "donnees.sources": "Pages du site de la mairie, foire aux questions rédigée par l'accueil, "
    "messages des habitants (conservés trois mois).",
}
UNKNOWN = {"donnees.reutilisation_fournisseur", "frugalite.empreinte", "evaluation.journaux"}
COMMENTS = {
    "contexte.hebergement": "Hébergement annoncé en France ; le modèle de langage est "
    "américain : à éclaircir avec l'éditeur.",
    "besoin.debat_elus": "Présenté en commission « vie citoyenne » le 14 octobre.",
    "gouvernance.validation_humaine": "Les réponses types sont relues une fois par mois par "
    "l'agent d'accueil ; les réponses du robot aux habitants ne sont pas relues une à une.",
    "conformite.dpd_consulte": "Le DPD mutualisé du centre de gestion sera saisi en décembre.",
    "transparence.mention_ia": "Prévoir un bandeau « Vous échangez avec un assistant "
    "automatique » en tête de chaque échange.",
    "frugalite.outil_simple": "Une foire aux questions mieux rangée répondrait peut-être à la "
    "moitié des demandes.",
    "donnees.reutilisation_fournisseur": "Le contrat type de l'éditeur est muet sur ce point.",
}
ACTIONS = [
    (
        "Faire relire l'analyse d'impact (AIPD) par le DPD mutualisé",
        "conformite",
        "Hélène Dupré",
        date(2026, 12, 15),
        1,
        "en_cours",
    ),
    (
        "Ajouter au contrat l'interdiction de réutiliser les données des habitants",
        "donnees",
        "Adjoint aux finances",
        date(2027, 1, 15),
        1,
        "a_faire",
    ),
    (
        "Afficher « Vous échangez avec un assistant automatique » au début de chaque échange",
        "transparence",
        "Agent d'accueil",
        date(2026, 12, 1),
        1,
        "fait",
    ),
    (
        "Garder l'accueil téléphonique du lundi matin pendant l'essai",
        "inclusion",
        "Hélène Dupré",
        None,
        2,
        "a_faire",
    ),
    (
        "Former les deux agents d'accueil aux limites de l'outil (erreurs, biais)",
        "competences",
        "Centre de gestion",
        date(2027, 1, 31),
        2,
        "a_faire",
    ),
    (
        "Fixer trois indicateurs : appels évités, erreurs signalées, réclamations",
        "evaluation",
        "Agent d'accueil",
        date(2027, 2, 1),
        2,
        "a_faire",
    ),
    (
        "Demander au fournisseur la consommation d'énergie du service",
        "frugalite",
        "Hélène Dupré",
        None,
        3,
        "a_faire",
    ),
    (
        "Inscrire le réexamen du projet à l'ordre du jour du conseil de juin 2027",
        "evaluation",
        "Maire",
        date(2027, 6, 30),
        3,
        "a_faire",
    ),
]


def make_demo(path: Path) -> str:
    content = load_content()
    with Store.open(path, create=True, who="Hélène Dupré") as store:
        store.town.save_commune(TOWN)
        record = store.assessments.create(
            "Agent conversationnel de l'accueil",
            content_id=content.id,
            content_version=content.version,
            description="Un assistant conversationnel sur le site de la mairie, essayé "
            "pendant six mois avant toute généralisation.",
            service="Accueil et état civil",
            status="pilote",
            ai_type="IA générative (texte)",
            supplier="Société Exemple SAS",
        )
        answers: dict[str, Answer] = {}
        for index, question in enumerate(content.questions()):
            if not is_visible(question, answers, TOWN, content):
                continue
            comment = COMMENTS.get(question.id, "")
            if question.id in UNKNOWN:
                answer = Answer(unknown=True, comment=comment)
            elif question.id in CHATBOT_FACTS or question.id in TEXTS:
                value = CHATBOT_FACTS.get(question.id, TEXTS.get(question.id))
                answer = Answer(value=value, comment=comment)
            else:
                value = choose(question, index, "Non précisé")
                answer = Answer(value=value, comment=comment)
            answers[question.id] = answer
            store.answers.save(record.id, question.id, answer)
        for title, axis, owner, due, priority, status in ACTIONS:
            store.plan.add_action(
                record.id,
                title,
                axis_id=axis,
                owner=owner,
                due_date=due,
                priority=priority,
                status=status,
            )
        return record.id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Écrit un fichier de démonstration et ses documents."
    )
    parser.add_argument("folder", type=Path, help="dossier de sortie (créé si besoin)")
    parser.add_argument("--png", action="store_true", help="pages du rapport en PNG (60 dpi)")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    path = args.folder / "demo.evalir"
    path.unlink(missing_ok=True)
    assessment_id = make_demo(path)
    with Store.open(path, readonly=True) as store:
        data = report_data(store, assessment_id)
    for name, output in {**DOCUMENTS, **EXPORTS}.items():
        (args.folder / f"{name}{output.suffix}").write_bytes(build(data, ReportOptions(name)))
    if args.png:
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                str(args.folder / "complet.pdf"),
                str(args.folder / "rapport"),
            ],
            check=True,
        )
    print(f"Démonstration écrite dans {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
