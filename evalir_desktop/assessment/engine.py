"""`evaluate`: qualification rules, axis scores, unknowns and recommendations."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from evalir_desktop.assessment.calendar import final_limit_text, months_between, status_text
from evalir_desktop.assessment.models import (
    Evaluation,
    Obligation,
    RecommendationItem,
    Trigger,
    UnknownItem,
)
from evalir_desktop.assessment.scoring import score_axis
from evalir_desktop.content.conditions import (
    PROFILE_LABELS,
    PROFILE_PREFIX,
    Context,
    Fact,
    facts,
    holds,
)
from evalir_desktop.content.models import (
    LEVEL_LABELS,
    LEVEL_ORDER,
    PRIORITY_ORDER,
    ROLE_LABELS,
    Content,
    Question,
    Recommendation,
    Rule,
)
from evalir_desktop.content.validation import display_value
from evalir_desktop.content.visibility import effective_answers, visible_questions
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import DPD_LABELS, Commune


def _trigger(content: Content, fact: Fact) -> Trigger:
    if fact.source_id.startswith(PROFILE_PREFIX):
        field = fact.source_id.removeprefix(PROFILE_PREFIX)
        value = fact.value
        display = DPD_LABELS.get(value, display_value(None, value))
        return Trigger(
            question_id=fact.source_id,
            label=PROFILE_LABELS.get(field, field),
            value=value,
            display=display,
        )
    question = content.question(fact.source_id)
    return Trigger(
        question_id=fact.source_id,
        label=question.label if question else fact.source_id,
        value=fact.value,
        display=display_value(question, fact.value),
    )


def _deadline(rule: Rule, on: date) -> str:
    """The dates of a rule in French: in force or to anticipate, final limit, timing."""
    parts = [status_text(rule.applies_from, on) + "."]
    if rule.final_limit is not None:
        parts.append(final_limit_text(rule.final_limit, rule.final_limit_for))
    if rule.timing:
        parts.append(rule.timing.rstrip(".") + ".")
    return " ".join(parts)


def _obligation(content: Content, rule: Rule, ctx: Context, on: date) -> Obligation | None:
    if not holds(rule.when, ctx):
        return None
    found = list(facts(rule.when, ctx))
    level, title, explanation = rule.level, rule.title, rule.explanation
    for case in rule.cases:
        if holds(case.when, ctx):
            level = case.level
            title = case.title or title
            explanation = case.explanation or explanation
            found += [fact for fact in facts(case.when, ctx) if fact not in found]
            break
    if not found:
        return None
    in_force = on >= rule.applies_from
    return Obligation(
        id=rule.id,
        title=title,
        level=level,
        level_label=LEVEL_LABELS[level],
        reference=rule.reference,
        explanation=explanation,
        applies_from=rule.applies_from,
        in_force=in_force,
        months_left=None if in_force else months_between(on, rule.applies_from),
        final_limit=rule.final_limit,
        final_limit_for=rule.final_limit_for,
        timing=rule.timing,
        deadline=_deadline(rule, on),
        sources=rule.sources,
        checked_in=rule.checked_in,
        to_check=rule.to_check,
        triggers=[_trigger(content, fact) for fact in found],
    )


def qualify(content: Content, ctx: Context, on: date) -> list[Obligation]:
    """The obligations, prohibitions and warnings whose conditions hold, gravest first.

    A rule is never asserted without at least one answer or profile field behind it; its
    dates are read on the reference date `on`.
    """
    found = [
        ob for rule in content.rules if (ob := _obligation(content, rule, ctx, on)) is not None
    ]
    return sorted(found, key=lambda ob: LEVEL_ORDER[ob.level])


def _recommendation_applies(rec: Recommendation, answer: Answer, ctx: Context) -> bool:
    if rec.when is not None and not holds(rec.when, ctx):
        return False
    if not (rec.options or rec.on_unknown or rec.below is not None):
        return True
    if answer.unknown:
        return rec.on_unknown
    value = answer.value
    held = value if isinstance(value, list) else [value]
    if any(option in held for option in rec.options):
        return True
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return rec.below is not None and number and value < rec.below


def recommend(
    visible: list[Question], answers: Mapping[str, Answer], ctx: Context
) -> list[RecommendationItem]:
    """Recommendations attached to weak answers, by priority then content order."""
    items: list[RecommendationItem] = []
    for question in visible:
        answer = answers.get(question.id)
        if answer is None or not answer.is_answered:
            continue
        for rec in question.recommendations:
            if _recommendation_applies(rec, answer, ctx):
                items.append(
                    RecommendationItem(
                        id=rec.id,
                        text=rec.text,
                        who=rec.who,
                        who_label=ROLE_LABELS[rec.who],
                        why=rec.why,
                        axis_id=question.axis_id,
                        priority=rec.priority,
                        question_id=question.id,
                    )
                )
    return sorted(items, key=lambda item: PRIORITY_ORDER[item.priority])


def evaluate(
    content: Content,
    answers: Mapping[str, Answer],
    commune: Commune | None = None,
    on: date | None = None,
) -> Evaluation:
    """Evaluate one assessment on a reference date (today by default).

    Reads only the content, the answers, the town profile and the date.
    """
    on = on or date.today()
    kept = effective_answers(content, answers, commune)
    visible = visible_questions(content, answers, commune)
    ctx = Context(kept, commune)
    axes = [score_axis(axis, visible, kept) for axis in content.axes]
    unknowns = [
        UnknownItem(
            question_id=q.id,
            label=q.label,
            axis_id=q.axis_id,
            role=q.role,
            role_label=ROLE_LABELS[q.role],
        )
        for q in visible
        if q.id in kept and kept[q.id].unknown
    ]
    applicable = sum(axis.applicable for axis in axes)
    answered = sum(axis.answered for axis in axes)
    completion = round(100 * answered / applicable) if applicable else 100
    if answered and answered < applicable:
        completion = max(1, min(completion, 99))
    return Evaluation(
        content_id=content.id,
        content_version=content.version,
        reference_date=on,
        obligations=qualify(content, ctx, on),
        axes=axes,
        unknowns=unknowns,
        recommendations=recommend(visible, kept, ctx),
        completion=completion,
    )
