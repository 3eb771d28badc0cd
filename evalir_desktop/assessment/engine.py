"""`evaluate`: qualification rules, axis scores, unknowns and recommendations."""

from __future__ import annotations

from collections.abc import Mapping

from evalir_desktop.answers import Answer
from evalir_desktop.assessment.models import (
    Evaluation,
    Obligation,
    RecommendationItem,
    Trigger,
    UnknownItem,
)
from evalir_desktop.assessment.scoring import score_axis
from evalir_desktop.commune import DPD_LABELS, Commune
from evalir_desktop.content.conditions import PROFILE_PREFIX, Context, Fact, facts, holds
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

PROFILE_LABELS = {
    "population": "Population de la commune (profil)",
    "agents_etp": "Nombre d'agents en équivalent temps plein (profil)",
    "dpd_designe": "Délégué à la protection des données désigné (profil)",
}


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


def _obligation(content: Content, rule: Rule, ctx: Context) -> Obligation | None:
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
    return Obligation(
        id=rule.id,
        title=title,
        level=level,
        level_label=LEVEL_LABELS[level],
        reference=rule.reference,
        explanation=explanation,
        deadline=rule.deadline,
        to_check=rule.to_check,
        triggers=[_trigger(content, fact) for fact in found],
    )


def qualify(content: Content, ctx: Context) -> list[Obligation]:
    """The obligations, prohibitions and warnings whose conditions hold, gravest first.

    A rule is never asserted without at least one answer or profile field behind it.
    """
    found = [ob for rule in content.rules if (ob := _obligation(content, rule, ctx)) is not None]
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
    content: Content, answers: Mapping[str, Answer], commune: Commune | None = None
) -> Evaluation:
    """Evaluate one assessment. Pure: reads the content, the answers and the town profile."""
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
        obligations=qualify(content, ctx),
        axes=axes,
        unknowns=unknowns,
        recommendations=recommend(visible, kept, ctx),
        completion=completion,
    )
