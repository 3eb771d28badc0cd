"""The logic behind the assessment screens, without Qt: steps, start, plan dates, versions."""

from datetime import date

import pytest

from evalir_desktop.assessment import evaluate
from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.session.plan import add_recommended_actions, parse_french_date
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.session.steps import (
    COMPLETE,
    HAS_UNKNOWNS,
    IN_PROGRESS,
    NOT_STARTED,
    progress,
    steps,
)
from evalir_desktop.session.versions import compare_stored, new_version

CHATBOT = "agent_conversationnel_accueil"


def test_steps_are_context_axes_then_results_plan_decision():
    content = load_content()
    ids = [step.id for step in steps(content)]
    assert ids[0] == "contexte"
    assert ids[-3:] == ["resultats", "plan", "decision"]
    assert len(ids) == len(content.axes) + 3


def test_template_prefills_context_and_states_follow_answers(store, commune):
    content = load_content()
    record = start_assessment(store, content, "Chatbot", content.template(CHATBOT))
    assert record.template_id == CHATBOT and record.service == "Accueil"
    answers = store.answers.of(record.id)
    assert answers["contexte.systeme_ia"].value == "oui"
    state = progress(content, answers, commune)
    assert state.states["contexte"] == IN_PROGRESS
    assert state.states["besoin"] == NOT_STARTED
    assert 0 < state.percent < 100
    store.answers.save(record.id, "besoin.origine", Answer(unknown=True))
    state = progress(content, store.answers.of(record.id), commune)
    assert state.states["besoin"] == HAS_UNKNOWNS


def test_an_axis_is_complete_when_every_visible_question_is_answered(store, commune):
    content = load_content()
    record = start_assessment(store, content, "Chatbot")
    for question in content.axis("gouvernance").questions:
        if question.options:
            store.answers.save(record.id, question.id, Answer(value=question.options[0].id))
    state = progress(content, store.answers.of(record.id), commune)
    assert state.states["gouvernance"] == COMPLETE
    decided = DecisionRecord(assessment_id=record.id, validated_on=date(2026, 11, 20))
    assert progress(content, {}, commune, decided).states["decision"] == IN_PROGRESS


@pytest.mark.parametrize(
    ("text", "expected"),
    [("15/03/2027", date(2027, 3, 15)), ("1.2.2027", date(2027, 2, 1)), ("  ", None)],
)
def test_french_dates(text, expected):
    assert parse_french_date(text) == expected


@pytest.mark.parametrize(("text", "reason"), [("31/02/2027", "n'existe pas"), ("mars", "JJ/MM")])
def test_wrong_dates_are_explained(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_french_date(text)


def test_recommended_actions_are_added_once_with_their_priority(store, commune):
    content = load_content()
    record = start_assessment(store, content, "Chatbot", content.template(CHATBOT))
    store.answers.save(record.id, "gouvernance.elu_referent", Answer(value="non"))
    evaluation = evaluate(content, store.answers.of(record.id), commune)
    assert add_recommended_actions(store, record.id, evaluation) >= 1
    assert add_recommended_actions(store, record.id, evaluation) == 0
    action = store.plan.actions(record.id)[0]
    assert action.priority == 1 and action.axis_id == "gouvernance"


def test_new_version_summary_and_comparison(store, commune):
    content = load_content()
    first = start_assessment(store, content, "Chatbot", content.template(CHATBOT))
    summary = AssessmentSession(store, content, first.id).summary()
    assert summary.obligations >= 5 and not summary.frozen
    second = new_version(store, first.id)
    assert second.version_number == 2 and second.previous_version_id == first.id
    store.answers.save(second.id, "contexte.interaction_habitants", Answer(value="non"))
    result = compare_stored(store, content, first.id, second.id)
    assert [change.question_id for change in result.answers_changed] == [
        "contexte.interaction_habitants"
    ]
    assert "aiact.transparence_interaction" in result.obligations_removed


def test_the_supplier_typed_answers_the_supplier_question(store, commune):
    content = load_content()
    record = start_assessment(store, content, "Accueil", supplier="Éditeur Exemple, « Accueil+ »")
    answers = store.answers.of(record.id)
    assert answers["contexte.fournisseur_nom"].value == "Éditeur Exemple, « Accueil+ »"
    blank = start_assessment(store, content, "Sans fournisseur")
    assert "contexte.fournisseur_nom" not in store.answers.of(blank.id)
