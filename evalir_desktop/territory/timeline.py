"""Upcoming obligations across the towns, grouped by the date they become applicable.

Two kinds of dates: the day a rule starts to apply (2 December 2026, 2 December 2027…),
and the final limit for systems already in use (2 August 2030 for high-risk systems).
"""

from collections.abc import Iterable
from datetime import date

from evalir_desktop.assessment.calendar import months_between
from evalir_desktop.french import french_date
from evalir_desktop.territory.aggregate import Evaluated
from evalir_desktop.territory.view_models import (
    TownRef,
    UpcomingDate,
    UpcomingObligation,
    sort_key,
)


def _add(found: dict, key: tuple, obligation, town: TownRef) -> None:
    entry = found.setdefault(key, [obligation, {}, 0])
    entry[1].setdefault(town.commune_id, town)
    entry[2] += 1


def _label(on: date, kind: str, scope: str) -> str:
    if kind == "limite":
        return f"Au plus tard le {french_date(on)} {scope}".strip()
    return f"Applicable à partir du {french_date(on)}"


def upcoming(items: Iterable[Evaluated], on: date | None = None) -> list[UpcomingDate]:
    """Dates after `on` (today by default) with the obligations they bring and the towns."""
    on = on or date.today()
    found: dict[tuple, list] = {}
    for item in items:
        for obligation in item.evaluation.obligations:
            if obligation.applies_from > on:
                _add(
                    found, (obligation.applies_from, "debut", obligation.id), obligation, item.town
                )
            if obligation.final_limit and obligation.final_limit > on:
                key = (obligation.final_limit, "limite", obligation.id)
                _add(found, key, obligation, item.town)
    dates: dict[tuple, list[UpcomingObligation]] = {}
    for (when, kind, _), (obligation, towns, count) in sorted(found.items()):
        scope = obligation.final_limit_for if kind == "limite" else ""
        dates.setdefault((when, kind, scope), []).append(
            UpcomingObligation(
                id=obligation.id,
                title=obligation.title,
                level_label=obligation.level_label,
                assessment_count=count,
                towns=sorted(towns.values(), key=lambda town: sort_key(town.nom)),
            )
        )
    return [
        UpcomingDate(
            on=when,
            kind=kind,
            label=_label(when, kind, scope),
            months_left=months_between(on, when),
            obligations=obligations,
        )
        for (when, kind, scope), obligations in dates.items()
    ]
