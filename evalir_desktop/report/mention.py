"""The "mention explicite" (CRPA L311-3-1, R311-3-1-1) filled with the town's data: text and PDF."""

from evalir_desktop.report.data import ReportData
from evalir_desktop.report.document import Progress
from evalir_desktop.report.model import Document, Heading, Para, bullets
from evalir_desktop.report.writers import render

RULE = "crpa.mention_explicite"
TO_COMPLETE = "[à compléter : {}]"


def mention_status(data: ReportData) -> str:
    """ "obligation", "a_verifier" or "" (not triggered by the answers)."""
    for ob in data.evaluation.obligations:
        if ob.id == RULE:
            return "obligation" if ob.level == "obligation" else "a_verifier"
    return ""


def fully_automated(data: ReportData) -> bool:
    answer = data.answers.get("contexte.decision_individuelle")
    return bool(answer and not answer.unknown and answer.value == "totale")


def contact_line(data: ReportData) -> str:
    commune = data.commune
    if commune is None:
        return TO_COMPLETE.format("service et adresse où envoyer la demande")
    parts = [f"Mairie de {commune.nom}"]
    parts += [
        p for p in (commune.contact_nom, commune.contact_email, commune.contact_telephone) if p
    ]
    if len(parts) == 1:
        parts.append(TO_COMPLETE.format("adresse postale ou électronique"))
    return ", ".join(parts)


def mention_text(data: ReportData) -> str:
    """The text to print on each individual decision, as plain text to copy."""
    purpose = data.text_answer("contexte.finalite") or data.assessment.description.strip()
    purpose = purpose.rstrip(".") if purpose else TO_COMPLETE.format("à quoi sert le traitement")
    if fully_automated(data):
        basis = "Cette décision a été prise sur le fondement d'un traitement algorithmique."
    else:
        basis = (
            "Cette décision a été prise en partie sur le fondement d'un traitement algorithmique."
        )
    lines = [
        basis,
        "",
        f"Finalité du traitement : {purpose}.",
        "",
        "Vous avez le droit d'obtenir la communication des règles qui définissent ce traitement "
        "et des principales caractéristiques de sa mise en œuvre (article L311-3-1 du code des "
        "relations entre le public et l'administration). Sur votre demande, la commune vous "
        "indiquera, sous une forme que vous pouvez comprendre :",
        "– le degré et le mode de contribution du traitement algorithmique à la décision ;",
        "– les données traitées et leurs sources ;",
        "– les paramètres du traitement et, le cas échéant, leur pondération, appliqués à "
        "votre situation ;",
        "– les opérations effectuées par le traitement.",
        "",
        f"Pour exercer ce droit, adressez votre demande à : {contact_line(data)}.",
        "",
        "Sans réponse de la commune dans un délai d'un mois, ou en cas de refus, vous pouvez "
        "saisir la Commission d'accès aux documents administratifs (CADA) : www.cada.fr.",
    ]
    return "\n".join(lines)


INTRO = {
    "obligation": (
        "D'après les réponses, l'outil contribue à des décisions individuelles. Chacune "
        "de ces décisions doit porter la mention ci-dessous (code des relations entre le "
        "public et l'administration, articles L311-3-1 et R311-3-1-1). Sans elle, une "
        "décision entièrement automatisée est nulle."
    ),
    "a_verifier": (
        "On ne sait pas encore si l'outil contribue à des décisions individuelles. Si "
        "c'est le cas, chacune de ces décisions doit porter la mention ci-dessous."
    ),
    "": (
        "D'après les réponses, l'outil ne contribue à aucune décision individuelle : "
        "cette mention n'est pas requise. Le modèle est donné pour information, au cas "
        "où l'usage de l'outil évoluerait."
    ),
}
ADVICE = (
    "Complétez les passages entre crochets et faites relire le texte par votre délégué à "
    "la protection des données ou votre service juridique.",
    "Préparez dès maintenant la réponse à une demande : degré de contribution de l'outil, "
    "données et sources, paramètres et pondérations, opérations effectuées.",
    "Une demande restée sans réponse pendant un mois vaut refus : désignez qui y répond.",
)


def mention_document(data: ReportData) -> Document:
    story = (
        Heading("Mention explicite à porter sur les décisions individuelles", 1),
        Para(f"Projet : {data.project}", "subtitle"),
        Para(INTRO[mention_status(data)]),
        Heading("Texte à reprendre sur chaque décision", 2),
        Para(mention_text(data), "box"),
        Heading("Avant de l'utiliser", 2),
        bullets(ADVICE),
    )
    return Document("Mention explicite", f"Mention explicite — {data.project}", story)


def mention_pdf(data: ReportData, progress: Progress | None = None) -> bytes:
    return render(mention_document(data), data, "pdf", progress)
