"""Compare two versions of an assessment: answers changed, score deltas, obligations."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from evalir_desktop.assessment.engine import evaluate
from evalir_desktop.assessment.models import Evaluation
from evalir_desktop.content.models import Content
from evalir_desktop.content.validation import display_answer
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class AnswerChange(Frozen):
    question_id: str
    label: str
    before: str
    after: str


class ScoreDelta(Frozen):
    axis_id: str
    title: str
    before: float | None
    after: float | None
    delta: float | None
    completion_before: int
    completion_after: int


class OpinionChange(Frozen):
    """A reviewer's opinion on a step given, withdrawn or changed between two versions."""

    step_id: str
    title: str
    reviewer: str
    before: str
    after: str
    comment: str = ""


class Comparison(Frozen):
    answers_changed: list[AnswerChange]
    score_deltas: list[ScoreDelta]
    obligations_added: list[str]
    obligations_removed: list[str]
    obligations_level_changed: list[str]
    opinions_changed: list[OpinionChange] = []


def compare_answers(
    content: Content, before: Mapping[str, Answer], after: Mapping[str, Answer]
) -> list[AnswerChange]:
    """Answers whose value or "Je ne sais pas" differ, in content order (comments ignored)."""
    changes: list[AnswerChange] = []
    for question in content.questions():
        old, new = before.get(question.id), after.get(question.id)
        old_key = (old.value, old.unknown) if old and old.is_answered else None
        new_key = (new.value, new.unknown) if new and new.is_answered else None
        if old_key != new_key:
            changes.append(
                AnswerChange(
                    question_id=question.id,
                    label=question.label,
                    before=display_answer(question, old),
                    after=display_answer(question, new),
                )
            )
    return changes


def compare_evaluations(before: Evaluation, after: Evaluation) -> Comparison:
    """Score deltas per axis and obligations added, removed or changed in level."""
    deltas = []
    for new_axis in after.axes:
        old_axis = before.axis(new_axis.id)
        old_score = old_axis.score if old_axis else None
        delta = None
        if old_score is not None and new_axis.score is not None:
            delta = round(new_axis.score - old_score, 1)
        deltas.append(
            ScoreDelta(
                axis_id=new_axis.id,
                title=new_axis.title,
                before=old_score,
                after=new_axis.score,
                delta=delta,
                completion_before=old_axis.completion if old_axis else 0,
                completion_after=new_axis.completion,
            )
        )
    old_levels = {ob.id: ob.level for ob in before.obligations}
    new_levels = {ob.id: ob.level for ob in after.obligations}
    return Comparison(
        answers_changed=[],
        score_deltas=deltas,
        obligations_added=[i for i in new_levels if i not in old_levels],
        obligations_removed=[i for i in old_levels if i not in new_levels],
        obligations_level_changed=[
            i for i in new_levels if i in old_levels and old_levels[i] != new_levels[i]
        ],
    )


def compare(
    content: Content,
    before: Mapping[str, Answer],
    after: Mapping[str, Answer],
    commune_before: Commune | None = None,
    commune_after: Commune | None = None,
) -> Comparison:
    """Full comparison of two answer sets (e.g. a validated version and its successor)."""
    result = compare_evaluations(
        evaluate(content, before, commune_before), evaluate(content, after, commune_after)
    )
    return result.model_copy(update={"answers_changed": compare_answers(content, before, after)})
