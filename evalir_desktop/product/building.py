"""Write a product dossier from one assessment: the answers about the tool, nothing else.

Only the answers to questions the content marks `product = true` travel, and only those
the assessment actually uses (visible, answered, not « Je ne sais pas »). The town's own
answers (needs, governance, staff, training, decision), its action plan, its decision and
the names of the people who answered never do. Documents attached to those questions
go with them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from evalir_desktop import __version__
from evalir_desktop.domain.origin import PRODUCT_NAME_QUESTION
from evalir_desktop.domain.slug import slug
from evalir_desktop.file_names import cut_at_word
from evalir_desktop.product.dossier import (
    MAX_ATTACHMENT_BYTES,
    DossierAnswer,
    DossierAttachment,
    DossierProduct,
    DossierSource,
    ProductDossier,
)
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import StoreError


class NothingToShare(StoreError):
    """The assessment holds no answer about the tool yet."""


def product_answers(session: AssessmentSession) -> dict[str, DossierAnswer]:
    """The answers of the assessment that describe the tool, by question id."""
    visible = {question.id for question in session.visible_questions()}
    found = {}
    for question in session.content.questions():
        answer = session.answers.get(question.id)
        if not question.product or question.id not in visible or answer is None:
            continue
        if answer.unknown or answer.value in (None, "", []):
            continue
        found[question.id] = DossierAnswer(
            question_id=question.id, value=answer.value, comment=answer.comment
        )
    return found


def product_attachments(session: AssessmentSession) -> list[DossierAttachment]:
    """The documents attached to the questions about the tool (never the town's others)."""
    store, content = session.store, session.content
    found, total = [], 0
    for record in store.attachments.of(session.assessment_id):
        question_id = content.renamed_questions.get(record.question_id, record.question_id)
        question = content.question(question_id) if question_id else None
        if question is None or not question.product:
            continue
        data = store.attachments.data(record.id)
        total += len(data)
        if total > MAX_ATTACHMENT_BYTES:
            raise StoreError(
                "Les pièces jointes aux questions sur l'outil dépassent ensemble 20 Mo\u202f: "
                "retirez les moins utiles (ou joignez une version allégée), puis écrivez de "
                "nouveau le dossier."
            )
        found.append(DossierAttachment.of(question_id, record, data))
    return found


def product_name(session: AssessmentSession) -> str:
    """The name of the tool: as the town wrote it, else its use case, else the title."""
    named = session.answers.get(PRODUCT_NAME_QUESTION)
    if named is not None and isinstance(named.value, str) and named.value.strip():
        return named.value.strip()[:300]
    template = session.content.template(session.record.template_id or "")
    return template.title if template else session.record.title


def _answered_on(session: AssessmentSession, question_ids: set[str]) -> date:
    authors = session.store.answers.authors(session.assessment_id)
    stamps = [authors[qid].updated_at for qid in question_ids if qid in authors]
    latest = max(stamps, default=session.record.updated_at)
    return datetime.fromisoformat(latest).date()


def build_dossier(session: AssessmentSession, now: datetime | None = None) -> ProductDossier:
    """The dossier of one assessment; NothingToShare when it says nothing about the tool."""
    commune = session.commune
    if commune is None:
        raise StoreError("Renseignez d'abord le profil de la commune.")
    answers = product_answers(session)
    if not answers:
        raise NothingToShare(
            "Cette évaluation ne contient encore aucune réponse sur l'outil lui-même "
            "(fournisseur, hébergement, fonctionnement, données)\u202f: complétez ces questions "
            "avant d'écrire un dossier de produit."
        )
    record = session.record
    return ProductDossier(
        format="evalir-dossier-produit",
        format_version=1,
        written_with=__version__,
        written_at=now or datetime.now(UTC),
        source=DossierSource(
            commune=commune.nom,
            insee=commune.insee,
            epci_nom=commune.epci_nom,
            epci_siren=commune.epci_siren,
            assessment_id=record.id,
            assessment_title=record.title,
            answered_on=_answered_on(session, set(answers)),
            content_id=session.content.id,  # the ids and options the answers use
            content_version=session.content.version,
        ),
        product=DossierProduct(
            name=product_name(session),
            supplier=record.supplier,
            ai_type=record.ai_type,
            description=record.description,
        ),
        answers=list(answers.values()),
        attachments=product_attachments(session),
    )


def default_dossier_name(dossier: ProductDossier) -> str:
    """« Dossier produit - Docaposte-accueil - 42087 - 2026-11-15.evalir-produit »."""
    name = cut_at_word(slug(dossier.product.name), 60, "-")
    day = dossier.written_at.date().isoformat()
    return f"Dossier produit - {name} - {dossier.source.insee} - {day}.evalir-produit"


def dossier_destination(dossier: ProductDossier, destination: str | Path) -> Path:
    """A folder gets the default name inside it (with -2, -3… if taken); a file name is
    kept as given."""
    from evalir_desktop.output_guard import free_name

    destination = Path(destination)
    if destination.is_dir() and not destination.is_symlink():
        return free_name(destination, default_dossier_name(dossier))
    return destination
