"""Seed an editable action plan from the recommendations of an evaluation."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from evalir_desktop.assessment.models import Evaluation


class ActionSeed(BaseModel):
    """A proposed action; the UI stores it as an editable action (owner, date, status)."""

    model_config = ConfigDict(frozen=True)

    title: str
    axis_id: str
    owner: str
    priority: str
    recommendation_id: str


def seed_action_plan(
    evaluation: Evaluation, existing_ids: set[str] | None = None
) -> list[ActionSeed]:
    """One action per recommendation not already in the plan (`existing_ids`)."""
    existing_ids = existing_ids or set()
    seeds: list[ActionSeed] = []
    for rec in evaluation.recommendations:
        if rec.id in existing_ids or any(s.recommendation_id == rec.id for s in seeds):
            continue
        seeds.append(
            ActionSeed(
                title=rec.text,
                axis_id=rec.axis_id,
                owner=rec.who_label,
                priority=rec.priority,
                recommendation_id=rec.id,
            )
        )
    return seeds
