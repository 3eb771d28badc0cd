"""Reviewers' opinions on the steps of an assessment (`store.opinions`)."""

from evalir_desktop.domain.annexes import OpinionRecord
from evalir_desktop.store.file.journal import new_id
from evalir_desktop.store.rows import upsert_row
from evalir_desktop.store.unit import Repository

TABLE = "opinion"
OPINION_ORDER = "CASE reviewer_role WHEN 'dpd' THEN 0 WHEN 'dgs' THEN 1 ELSE 2 END"


class Opinions(Repository):
    """One opinion per reviewer role and step: a new one replaces the role's previous
    opinion on that step (the journal keeps who changed it and when)."""

    def of(self, assessment_id: str) -> list[OpinionRecord]:
        if not self._unit.annexed():
            return []
        rows = self._unit.query(
            f"SELECT * FROM opinion WHERE assessment_id = ? ORDER BY step_id, {OPINION_ORDER}",
            (assessment_id,),
        )
        return self._unit.valid(OpinionRecord, rows, "Avis")

    def save(self, opinion: OpinionRecord, who: str | None = None) -> OpinionRecord:
        """Record a reviewer's opinion; refused on a validated assessment, like answers."""
        opinion = OpinionRecord.model_validate(dict(opinion))
        row = self._unit.conn.execute(
            "SELECT id FROM opinion WHERE assessment_id = ? AND step_id = ? AND reviewer_role = ?",
            (opinion.assessment_id, opinion.step_id, opinion.reviewer_role),
        ).fetchone()
        opinion_id = row[0] if row else new_id()
        change = opinion.model_dump(mode="json", exclude={"id", "updated_at"})
        with self._unit.change("opinion", opinion_id, change, opinion.assessment_id, who) as at:
            saved = opinion.model_copy(update={"id": opinion_id, "updated_at": at})
            upsert_row(self._unit.conn, TABLE, saved.model_dump(mode="json"))
        return saved

    def delete(self, opinion: OpinionRecord, who: str | None = None) -> None:
        with self._unit.change(
            "opinion", opinion.id, {"deleted": True}, opinion.assessment_id, who
        ):
            self._unit.conn.execute("DELETE FROM opinion WHERE id = ?", (opinion.id,))
