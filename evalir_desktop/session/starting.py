"""Start a new assessment, blank or from a use-case template (no Qt)."""

from __future__ import annotations

from evalir_desktop.content import Content, Template
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.records import AssessmentRecord
from evalir_desktop.store import Store

SUPPLIER_QUESTION = "contexte.fournisseur_nom"  # « Quel est le nom du fournisseur… ? »


def start_assessment(
    store: Store,
    content: Content,
    title: str,
    template: Template | None = None,
    **fields,
) -> AssessmentRecord:
    """Create the assessment; a template fills description, service, type and context facts.

    Fields given explicitly win over the template's. The supplier typed also answers the
    question naming the supplier. Each pre-filled answer is saved like any other answer, so
    the agent sees and can correct it.
    """
    if template is not None:
        fields.setdefault("description", template.description)
        fields.setdefault("service", template.service)
        fields.setdefault("ai_type", template.ai_type)
    record = store.assessments.create(
        title,
        content_id=content.id,
        content_version=content.version,
        template_id=template.id if template else None,
        **{key: value for key, value in fields.items() if value is not None},
    )
    answers = dict(template.answers if template else {})
    if record.supplier and content.question(SUPPLIER_QUESTION) is not None:
        answers[SUPPLIER_QUESTION] = record.supplier
    for question_id, value in answers.items():
        store.answers.save(record.id, question_id, Answer(value=value))
    return record
