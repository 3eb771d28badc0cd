"""The steps of the guided assessment and the state of each one (no Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from evalir_desktop.content import Content, visible_questions
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import DecisionRecord

RESULTS = "resultats"
PLAN = "plan"
DECISION = "decision"

NOT_STARTED = "non_commence"
IN_PROGRESS = "en_cours"
COMPLETE = "complet"
HAS_UNKNOWNS = "inconnues"
STATE_LABELS = {
    NOT_STARTED: "Pas commencé",
    IN_PROGRESS: "En cours",
    COMPLETE: "Terminé",
    HAS_UNKNOWNS: "Réponses à documenter",
    "": "",
}


@dataclass(frozen=True)
class Step:
    """One page of the assessment: an axis of the content, or a fixed page."""

    id: str
    title: str
    kind: str  # "axis", "results", "plan" or "decision"


def steps(content: Content) -> list[Step]:
    """Context, each axis, then results, action plan and decision."""
    return [
        *(Step(axis.id, axis.short_title or axis.title, "axis") for axis in content.axes),
        Step(RESULTS, "Résultats", "results"),
        Step(PLAN, "Plan d'action", "plan"),
        Step(DECISION, "Décision", "decision"),
    ]


@dataclass(frozen=True)
class Progress:
    """Answered and applicable questions, overall and per axis, with axis states."""

    answered: int
    applicable: int
    states: dict[str, str]

    @property
    def percent(self) -> int:
        if not self.applicable:
            return 0
        return round(100 * self.answered / self.applicable)


def axis_state(answered: int, applicable: int, unknown: int) -> str:
    if unknown:
        return HAS_UNKNOWNS
    if answered == 0:
        return NOT_STARTED
    return COMPLETE if answered >= applicable else IN_PROGRESS


def decision_state(decision: DecisionRecord | None) -> str:
    if decision is None:
        return NOT_STARTED
    if decision.is_validated and decision.outcome:
        return COMPLETE
    filled = decision.validated_by or decision.outcome or decision.council_date or decision.text
    return IN_PROGRESS if filled or decision.is_validated else NOT_STARTED


def progress(
    content: Content,
    answers: Mapping[str, Answer],
    commune: Commune | None = None,
    decision: DecisionRecord | None = None,
    action_count: int = 0,
) -> Progress:
    """Which questions apply now (live `show_if`), how many are answered, step states."""
    visible = visible_questions(content, answers, commune)
    states: dict[str, str] = {}
    total = done = 0
    for axis in content.axes:
        mine = [q for q in visible if q.axis_id == axis.id]
        given = [answers[q.id] for q in mine if q.id in answers and answers[q.id].is_answered]
        unknown = sum(1 for answer in given if answer.unknown)
        states[axis.id] = axis_state(len(given), len(mine), unknown)
        total += len(mine)
        done += len(given)
    states[RESULTS] = ""
    states[PLAN] = IN_PROGRESS if action_count else NOT_STARTED
    states[DECISION] = decision_state(decision)
    return Progress(answered=done, applicable=total, states=states)
