"""Documents for inhabitants (CRPA): the explanation letter (R311-3-1-2) and the request form.

The letter is built from the assessment's facts and from the fields about one person that
the agent types for this letter only: they travel in `LetterFields`, never in the file.
"""

from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field, field_validator

from evalir_desktop.content import display_answer
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.mention import contact_line, fully_automated
from evalir_desktop.report.model import (
    Block,
    Choices,
    Document,
    FillLine,
    Heading,
    Para,
    Space,
    bullets,
    key_values,
    long_text,
)
from evalir_desktop.report.typography import fr_date

TO_COMPLETE = "[à compléter : {}]"
ANSWER_WITHIN = timedelta(days=30)  # one month (CRPA R311-13); shown as a date to the agent
REQUESTED = (
    "le degré et le mode de contribution du traitement algorithmique à la décision",
    "les données traitées et leurs sources",
    "les paramètres de traitement et, le cas échéant, leur pondération, appliqués à ma situation",
    "les opérations effectuées par le traitement",
)


class LetterFields(BaseModel):
    """What the agent types about one person; validated like any input, never stored."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    nom: str = Field(default="", max_length=200)
    adresse: str = Field(default="", max_length=500)
    date_demande: date | None = None
    decision: str = Field(default="", max_length=500)  # the decision concerned
    donnees: str = Field(default="", max_length=5000)  # data about the person, sources
    parametres: str = Field(default="", max_length=5000)  # parameters, weights applied
    operations: str = Field(default="", max_length=5000)  # operations for this person
    signataire: str = Field(default="", max_length=300)

    @field_validator("nom", "adresse", "decision", "donnees", "parametres", "operations")
    @classmethod
    def _no_control(cls, value: str) -> str:
        return "".join(c for c in value if c in "\n\t" or c.isprintable())

    def answer_by(self) -> date | None:
        """The date by which the town must answer (silence for a month is a refusal)."""
        return self.date_demande + ANSWER_WITHIN if self.date_demande else None


def _or_blank(value: str, what: str) -> str:
    return value or TO_COMPLETE.format(what)


def _answer(data: ReportData, question_id: str) -> str:
    answer = data.answers.get(question_id)
    if answer is None or not answer.is_answered or answer.unknown:
        return ""
    return display_answer(data.content.question(question_id), answer)


def contribution(data: ReportData) -> str:
    """Degree and mode of contribution, from the assessment's answers."""
    if fully_automated(data):
        text = (
            "La décision a été prise par le traitement algorithmique, sans intervention d'un agent."
        )
    else:
        text = (
            "Le traitement algorithmique a aidé à préparer la décision ; la décision a été "
            "prise par un agent de la commune."
        )
    check = _answer(data, "gouvernance.validation_humaine")
    role = _answer(data, "contexte.role_outil")
    if role:
        text += f" Rôle de l'outil : {role.rstrip('.')}."
    if check:
        text += f" Contrôle par un agent : {check.rstrip('.')}."
    return text


def operations(data: ReportData) -> str:
    uses = _answer(data, "contexte.type_ia")
    purpose = data.text_answer("contexte.finalite") or data.assessment.description
    parts = [f"Finalité du traitement : {purpose.strip().rstrip('.')}." if purpose else ""]
    if uses:
        parts.append(f"Ce que fait l'outil : {uses.rstrip('.')}.")
    if data.assessment.supplier:
        parts.append(f"Outil fourni par {data.assessment.supplier}.")
    return " ".join(part for part in parts if part)


def _letter_head(data: ReportData, person: LetterFields) -> list[Block]:
    request = fr_date(person.date_demande) or TO_COMPLETE.format("date de votre demande")
    return [
        Para(contact_line(data), "small"),
        Space(0.6),
        Para(_or_blank(person.nom, "nom et prénom"), "body"),
        Para(_or_blank(person.adresse, "adresse"), "body"),
        Space(0.4),
        Para(f"À {data.town}, le {data.date_label}"),
        Para(
            "Communication des règles d'un traitement algorithmique (article L311-3-1 du code "
            "des relations entre le public et l'administration)",
            lead="Objet :",
        ),
        Para(
            _or_blank(person.decision, "décision concernée, sa date et sa référence"),
            lead="Décision concernée :",
        ),
        Para("Madame, Monsieur,"),
        Para(
            f"Par votre demande du {request}, vous avez souhaité savoir comment un traitement "
            "algorithmique a contribué à la décision qui vous concerne. Conformément à l'article "
            "R311-3-1-2 du code des relations entre le public et l'administration, voici, sous "
            "une forme que nous avons voulue compréhensible, les informations demandées."
        ),
    ]


def letter_document(data: ReportData, person: LetterFields | None = None) -> Document:
    """The answer to an inhabitant: the four items of R311-3-1-2, the CADA referral."""
    person = person or LetterFields()
    sources = data.text_answer("donnees.sources")
    story = _letter_head(data, person)
    story += [
        Heading("1. Le degré et le mode de contribution du traitement à la décision", 3),
        Para(contribution(data)),
        Heading("2. Les données traitées et leurs sources", 3),
        *long_text(sources or TO_COMPLETE.format("données utilisées et leur origine")),
        Para("Données vous concernant qui ont été prises en compte :", "body"),
        *long_text(_or_blank(person.donnees, "données de la personne et leur source")),
        Heading(
            "3. Les paramètres du traitement et leur pondération, appliqués à votre situation", 3
        ),
        *long_text(
            _or_blank(person.parametres, "paramètres retenus et leur poids pour cette personne")
        ),
        Heading("4. Les opérations effectuées par le traitement", 3),
        *long_text(operations(data) or TO_COMPLETE.format("opérations effectuées")),
    ]
    if person.operations:
        story += long_text(person.operations)
    story += [
        Para(
            "Si ces informations ne vous permettent pas de comprendre la décision, vous pouvez "
            "nous écrire à nouveau. En cas de refus, ou sans réponse de notre part dans le délai "
            "d'un mois suivant votre demande, vous pouvez saisir la Commission d'accès aux "
            "documents administratifs (CADA) dans les deux mois : www.cada.fr, ou CADA, "
            "TSA 50730, 75334 Paris Cedex 07."
        ),
        Para("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées."),
        Space(0.4),
        Para(_or_blank(person.signataire, "nom et qualité du signataire")),
    ]
    return Document("Lettre d'explication", f"Explication — {data.project}", tuple(story))


def form_document(data: ReportData) -> Document:
    """The request form for the reception desk and the website (Défenseure des droits)."""
    purpose = data.text_answer("contexte.finalite") or data.assessment.description
    story: list[Block] = [
        Para(f"Mairie de {data.town}", "subtitle"),
        Heading("Demande d'explication sur une décision prise à l'aide d'un algorithme", 1),
        Para(
            "Une décision qui vous concerne a été prise en tout ou partie à l'aide d'un "
            "traitement algorithmique ? Vous avez le droit d'en connaître les règles "
            "(article L311-3-1 du code des relations entre le public et l'administration). "
            "Remplissez ce formulaire et remettez-le à l'accueil de la mairie, ou envoyez-le "
            "par courrier ou par courriel."
        ),
        key_values(
            [
                (
                    "Traitement concerné",
                    f"{data.project} — {purpose.strip()}" if purpose else data.project,
                ),
                ("Où envoyer la demande", contact_line(data)),
            ]
        ),
        Heading("Vous", 2),
        FillLine("Nom et prénom"),
        FillLine("Adresse"),
        FillLine("Courriel ou téléphone"),
        Heading("La décision concernée", 2),
        FillLine("Objet de la décision"),
        FillLine("Date et référence"),
        Heading("Ce que vous demandez", 2),
        Para("Je demande la communication de (cochez) :"),
        Choices(tuple(item[:1].upper() + item[1:] for item in REQUESTED)),
        Para("Je souhaite recevoir la réponse :"),
        Choices(("Par courrier", "Par courriel")),
        FillLine("Date et signature"),
        Heading("La suite", 2),
        bullets(
            [
                "La commune vous répond par écrit dans un délai d'un mois.",
                "Sans réponse dans ce délai, votre demande est considérée comme refusée : "
                "vous pouvez alors saisir la Commission d'accès aux documents administratifs "
                "(CADA) dans les deux mois, sur www.cada.fr.",
                "Les informations portées sur ce formulaire servent uniquement à répondre à "
                "votre demande.",
            ]
        ),
    ]
    return Document(
        "Formulaire de demande", f"Formulaire de demande — {data.project}", tuple(story)
    )
