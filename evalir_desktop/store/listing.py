"""What the home list reads of a long file: a page of assessments, versions followed
(`store.listing`)."""

from evalir_desktop.domain.records import AssessmentRecord
from evalir_desktop.store.assessment_records import assessment_rows
from evalir_desktop.store.unit import Repository


class Listing(Repository):
    """Reads for a list filled page by page, each in one query."""

    def page(self, offset: int, limit: int) -> list[AssessmentRecord]:
        """One page of `assessments()` (same order), in one query."""
        return assessment_rows(
            self._unit,
            "deleted_at IS NULL ORDER BY updated_at DESC, rowid LIMIT ? OFFSET ?",
            (limit, offset),
        )

    def previous_version_ids(self) -> set[str]:
        """The assessments a later version (not in the trash) was made from."""
        rows = self._unit.conn.execute(
            "SELECT DISTINCT previous_version_id FROM assessment "
            "WHERE deleted_at IS NULL AND previous_version_id IS NOT NULL"
        )
        return {assessment_id for (assessment_id,) in rows}
