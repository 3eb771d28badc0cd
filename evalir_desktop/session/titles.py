"""How an assessment is named on screen and in lists (no Qt, no content needed)."""

from evalir_desktop.store.models import AssessmentRecord


def display_title(record: AssessmentRecord) -> str:
    if record.version_number > 1:
        return f"{record.title} (version {record.version_number})"
    return record.title
