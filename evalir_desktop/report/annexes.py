"""Report blocks of the dossier: reviewers' opinions per axis, the town's AI literacy
record (Art. 4), and the annex listing the attached files with their fingerprint."""

from evalir_desktop.domain.attachment_rules import size_label
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.model import Block, Heading, Para, bullets, long_text, table
from evalir_desktop.report.typography import counted, fr_date
from evalir_desktop.session.reviews import opinion_line

ANNEX_TITLE = "Annexe : pièces jointes"
LITERACY_RULE = "aiact.maitrise_ia"


def grouped_hash(sha256: str) -> str:
    """The SHA-256 in four groups of sixteen, so that a table cell can wrap it."""
    return " ".join(sha256[i : i + 16] for i in range(0, len(sha256), 16))


def attached_to(data: ReportData, question_id: str) -> str:
    if not question_id:
        return "L'évaluation"
    question = data.content.question(question_id)
    return f"Question : {question.label}" if question else f"Question {question_id}"


def attachments_annex(data: ReportData) -> list[Block]:
    """Every attached file: what it is, where it is attached, when, its fingerprint."""
    items = data.attachments
    story: list[Block] = [
        Heading(ANNEX_TITLE, 1),
        Para(
            "Les documents joints au dossier dans EVALIR (contrat, devis, analyse d'impact, "
            "documentation du fournisseur, délibération…). L'empreinte SHA-256 permet de "
            "vérifier qu'un document transmis est bien celui qui a été joint : deux fichiers "
            "qui ont la même empreinte sont identiques."
        ),
        Para(counted(len(items), "pièce jointe", "pièces jointes") + ".", lead="En tout :"),
    ]
    rows = [
        [
            str(index),
            f"{item.name}\n{item.kind_label}" + (f"\n{item.comment}" if item.comment else ""),
            attached_to(data, item.question_id),
            fr_date(item.added_at) + (f"\npar {item.who}" if item.who else ""),
            size_label(item.size),
            grouped_hash(item.sha256),
        ]
        for index, item in enumerate(items, 1)
    ]
    story.append(
        table(
            ["N°", "Document", "Joint à", "Ajouté le", "Taille", "Empreinte SHA-256"],
            rows,
            [0.8, 4.4, 3.6, 2.6, 1.6, 4.0],
        )
    )
    return story


def question_attachments(data: ReportData, question_id: str) -> list[Block]:
    """The files attached to one question, named under its answer (see the annex)."""
    names = [item.name for item in data.attachments if item.question_id == question_id]
    if not names:
        return []
    return [Para(", ".join(names) + " (voir l'annexe).", "comment", lead="Pièces jointes :")]


def axis_opinions(data: ReportData, axis_id: str) -> list[Block]:
    """The reviewers' opinions on one axis, and what to revise when one says « à corriger »."""
    review = next((r for r in data.reviews if r.step_id == axis_id), None)
    if review is None:
        return []
    story: list[Block] = [Para("Avis des relecteurs", "question")]
    for opinion in review.opinions:
        story.append(Para(opinion_line(opinion), "answer"))
        if opinion.comment:
            story += long_text(opinion.comment, "comment")
    if review.to_correct:
        story.append(Para("Cette étape est à corriger. À revoir :", "answer"))
        story.append(
            bullets(review.to_revise or ("Voir les commentaires des relecteurs.",), "small")
        )
    return story


def steps_to_correct(data: ReportData) -> list[Block]:
    """The steps a reviewer marked « à corriger », for the summary of the report."""
    marked = [review for review in data.reviews if review.to_correct]
    if not marked:
        return []
    return [
        Para(
            ", ".join(review.title for review in marked) + ".",
            lead="Étapes à corriger selon les relecteurs :",
        )
    ]


def literacy_record(data: ReportData) -> list[Block]:
    """The town's record of who was trained on what (Art. 4), under its obligation."""
    trainings = data.trainings
    if not trainings:
        return [
            Para(
                "Aucune formation n'est encore inscrite dans EVALIR. Notez chaque formation "
                "(intitulé, date, public, nombre de personnes) dans « Formation à l'IA » sur "
                "l'écran d'accueil : c'est la trace simple que demande l'article 4.",
                lead="Formations de la commune :",
            )
        ]
    people = sum(training.people for training in trainings)
    story: list[Block] = [
        Para(
            f"{counted(len(trainings), 'formation', 'formations')}, "
            f"{counted(people, 'personne formée', 'personnes formées')} en tout.",
            lead="Formations de la commune :",
        )
    ]
    rows = [
        [
            training.title + (f"\n{training.notes}" if training.notes else ""),
            fr_date(training.held_on, "date non précisée"),
            training.audience_label,
            str(training.people),
            training.participants,
        ]
        for training in trainings
    ]
    story.append(
        table(["Formation", "Date", "Public", "Personnes", "Qui"], rows, [4.6, 2.7, 2.4, 2.3, 4.9])
    )
    return story
