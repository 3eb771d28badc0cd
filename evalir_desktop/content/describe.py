"""Conditions said in plain French, as nested list items, for the published method."""

from __future__ import annotations

from evalir_desktop.content.conditions import (
    PROFILE_LABELS,
    AllOf,
    AnyOf,
    Condition,
    Not,
    Ref,
    Test,
)
from evalir_desktop.content.models import Content
from evalir_desktop.content.validation import UNKNOWN_LABEL
from evalir_desktop.domain.commune import DPD_LABELS
from evalir_desktop.french import NNBSP, quoted

Line = tuple[int, str]  # (depth, text)
BOUNDS = {"gt": "plus de", "gte": "au moins", "lt": "moins de", "lte": "au plus"}


def _subject(test: Test, content: Content) -> str:
    if test.profile is not None:
        return quoted(PROFILE_LABELS[test.profile])
    question = content.question(test.q or "")
    return quoted(question.label if question else str(test.q))


def _value(test: Test, content: Content, value) -> str:
    if test.profile is not None:
        return quoted(str(DPD_LABELS.get(value, value)))
    question = content.question(test.q or "")
    label = question.option_label(value) if question and isinstance(value, str) else value
    return quoted(str(label))


def _values(test: Test, content: Content, values: list, joiner: str) -> str:
    return f" {joiner} ".join(_value(test, content, value) for value in values)


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _test_text(test: Test, content: Content) -> str:
    """ "« question » : réponse « option »", and the like for every kind of test."""
    subject = _subject(test, content) + NNBSP
    if test.answered is not None:
        return f"{subject}: {'a une réponse' if test.answered else 'sans réponse'}"
    if test.unknown is not None:
        if test.profile is not None:
            state = "non renseigné" if test.unknown else "renseigné"
            return f"{subject}: {state}"
        verb = "est" if test.unknown else "n'est pas"
        return f"{subject}: la réponse {verb} {quoted(UNKNOWN_LABEL)}"
    if test.equals is not None:
        return f"{subject}: réponse {_value(test, content, test.equals)}"
    if test.in_ is not None:
        return f"{subject}: réponse {_values(test, content, test.in_, 'ou')}"
    if test.contains is not None:
        wanted = [test.contains] if isinstance(test.contains, str) else test.contains
        return f"{subject}: parmi les choix, {_values(test, content, wanted, 'ou')}"
    if test.count_gte is not None:
        return f"{subject}: au moins {test.count_gte} choix"
    bounds = [
        f"{BOUNDS[name]} {_number(getattr(test, name))}"
        for name in BOUNDS
        if getattr(test, name) is not None
    ]
    return f"{subject}: {' et '.join(bounds)}"


def describe(condition: Condition, content: Content, depth: int = 0) -> list[Line]:
    """The condition as list items: a combinator announces its items one level deeper."""
    if isinstance(condition, AllOf):
        items = condition.all_
        head = f"toutes ces conditions sont remplies{NNBSP}:"
    elif isinstance(condition, AnyOf):
        items = condition.any_
        head = f"l'une au moins de ces conditions est remplie{NNBSP}:"
    elif isinstance(condition, Not):
        items = [condition.not_]
        head = f"ce qui suit n'est pas vrai{NNBSP}:"
    elif isinstance(condition, Ref):
        title = content.conditions[condition.ref].title
        see = quoted("Conditions communes")
        return [(depth, f"condition commune {quoted(title)} (voir {see})")]
    else:
        return [(depth, _test_text(condition, content))]
    lines: list[Line] = [(depth, head)]
    for item in items:
        lines += describe(item, content, depth + 1)
    return lines
