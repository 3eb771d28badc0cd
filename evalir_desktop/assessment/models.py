"""The result of evaluating one assessment: obligations, axes, unknowns, recommendations."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, JsonValue

from evalir_desktop.content.models import Link


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class Trigger(Result):
    """An answer (or town-profile field, id `profil.<field>`) that triggered an obligation."""

    question_id: str
    label: str
    value: JsonValue
    display: str


class Obligation(Result):
    """A rule that applies, with its dates seen from the evaluation's reference date.

    `in_force` says whether the rule applies on that date; `months_left` counts the whole
    months until `applies_from` (None once in force). `deadline` says all this in French.
    """

    id: str
    title: str
    level: str
    level_label: str
    reference: str
    explanation: str
    applies_from: date
    in_force: bool
    months_left: int | None
    final_limit: date | None
    final_limit_for: str
    timing: str
    deadline: str
    sources: list[Link]
    checked_in: str
    to_check: str
    triggers: list[Trigger]


class LoweringAnswer(Result):
    """An answer that pulls its axis score down by `points` (out of 100)."""

    question_id: str
    label: str
    display: str
    points: float


class AxisResult(Result):
    id: str
    title: str
    scored: bool
    score: float | None
    completion: int
    answered: int
    applicable: int
    unknown: int
    lowering: list[LoweringAnswer]


class UnknownItem(Result):
    question_id: str
    label: str
    axis_id: str
    role: str
    role_label: str


class RecommendationItem(Result):
    id: str
    text: str
    who: str
    who_label: str
    why: str
    axis_id: str
    priority: str
    question_id: str


class Evaluation(Result):
    """No global score and no verdict: what is solid, missing, required, to be decided."""

    content_id: str
    content_version: str
    reference_date: date
    obligations: list[Obligation]
    axes: list[AxisResult]
    unknowns: list[UnknownItem]
    recommendations: list[RecommendationItem]
    completion: int

    def obligation_ids(self) -> set[str]:
        return {obligation.id for obligation in self.obligations}

    def axis(self, axis_id: str) -> AxisResult | None:
        return next((axis for axis in self.axes if axis.id == axis_id), None)
