"""What the home list reads of a long file: a page of assessments, versions followed."""

import sqlite3
from collections.abc import Callable

from evalir_desktop.store.models import AssessmentRecord


class ListingRecords:
    """Reads for a list filled page by page, each in one query (mixed into `Store`)."""

    _conn: sqlite3.Connection
    _assessment_rows: Callable[..., list[AssessmentRecord]]

    def assessment_page(self, offset: int, limit: int) -> list[AssessmentRecord]:
        """One page of `assessments()` (same order), in one query."""
        return self._assessment_rows(
            "deleted_at IS NULL ORDER BY updated_at DESC, rowid LIMIT ? OFFSET ?", (limit, offset)
        )

    def previous_version_ids(self) -> set[str]:
        """The assessments a later version (not in the trash) was made from."""
        rows = self._conn.execute(
            "SELECT DISTINCT previous_version_id FROM assessment "
            "WHERE deleted_at IS NULL AND previous_version_id IS NOT NULL"
        )
        return {assessment_id for (assessment_id,) in rows}
