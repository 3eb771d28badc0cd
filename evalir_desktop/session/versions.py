"""Version notices, new versions and comparison of two stored assessments (no Qt)."""

from __future__ import annotations

from evalir_desktop.assessment import Comparison, compare
from evalir_desktop.content import Content
from evalir_desktop.domain.records import AssessmentRecord
from evalir_desktop.session.changes import UpdateAccount, account_details
from evalir_desktop.session.reviews import compare_opinions
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store


def content_version_notice(
    record: AssessmentRecord, content: Content, account: UpdateAccount | None = None
) -> str | None:
    """Say, in French, that an assessment was answered with another questionnaire version.

    Answers are never reinterpreted silently: the agent is told what the update changed
    for this assessment when that version is archived (`account`: obligations added or
    removed, new questions, answers to review), which version the answers were given
    with, that vanished questions are ignored and new ones are left to answer, and that
    the answers of renamed questions are carried over.
    """
    if (record.content_id, record.content_version) == (content.id, content.version):
        return None
    lead = ""
    if account is not None:
        lead = " ".join([account.text(), *account_details(account, content)]) + " "
    renamed = (
        " Les réponses aux questions renommées depuis sont reprises."
        if content.renamed_questions
        else ""
    )
    return (
        f"{lead}Cette évaluation a été commencée avec la version {record.content_version} du "
        f"questionnaire ; la version actuelle est la {content.version}. Les réponses sont "
        "conservées telles quelles : les questions qui n'existent plus sont ignorées et les "
        f"nouvelles questions restent à compléter.{renamed}"
    )


def new_version(store: Store, assessment_id: str) -> AssessmentRecord:
    """A copy of a (usually validated) assessment, to re-assess; keeps the same title."""
    source = store.assessments.get(assessment_id)
    return store.assessments.copy(assessment_id, source.title, as_new_version=True)


def comparable(store: Store, assessment_id: str) -> list[AssessmentRecord]:
    """Other assessments of the file, the previous version first."""
    record = store.assessments.get(assessment_id)
    others = [r for r in store.assessments.all() if r.id != assessment_id]
    return sorted(others, key=lambda r: r.id != record.previous_version_id)


def compare_stored(store: Store, content: Content, before_id: str, after_id: str) -> Comparison:
    """What changed from one stored assessment to another (answers, scores, obligations,
    reviewers' opinions)."""
    before = AssessmentSession(store, content, before_id)
    after = AssessmentSession(store, content, after_id)
    result = compare(content, before.answers, after.answers, before.commune, after.commune)
    opinions = compare_opinions(content, store.opinions.of(before_id), store.opinions.of(after_id))
    return result.model_copy(update={"opinions_changed": opinions})


def rule_title(content: Content, rule_id: str) -> str:
    rule = next((rule for rule in content.rules if rule.id == rule_id), None)
    return rule.title if rule else rule_id
