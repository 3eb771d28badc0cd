"""The action plan as stored: seeding from recommendations, priorities, dates (no Qt)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from evalir_desktop.assessment import Evaluation, seed_action_plan
from evalir_desktop.content import Content
from evalir_desktop.domain.records import ActionRecord
from evalir_desktop.store import Store
from evalir_desktop.store.plan_records import FOLLOW_UP_FIELDS

PRIORITY_FROM_CONTENT = {"haute": 1, "moyenne": 2, "basse": 3}
DATE_PATTERN = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def pending_seeds(store: Store, assessment_id: str, evaluation: Evaluation):
    """The recommended actions not yet in the plan."""
    existing = {
        a.recommendation_id for a in store.plan.actions(assessment_id) if a.recommendation_id
    }
    return seed_action_plan(evaluation, existing)


def add_recommended_actions(store: Store, assessment_id: str, evaluation: Evaluation) -> int:
    """Add one action per recommendation not yet in the plan; return how many."""
    seeds = pending_seeds(store, assessment_id, evaluation)
    for seed in seeds:
        store.plan.add_action(
            assessment_id,
            seed.title,
            axis_id=seed.axis_id,
            owner=seed.owner,
            priority=PRIORITY_FROM_CONTENT.get(seed.priority, 2),
            recommendation_id=seed.recommendation_id,
        )
    return len(seeds)


def parse_french_date(text: str) -> date | None:
    """Read « 25/11/2026 » (or an empty text as no date); raise ValueError in French."""
    if not text.strip():
        return None
    match = DATE_PATTERN.match(text)
    if not match:
        raise ValueError("Écrivez la date sous la forme JJ/MM/AAAA, par exemple 15/03/2027.")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"Le {text.strip()} n'existe pas dans le calendrier.") from None


def french_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


# -- what the agent may change, and in which order the plan is shown ----------------------

EDIT, FOLLOW_UP, READ_ONLY = "edit", "follow_up", "read_only"


def plan_mode(store: Store, assessment_id: str) -> str:
    """EDIT before validation; FOLLOW_UP once validated (status, owner, due date);
    READ_ONLY for a file opened read-only."""
    if store.readonly:
        return READ_ONLY
    return FOLLOW_UP if store.plan.is_frozen(assessment_id) else EDIT


def editable_fields(mode: str) -> frozenset[str]:
    """The action fields the agent may change in `mode`."""
    if mode == EDIT:
        return frozenset({"title", "axis_id", "priority", *FOLLOW_UP_FIELDS})
    return FOLLOW_UP_FIELDS if mode == FOLLOW_UP else frozenset()


def keep_order(shown: Sequence[str], actions: Sequence[ActionRecord]) -> list[ActionRecord]:
    """`actions` in the order already shown: a change never moves a row under the agent's
    hand, new actions come last, removed ones go. Sorting happens only on request (the
    store's order: priority, then due date)."""
    place = {action_id: index for index, action_id in enumerate(shown)}
    known = sorted((a for a in actions if a.id in place), key=lambda a: place[a.id])
    return known + [action for action in actions if action.id not in place]


# -- where an action comes from -------------------------------------------------------


@dataclass(frozen=True)
class ActionOrigin:
    """The recommendation an action was seeded from, its reason and its legal basis."""

    recommendation: str
    why: str
    question: str
    references: tuple[str, ...]


def action_origins(content: Content) -> dict[str, ActionOrigin]:
    """Every recommendation of the content by id, with the question it is attached to."""
    return {
        rec.id: ActionOrigin(rec.text, rec.why, question.label, tuple(question.references))
        for question in content.questions()
        for rec in question.recommendations
    }
