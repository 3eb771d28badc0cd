"""Reviewers' opinions: one per role and step, « à corriger » marks the step and lists
what to revise, frozen with the assessment, compared between versions."""

from datetime import date

import pytest

from evalir_desktop.content import load_content
from evalir_desktop.domain.annexes import OpinionRecord
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.session.versions import compare_stored, new_version
from evalir_desktop.store import ReadOnlyError

CONTENT = load_content()


def opinion(assessment_id, step="donnees", role="dpd", verdict="a_corriger", comment="À revoir."):
    return OpinionRecord(
        assessment_id=assessment_id,
        step_id=step,
        reviewer_role=role,
        reviewer_name="Jon Etxeberria",
        verdict=verdict,
        comment=comment,
        given_on=date(2026, 11, 18),
    )


@pytest.fixture
def session(store):
    record = start_assessment(store, CONTENT, "Agent conversationnel", None)
    return AssessmentSession(store, CONTENT, record.id)


def test_one_opinion_per_role_and_step(session):
    store = session.store
    store.opinions.save(opinion(session.assessment_id, verdict="a_corriger"))
    store.opinions.save(opinion(session.assessment_id, verdict="acceptable", comment="Corrigé."))
    store.opinions.save(opinion(session.assessment_id, role="elu", verdict="a_ameliorer"))
    (review,) = session.reviews()
    assert [o.reviewer_role for o in review.opinions] == ["dpd", "elu"]
    assert review.verdict == "a_ameliorer" and not review.to_correct


def test_to_correct_lists_the_comment_then_the_weak_answers(session):
    store = session.store
    store.opinions.save(opinion(session.assessment_id, comment="Préciser la durée."))
    store.opinions.save(opinion(session.assessment_id, step="besoin", verdict="acceptable"))
    reviews = session.reviews()
    assert [r.step_id for r in reviews] == ["besoin", "donnees"]  # in the order of the steps
    data = reviews[1]
    assert data.to_correct and data.to_revise[0] == "DPD\u202f: Préciser la durée."
    axis = session.evaluation.axis("donnees")
    assert len(data.to_revise) == 1 + len(axis.lowering) + sum(
        1 for u in session.evaluation.unknowns if u.axis_id == "donnees"
    )


def test_a_validated_assessment_takes_no_opinion(session):
    store = session.store
    store.plan.save_decision(
        DecisionRecord(assessment_id=session.assessment_id, validated_on=date(2026, 11, 20))
    )
    with pytest.raises(ReadOnlyError):
        store.opinions.save(opinion(session.assessment_id))


def test_versions_compare_their_opinions_and_start_without_them(session):
    store = session.store
    store.opinions.save(opinion(session.assessment_id))
    store.opinions.save(
        opinion(session.assessment_id, step="besoin", role="dgs", verdict="acceptable")
    )
    later = new_version(store, session.assessment_id)
    assert store.opinions.of(later.id) == []
    store.opinions.save(opinion(later.id, verdict="acceptable", comment="Durée précisée."))
    changes = compare_stored(store, CONTENT, session.assessment_id, later.id).opinions_changed
    assert [(c.title, c.reviewer, c.before, c.after) for c in changes] == [
        ("Besoin", "DGS", "Acceptable", "Pas d'avis"),
        ("Données", "DPD", "À corriger", "Acceptable"),
    ]


def test_emptying_the_trash_removes_the_opinions(session):
    store = session.store
    store.opinions.save(opinion(session.assessment_id))
    store.assessments.delete(session.assessment_id)
    store.assessments.empty_trash()
    assert store.opinions.of(session.assessment_id) == []
