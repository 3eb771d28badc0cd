"""The condition language and the answer checks shared by the window and the command line."""

import pytest
from pydantic import ValidationError

from evalir_desktop.content import (
    Condition,
    Context,
    display_answer,
    facts,
    holds,
    load_content,
    parse_condition,
    parse_value,
    validate_answer,
)
from evalir_desktop.domain.answers import Answer
from tests.content.helpers import answers, town

CONTENT = load_content()


def cond(data: dict) -> Condition:
    return parse_condition(data)


def ctx(values: dict, commune=None) -> Context:
    return Context(answers(values), commune)


@pytest.mark.parametrize(
    ("condition", "values", "expected"),
    [
        ({"q": "a.b", "equals": "oui"}, {"a.b": "oui"}, True),
        ({"q": "a.b", "equals": "oui"}, {"a.b": "non"}, False),
        ({"q": "a.b", "equals": "oui"}, {}, False),
        ({"q": "a.b", "equals": "oui"}, {"a.b": "inconnu"}, False),
        ({"q": "a.b", "in": ["x", "y"]}, {"a.b": "y"}, True),
        ({"q": "a.b", "contains": "x"}, {"a.b": ["y", "x"]}, True),
        ({"q": "a.b", "contains": ["z", "w"]}, {"a.b": ["y", "x"]}, False),
        ({"q": "a.b", "count_gte": 2}, {"a.b": ["y", "x"]}, True),
        ({"q": "a.b", "count_gte": 2}, {"a.b": ["y"]}, False),
        ({"q": "a.b", "gte": 50}, {"a.b": 50}, True),
        ({"q": "a.b", "gt": 50}, {"a.b": 50}, False),
        ({"q": "a.b", "gte": 10, "lt": 20}, {"a.b": 15}, True),
        ({"q": "a.b", "lte": 10}, {"a.b": "dix"}, False),
        ({"q": "a.b", "answered": True}, {"a.b": "inconnu"}, True),
        ({"q": "a.b", "answered": False}, {}, True),
        ({"q": "a.b", "unknown": True}, {"a.b": "inconnu"}, True),
        ({"q": "a.b", "unknown": True}, {"a.b": "oui"}, False),
        ({"not": {"q": "a.b", "equals": "oui"}}, {"a.b": "non"}, True),
        ({"all": [{"q": "a.b", "equals": "oui"}, {"q": "c.d", "gte": 1}]},
         {"a.b": "oui", "c.d": 0}, False),
        ({"any": [{"q": "a.b", "equals": "oui"}, {"q": "c.d", "gte": 1}]},
         {"a.b": "oui", "c.d": 0}, True),
    ],
)  # fmt: skip
def test_condition_language(condition, values, expected):
    assert holds(cond(condition), ctx(values)) is expected


def test_profile_conditions():
    fifty = cond({"profile": "agents_etp", "gte": 50})
    assert holds(fifty, ctx({}, town(agents_etp=50)))
    assert not holds(fifty, ctx({}, town(agents_etp=49.5)))
    assert not holds(fifty, ctx({}, None))
    assert holds(cond({"profile": "agents_etp", "unknown": True}), ctx({}, None))
    assert holds(
        cond({"profile": "dpd_designe", "unknown": True}), ctx({}, town(dpd_designe="inconnu"))
    )


def test_facts_name_the_answers_behind_a_true_condition():
    condition = cond(
        {"all": [{"q": "a.b", "equals": "oui"}, {"not": {"q": "c.d", "equals": "toujours"}}]}
    )
    found = facts(condition, ctx({"a.b": "oui", "c.d": "parfois"}))
    assert [(f.source_id, f.value) for f in found] == [("a.b", "oui"), ("c.d", "parfois")]
    assert facts(condition, ctx({"a.b": "non"})) == []
    assert [f.source_id for f in facts(condition, ctx({"a.b": "oui"}))] == ["a.b"]


@pytest.mark.parametrize(
    "bad",
    [
        {"q": "a.b"},
        {"q": "a.b", "profile": "population", "gte": 1},
        {"all": [], "q": "a.b", "equals": "x"},
        {"profile": "nom", "equals": "x"},
        {"q": "a.b", "equals": "x", "in": ["x"]},
        {"q": "a.b", "eval": "__import__('os')"},
        {"all": []},
        {"ref": "Nom avec espaces"},
        {"not": {"q": "a.b", "equals": "x"}, "any": [{"q": "a.b", "equals": "x"}]},
    ],
)
def test_malformed_conditions_are_refused(bad):
    with pytest.raises(ValidationError):
        cond(bad)


@pytest.mark.parametrize(
    ("question_id", "answer", "fragment"),
    [
        ("besoin.origine", Answer(value="elus"), None),
        ("besoin.origine", Answer(value="zz"), "Valeurs possibles"),
        ("besoin.origine", Answer(value=3), "Valeurs possibles"),
        ("besoin.origine", Answer(unknown=True), None),
        ("besoin.origine", Answer(unknown=True, value="elus"), "Je ne sais pas"),
        ("contexte.service", Answer(unknown=True), "n'accepte pas"),
        ("besoin.origine", Answer(), None),
        ("contexte.utilisateurs", Answer(value=["agents", "habitants"]), None),
        ("contexte.utilisateurs", Answer(value="agents"), "liste"),
        ("contexte.utilisateurs", Answer(value=["agents", "agents"]), "deux fois"),
        ("contexte.domaine_sensible", Answer(value=["aucun_domaine", "prestations"]), "combiné"),
        ("contexte.volume", Answer(value=1200), None),
        ("contexte.volume", Answer(value=-1), "au moins"),
        ("contexte.volume", Answer(value=True), "nombre"),
        ("contexte.volume", Answer(value="beaucoup"), "nombre"),
        ("contexte.service", Answer(value="Accueil"), None),
        ("contexte.service", Answer(value="x" * 400), "trop long"),
        ("contexte.finalite", Answer(value=12), "texte"),
    ],
)
def test_validate_answer(question_id, answer, fragment):
    problem = validate_answer(CONTENT.question(question_id), answer)
    if fragment is None:
        assert problem is None
    else:
        assert problem and fragment in problem


def test_parse_value_from_the_command_line():
    origine = CONTENT.question("besoin.origine")
    assert parse_value(origine, "inconnu") == Answer(unknown=True)
    assert parse_value(origine, "elus") == Answer(value="elus")
    assert parse_value(origine, '"elus"') == Answer(value="elus")
    users = CONTENT.question("contexte.utilisateurs")
    assert parse_value(users, '["agents"]') == Answer(value=["agents"])
    assert parse_value(users, "agents,habitants") == Answer(value=["agents", "habitants"])
    assert parse_value(CONTENT.question("contexte.volume"), "12") == Answer(value=12)
    assert parse_value(CONTENT.question("contexte.service"), "42") == Answer(value="42")


def test_display_answer_in_french():
    users = CONTENT.question("contexte.utilisateurs")
    assert display_answer(users, Answer(value=["agents"])) == "Des agents de la commune"
    assert display_answer(users, Answer(unknown=True)) == "Je ne sais pas"
    assert display_answer(users, None) == "Sans réponse"


def test_conditions_are_a_tagged_union_of_four_shapes_and_a_name():
    from evalir_desktop.content.conditions import AllOf, AnyOf, Not, Ref, Test

    parsed = cond({"all": [{"any": [{"q": "a.b", "equals": "x"}]}, {"not": {"ref": "nom"}}]})
    assert isinstance(parsed, AllOf)
    assert isinstance(parsed.all_[0], AnyOf) and isinstance(parsed.all_[0].any_[0], Test)
    assert isinstance(parsed.all_[1], Not) and isinstance(parsed.all_[1].not_, Ref)


def test_a_named_condition_reads_its_target_and_reports_its_facts():
    named = cond({"q": "a.b", "equals": "oui"})
    ref = cond({"ref": "nom"})
    with pytest.raises(LookupError):
        holds(ref, ctx({"a.b": "oui"}))
    ref.resolve(named)
    assert holds(ref, ctx({"a.b": "oui"}))
    assert [f.source_id for f in facts(ref, ctx({"a.b": "oui"}))] == ["a.b"]
