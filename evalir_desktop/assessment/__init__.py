"""Pure functions turning content + answers + town profile into an evaluation."""

from evalir_desktop.assessment.compare import (
    AnswerChange,
    Comparison,
    ScoreDelta,
    compare,
    compare_answers,
    compare_evaluations,
)
from evalir_desktop.assessment.engine import evaluate
from evalir_desktop.assessment.models import (
    AxisResult,
    Evaluation,
    LoweringAnswer,
    Obligation,
    RecommendationItem,
    Trigger,
    UnknownItem,
)
from evalir_desktop.assessment.plan import ActionSeed, seed_action_plan
from evalir_desktop.assessment.scoring import answer_score, is_scored

__all__ = [
    "ActionSeed",
    "AnswerChange",
    "AxisResult",
    "Comparison",
    "Evaluation",
    "LoweringAnswer",
    "Obligation",
    "RecommendationItem",
    "ScoreDelta",
    "Trigger",
    "UnknownItem",
    "answer_score",
    "compare",
    "compare_answers",
    "compare_evaluations",
    "evaluate",
    "is_scored",
    "seed_action_plan",
]
