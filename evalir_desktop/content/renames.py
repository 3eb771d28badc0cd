"""Stored answers seen under the current question ids (`[content.renamed_questions]`).

A question renamed in a new content version keeps its stored answers: they are read under
the new id, never rewritten in the file. Every place where stored answers meet the content
reads them through `stored_answers`, so that the window, the engine, the reports, the
command line and the territory see the same answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from evalir_desktop.answers import Answer
from evalir_desktop.content.models import Content

if TYPE_CHECKING:
    from evalir_desktop.store import Store


def current_answers(content: Content, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """The answers keyed by current ids: an answer under an old id moves to its new id.

    An answer already stored under the new id is newer and wins; the old one then stays
    under its old id, ignored downstream like answers to ids that are neither current
    nor renamed.
    """
    result = dict(answers)
    for old_id, new_id in content.renamed_questions.items():
        if old_id in result and new_id not in answers:
            result[new_id] = result.pop(old_id)
    return result


def stored_answers(store: Store, content: Content, assessment_id: str) -> dict[str, Answer]:
    """The answers of one stored assessment, under the current question ids."""
    return current_answers(content, store.answers(assessment_id))


def save_current_answer(
    store: Store, content: Content, assessment_id: str, question_id: str, answer: Answer
) -> None:
    """Save an answer to a current question; removing it also removes its old-id answer.

    Otherwise the answer stored under the old id would come back under the new id.
    """
    if not answer.is_answered and not answer.comment:
        stored = store.answers(assessment_id)
        for old_id, new_id in content.renamed_questions.items():
            if new_id == question_id and old_id in stored:
                store.save_answer(assessment_id, old_id, answer)
    store.save_answer(assessment_id, question_id, answer)
