"""How an assessment is named on screen and in lists (no Qt, no content needed)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from evalir_desktop.french import short_local

if TYPE_CHECKING:  # the main window names versions in its menus before the store is loaded
    from evalir_desktop.domain.records import AssessmentRecord


def version_label(record: AssessmentRecord, versioned: bool = False) -> str:
    """« version 2 du 14/03/2026 », or "" for a first version with no later one.

    `versioned` asks for it on a first version too, when a newer one exists.
    """
    if record.version_number == 1 and not versioned:
        return ""
    try:
        day = short_local(datetime.fromisoformat(record.created_at))
    except ValueError:
        return f"version {record.version_number}"
    return f"version {record.version_number} du {day}"


def display_title(record: AssessmentRecord, versioned: bool = False) -> str:
    """The title, told apart from its other versions: « … — version 2 du 14/03/2026 »."""
    label = version_label(record, versioned)
    return f"{record.title} — {label}" if label else record.title


def with_versions(records: list[AssessmentRecord], separator: str = " — ") -> dict[str, str]:
    """Display titles of a list, first versions marked when a later version is listed."""
    followed = {r.previous_version_id for r in records if r.previous_version_id}
    titles = {}
    for record in records:
        label = version_label(record, versioned=record.id in followed)
        titles[record.id] = f"{record.title}{separator}{label}" if label else record.title
    return titles
