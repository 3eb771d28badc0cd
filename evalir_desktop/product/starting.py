"""Start a new assessment from a product dossier: the tool's answers filled, marked, editable.

The dossier was checked when read (`product.dossier.read_dossier`). Its answers are then
read like any stored answer (renamed questions, retired options, answers that do not fit
their question left out) and only those the installed content marks `product = true` are
kept: a dossier cannot fill in the town's own questions, whatever it holds. Each kept
answer is saved with the dossier's origin as its author, all in one transaction with the
new assessment.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evalir_desktop.content import Content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.attachment_rules import AttachmentRefused
from evalir_desktop.domain.origin import Origin
from evalir_desktop.domain.records import AssessmentRecord
from evalir_desktop.product.dossier import ProductDossier
from evalir_desktop.session.session import current_answers
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.store import Store


@dataclass
class Reuse:
    """What a dossier brings: answers to reuse, and those left aside with the reason."""

    answers: dict[str, Answer] = field(default_factory=dict)
    left_aside: list[str] = field(default_factory=list)


@dataclass
class Started:
    """The new assessment, the questions filled from the dossier, the answers left aside."""

    record: AssessmentRecord
    reused: list[str]
    left_aside: list[str]


def origin_of(dossier: ProductDossier) -> Origin:
    source = dossier.source
    return Origin(commune=source.commune, insee=source.insee, on=source.answered_on)


def reusable(content: Content, dossier: ProductDossier) -> Reuse:
    """The dossier's answers the installed content accepts as answers about the tool."""
    given = {a.question_id: Answer(value=a.value, comment=a.comment) for a in dossier.answers}
    read = current_answers(content, given)
    reuse = Reuse()
    for question_id in given:
        current = content.renamed_questions.get(question_id, question_id)
        question = content.question(current)
        answer = read.get(current)
        if question is None:
            reuse.left_aside.append(f"{question_id}\u202f: question absente de ce questionnaire")
        elif not question.product:
            reuse.left_aside.append(f"{question.label}\u202f: réponse propre à chaque commune")
        elif answer is None or not answer.is_answered:
            reuse.left_aside.append(f"{question.label}\u202f: réponse non valable ici")
        else:
            reuse.answers[current] = answer
    return reuse


def start_from_dossier(
    store: Store,
    content: Content,
    dossier: ProductDossier,
    title: str | None = None,
    **fields,
) -> Started:
    """Create the assessment with the dossier's product answers; nothing else is touched."""
    reuse = reusable(content, dossier)
    product = dossier.product
    fields.setdefault("description", product.description)
    fields.setdefault("supplier", product.supplier)
    fields.setdefault("ai_type", product.ai_type)
    tag = origin_of(dossier).tag
    with store.batch():
        record = start_assessment(store, content, (title or "").strip() or product.name, **fields)
        for question_id, answer in reuse.answers.items():
            store.answers.save(record.id, question_id, answer, who=tag)
        for attachment in dossier.attachments:
            reason = attach(store, content, record.id, attachment, tag)
            if reason:
                reuse.left_aside.append(reason)
    return Started(record, sorted(reuse.answers), reuse.left_aside)


def attach(store: Store, content: Content, assessment_id: str, attachment, tag: str) -> str:
    """Attach a document of the dossier to its question; the French reason if it is not."""
    question_id = content.renamed_questions.get(attachment.question_id, attachment.question_id)
    question = content.question(question_id)
    if question is None or not question.product:
        return f"« {attachment.name} »\u202f: pièce jointe d'une question qui ne décrit pas l'outil"
    try:
        store.attachments.add_data(
            assessment_id,
            attachment.name,
            attachment.content(),
            question_id=question_id,
            kind=attachment.kind,
            comment=attachment.comment,
            who=tag,
        )
    except AttachmentRefused as refused:
        return str(refused)
    return ""
