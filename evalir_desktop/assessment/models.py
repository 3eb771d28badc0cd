"""The result of evaluating one assessment: obligations, axes, unknowns, recommendations."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, JsonValue


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class Trigger(Result):
    """An answer (or town-profile field, id `profil.<field>`) that triggered an obligation."""

    question_id: str
    label: str
    value: JsonValue
    display: str


class Obligation(Result):
    id: str
    title: str
    level: str
    level_label: str
    reference: str
    explanation: str
    deadline: str
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
    obligations: list[Obligation]
    axes: list[AxisResult]
    unknowns: list[UnknownItem]
    recommendations: list[RecommendationItem]
    completion: int

    def obligation_ids(self) -> set[str]:
        return {obligation.id for obligation in self.obligations}

    def axis(self, axis_id: str) -> AxisResult | None:
        return next((axis for axis in self.axes if axis.id == axis_id), None)
