"""Evaluation details: blank assessment, unknowns, lowering answers, recommendations, plan, diff."""

from evalir_desktop.assessment import compare, compare_evaluations, evaluate, seed_action_plan
from evalir_desktop.content import (
    is_visible,
    load_content,
)
from evalir_desktop.domain.answers import Answer
from tests.content.helpers import answers, town

CONTENT = load_content()


def test_blank_assessment_every_axis_at_zero_and_no_obligation():
    evaluation = evaluate(CONTENT, {}, town())
    assert [axis.id for axis in evaluation.axes] == [axis.id for axis in CONTENT.axes]
    for axis in evaluation.axes:
        assert axis.completion == 0
        assert axis.score is None
        assert axis.answered == 0 and axis.applicable > 0
    assert evaluation.obligations == []
    assert evaluation.unknowns == [] and evaluation.recommendations == []
    assert evaluation.completion == 0


def test_unknown_counts_as_zero_and_is_listed_with_who_can_answer():
    evaluation = evaluate(
        CONTENT,
        answers({"besoin.origine": "inconnu", "besoin.ecrit_avant": "oui"}),
    )
    besoin = evaluation.axis("besoin")
    assert besoin.score == 50.0
    assert besoin.unknown == 1
    [unknown] = evaluation.unknowns
    assert unknown.question_id == "besoin.origine"
    assert unknown.role == "dgs" and unknown.axis_id == "besoin"
    assert unknown.role_label


def test_unanswered_is_not_counted_as_good():
    one = evaluate(CONTENT, answers({"besoin.ecrit_avant": "oui"})).axis("besoin")
    assert one.score == 100.0
    assert one.completion < 20
    assert one.answered == 1


def test_lowering_lists_the_answers_that_cost_most():
    evaluation = evaluate(
        CONTENT,
        answers(
            {
                "gouvernance.elu_referent": "oui",
                "gouvernance.validation_humaine": "aucun",
                "gouvernance.charte": "non",
                "gouvernance.capacite_contredire": "en_partie",
            }
        ),
    )
    axis = evaluation.axis("gouvernance")
    # weights 1, 1, 0.5, 1 -> total 3.5; losses 0, 100/3.5, 50/3.5, 50/3.5
    assert axis.score == round((100 + 0 + 0 + 50) / 3.5, 1)
    assert [low.question_id for low in axis.lowering][0] == "gouvernance.validation_humaine"
    assert axis.lowering[0].points == round(100 / 3.5, 1)
    assert axis.lowering[0].display == "Rien : le résultat part sans relecture"
    assert all(low.question_id != "gouvernance.elu_referent" for low in axis.lowering)


def test_recommendations_follow_weak_answers_by_priority():
    evaluation = evaluate(
        CONTENT,
        answers({"gouvernance.charte": "non", "gouvernance.validation_humaine": "clic"}),
    )
    ids = [rec.id for rec in evaluation.recommendations]
    assert ids == ["gouvernance.validation_humaine.reco", "gouvernance.charte.reco"]
    first = evaluation.recommendations[0]
    assert first.priority == "haute" and first.who == "dgs" and first.axis_id == "gouvernance"
    assert first.why and first.question_id == "gouvernance.validation_humaine"
    good = evaluate(CONTENT, answers({"gouvernance.validation_humaine": "examen"}))
    assert good.recommendations == []


def test_visibility_follows_earlier_answers_and_hides_stale_ones():
    question = CONTENT.question("contexte.donnees_sensibles")
    assert not is_visible(question, {})
    assert is_visible(question, answers({"contexte.donnees_personnelles": "oui"}))
    assert not is_visible(question, answers({"contexte.donnees_personnelles": "non"}))
    # A stale answer to a hidden parent does not make its child visible.
    role = CONTENT.question("contexte.role_outil")
    stale = answers({"contexte.systeme_ia": "non", "contexte.domaine_sensible": ["prestations"]})
    assert not is_visible(role, stale, content=CONTENT)
    assert is_visible(role, answers({"contexte.domaine_sensible": ["prestations"]}))


def test_hidden_answers_do_not_count_in_completion_or_scores():
    hidden = answers({"contexte.donnees_personnelles": "non", "donnees.conservation": "non"})
    evaluation = evaluate(CONTENT, hidden)
    assert evaluation.axis("donnees").answered == 0
    assert evaluation.axis("donnees").score is None


def test_action_plan_seeds_one_action_per_recommendation():
    evaluation = evaluate(
        CONTENT, answers({"gouvernance.charte": "non", "besoin.origine": "fournisseur"})
    )
    seeds = seed_action_plan(evaluation)
    assert [seed.recommendation_id for seed in seeds] == [
        "besoin.origine.reco",
        "gouvernance.charte.reco",
    ]
    assert seeds[0].owner and seeds[0].axis_id == "besoin" and seeds[0].priority == "haute"
    assert seed_action_plan(evaluation, existing_ids={"besoin.origine.reco"})[0].axis_id == (
        "gouvernance"
    )


def test_compare_two_versions():
    before = answers({"contexte.donnees_personnelles": "oui", "gouvernance.charte": "non"})
    after = {
        **before,
        "gouvernance.charte": Answer(value="oui"),
        "contexte.donnees_personnelles": Answer(value="non"),
    }
    diff = compare(CONTENT, before, after)
    assert [change.question_id for change in diff.answers_changed] == [
        "contexte.donnees_personnelles",
        "gouvernance.charte",
    ]
    assert diff.answers_changed[1].before == "Non" and diff.answers_changed[1].after == "Oui"
    assert diff.obligations_removed == ["rgpd.registre"] and diff.obligations_added == []
    gouvernance = next(d for d in diff.score_deltas if d.axis_id == "gouvernance")
    assert (gouvernance.before, gouvernance.after, gouvernance.delta) == (0.0, 100.0, 100.0)


def test_compare_level_changes():
    decision = answers(
        {"contexte.systeme_ia": "non", "contexte.decision_individuelle": "partielle"}
    )
    small = evaluate(CONTENT, decision, town(agents_etp=49))
    large = evaluate(CONTENT, decision, town(agents_etp=50))
    diff = compare_evaluations(small, large)
    assert diff.obligations_level_changed == ["crpa.publication_regles"]
    assert diff.obligations_added == [] and diff.obligations_removed == []


def test_comments_alone_are_not_changes():
    before = {"gouvernance.charte": Answer(value="non", comment="à voir")}
    after = {"gouvernance.charte": Answer(value="non", comment="vu en réunion")}
    assert compare(CONTENT, before, after).answers_changed == []
