"""Per-axis maturity: weighted option scores, unknown as 0, no cliff, no global score."""

from __future__ import annotations

from collections.abc import Mapping

from evalir_desktop.assessment.models import AxisResult, LoweringAnswer
from evalir_desktop.content.models import SCORABLE_TYPES, Axis, Question
from evalir_desktop.content.validation import display_answer
from evalir_desktop.domain.answers import Answer

LOWERING_SHOWN = 3


def is_scored(axis: Axis, question: Question) -> bool:
    """True when the question's answer counts in its axis maturity."""
    if not axis.scored or question.weight <= 0 or question.type not in SCORABLE_TYPES:
        return False
    return question.type == "echelle" or any(o.score is not None for o in question.options)


def answer_score(question: Question, answer: Answer) -> float | None:
    """The 0–100 score of one answer; "Je ne sais pas" is 0; None when it does not score."""
    if answer.unknown:
        return 0.0
    value = answer.value
    if question.type == "echelle":
        if not isinstance(value, int | float) or isinstance(value, bool):
            return None
        span = question.max - question.min
        return max(0.0, min(100.0, (value - question.min) * 100.0 / span))
    if question.type == "choix_multiple":
        if not isinstance(value, list) or not value:
            return None
        scores = [question.option(item).score for item in value if question.option(item)]
        if all(score is None for score in scores):
            return None
        return float(min(100, sum(score or 0 for score in scores)))
    option = question.option(value) if isinstance(value, str) else None
    if option is None or option.score is None:
        return None
    return float(option.score)


def score_axis(axis: Axis, visible: list[Question], answers: Mapping[str, Answer]) -> AxisResult:
    """Score one axis from the answers to its visible questions."""
    applicable = [q for q in visible if q.axis_id == axis.id]
    answered = [q for q in applicable if q.id in answers and answers[q.id].is_answered]
    unknown = [q for q in answered if answers[q.id].unknown]
    scored: list[tuple[Question, float]] = []
    for question in answered:
        if is_scored(axis, question):
            score = answer_score(question, answers[question.id])
            if score is not None:
                scored.append((question, score))
    total_weight = sum(q.weight for q, _ in scored)
    score = None
    lowering: list[LoweringAnswer] = []
    if total_weight > 0:
        score = round(sum(q.weight * s for q, s in scored) / total_weight, 1)
        losses = [(q, q.weight * (100 - s) / total_weight) for q, s in scored]
        losses = sorted((item for item in losses if item[1] > 0), key=lambda item: -item[1])
        lowering = [
            LoweringAnswer(
                question_id=q.id,
                label=q.label,
                display=display_answer(q, answers[q.id]),
                points=round(points, 1),
            )
            for q, points in losses[:LOWERING_SHOWN]
        ]
    completion = 100 if not applicable else round(100 * len(answered) / len(applicable))
    if answered and len(answered) < len(applicable):
        completion = max(1, min(completion, 99))
    return AxisResult(
        id=axis.id,
        title=axis.title,
        scored=axis.scored,
        score=score,
        completion=completion,
        answered=len(answered),
        applicable=len(applicable),
        unknown=len(unknown),
        lowering=lowering,
    )
