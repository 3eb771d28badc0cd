"""The action plan as stored: seeding from recommendations, priorities, dates (no Qt)."""

from __future__ import annotations

import re
from datetime import date

from evalir_desktop.assessment import Evaluation, seed_action_plan
from evalir_desktop.store import Store

PRIORITY_FROM_CONTENT = {"haute": 1, "moyenne": 2, "basse": 3}
DATE_PATTERN = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def pending_seeds(store: Store, assessment_id: str, evaluation: Evaluation):
    """The recommended actions not yet in the plan."""
    existing = {a.recommendation_id for a in store.actions(assessment_id) if a.recommendation_id}
    return seed_action_plan(evaluation, existing)


def add_recommended_actions(store: Store, assessment_id: str, evaluation: Evaluation) -> int:
    """Add one action per recommendation not yet in the plan; return how many."""
    seeds = pending_seeds(store, assessment_id, evaluation)
    for seed in seeds:
        store.add_action(
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
