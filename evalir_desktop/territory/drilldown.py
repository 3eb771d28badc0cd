"""From a line of a territory table to the assessments behind it (no Qt).

Every table of the territory window leads to assessments: a project line to its own, a
town to its assessments, an obligation or a frequent « Je ne sais pas » to those that
meet it, a mutualisation group's town to its projects in the group, a product to the
assessments that use it. The window opens the only one at once, or lets the officer
choose among several.
"""

from __future__ import annotations

from typing import Literal

from evalir_desktop.territory.view_models import AssessmentRow, TerritoryView

Kind = Literal["assessment", "town", "obligation", "unknown", "group_town", "product"]


def _in_group(view: TerritoryView, key: str) -> tuple[str, set[str] | None]:
    """The town and the assessment ids of « group index:member position » (None: all)."""
    group_index, _, position = key.partition(":")
    group = view.opportunities[int(group_index)]
    member = group.members[int(position)]
    ids = {project.assessment_id for project in member.projects} or None
    return member.town.commune_id, ids


def assessments_behind(view: TerritoryView, kind: Kind, key: str) -> list[AssessmentRow]:
    """The assessments a line stands for, in the table's order (town, then title)."""
    rows = view.rows
    if kind == "assessment":
        return [row for row in rows if row.assessment_id == key]
    if kind == "town":
        return [row for row in rows if row.commune_id == key]
    if kind == "obligation":
        return [row for row in rows if key in row.obligation_ids]
    if kind == "unknown":
        return [row for row in rows if key in row.unknown_ids]
    if kind == "group_town":
        commune_id, ids = _in_group(view, key)
        return [
            row
            for row in rows
            if row.commune_id == commune_id and (ids is None or row.assessment_id in ids)
        ]
    product = next((p for p in view.products if p.key == key), None)
    ids = {use.assessment_id for use in product.uses} if product else set()
    return [row for row in rows if row.assessment_id in ids]


def choice_label(row: AssessmentRow) -> str:
    """« Écotay-l'Olme — Agent conversationnel (42087) », to choose among several."""
    return f"{row.commune} — {row.title} ({row.insee})"
