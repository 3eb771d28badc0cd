"""Which questions apply, given the answers so far and the town profile."""

from __future__ import annotations

from collections.abc import Mapping

from evalir_desktop.content.conditions import Context, holds
from evalir_desktop.content.models import Content, Question
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune


def effective_answers(
    content: Content, answers: Mapping[str, Answer], commune: Commune | None = None
) -> dict[str, Answer]:
    """The answers of visible questions only: a hidden question's old answer is ignored.

    Questions are walked in content order; a `show_if` only reads earlier questions, so
    one pass is enough. Answers to ids absent from the content are dropped.
    """
    kept: dict[str, Answer] = {}
    ctx = Context(kept, commune)
    for question in content.questions():
        if question.show_if is not None and not holds(question.show_if, ctx):
            continue
        answer = answers.get(question.id)
        if answer is not None:
            kept[question.id] = answer
    return kept


def visible_questions(
    content: Content, answers: Mapping[str, Answer], commune: Commune | None = None
) -> list[Question]:
    """The questions that apply, in content order."""
    kept: dict[str, Answer] = {}
    ctx = Context(kept, commune)
    shown: list[Question] = []
    for question in content.questions():
        if question.show_if is not None and not holds(question.show_if, ctx):
            continue
        shown.append(question)
        if question.id in answers:
            kept[question.id] = answers[question.id]
    return shown


def is_visible(
    question: Question,
    answers: Mapping[str, Answer],
    commune: Commune | None = None,
    content: Content | None = None,
) -> bool:
    """True when `question` applies: its `show_if` holds on the visible earlier answers."""
    if question.show_if is None:
        return True
    if content is None:
        from evalir_desktop.content.loader import load_content

        content = load_content()
    return holds(question.show_if, Context(effective_answers(content, answers, commune), commune))
