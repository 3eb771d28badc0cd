"""The assessments of one file (`store.assessments`): created, changed, moved to the trash
and back, copied as a new version, purged with what belongs to them."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING, Any

from evalir_desktop.domain.records import AssessmentRecord
from evalir_desktop.store.errors import StoreError
from evalir_desktop.store.file.journal import new_id, now_iso
from evalir_desktop.store.town_records import Town
from evalir_desktop.store.unit import Repository, UnitOfWork

if TYPE_CHECKING:
    from evalir_desktop.store.attachment_records import Attachments

EDITABLE_ASSESSMENT_FIELDS = {
    "title",
    "description",
    "service",
    "status",
    "ai_type",
    "supplier",
    "template_id",
}
NO_PROFILE = "Renseignez d'abord le profil de la commune."


def assessment_rows(
    unit: UnitOfWork, where: str, params: tuple[Any, ...] = ()
) -> list[AssessmentRecord]:
    """The valid assessments `WHERE where` (rows set aside in `unit.problems`)."""
    rows = unit.query(f"SELECT * FROM assessment WHERE {where}", params)
    return unit.valid(AssessmentRecord, rows, "Évaluation")


def get_assessment(unit: UnitOfWork, assessment_id: str) -> AssessmentRecord:
    """One assessment; StoreError in French when the file has none with this id."""
    rows = assessment_rows(unit, "id = ?", (assessment_id,))
    if not rows:
        raise StoreError(
            f"Aucune évaluation ne porte l'identifiant « {assessment_id} » dans ce fichier."
        )
    return rows[0]


class Assessments(Repository):
    """Assessments of one file, with their trash and their versions."""

    def __init__(self, unit: UnitOfWork, town: Town, attachments: Attachments):
        super().__init__(unit)
        self._town = town
        self._attachments = attachments

    def all(self) -> list[AssessmentRecord]:
        """Assessments not in the trash, most recently changed first."""
        return assessment_rows(self._unit, "deleted_at IS NULL ORDER BY updated_at DESC, rowid")

    def trash(self) -> list[AssessmentRecord]:
        return assessment_rows(self._unit, "deleted_at IS NOT NULL ORDER BY deleted_at DESC")

    def get(self, assessment_id: str) -> AssessmentRecord:
        return get_assessment(self._unit, assessment_id)

    def create(
        self,
        title: str,
        *,
        content_id: str,
        content_version: str,
        template_id: str | None = None,
        who: str | None = None,
        **fields: Any,
    ) -> AssessmentRecord:
        commune_id = self._town.commune_id()
        if commune_id is None:
            raise StoreError(NO_PROFILE)
        at = now_iso()
        record = AssessmentRecord(
            id=new_id(),
            commune_id=commune_id,
            title=title,
            content_id=content_id,
            content_version=content_version,
            template_id=template_id,
            created_at=at,
            updated_at=at,
            **fields,
        )
        with self._unit.change("assessment", record.id, {"created": record.title}, record.id, who):
            self._unit.db["assessment"].insert(record.model_dump())
        return record

    def update(self, assessment_id: str, who: str | None = None, **fields: Any) -> None:
        unknown = set(fields) - EDITABLE_ASSESSMENT_FIELDS
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        current = self.get(assessment_id)
        updated = AssessmentRecord.model_validate({**current.model_dump(), **fields})
        with self._unit.change("assessment", assessment_id, fields, assessment_id, who) as at:
            self._unit.db["assessment"].update(
                assessment_id, {**updated.model_dump(include=set(fields)), "updated_at": at}
            )

    def set_last_step(self, assessment_id: str, step: str) -> None:
        """Remember where the agent stopped; navigation is not a change of content."""
        if not self._unit.readonly:
            with contextlib.suppress(sqlite3.Error), self._unit.atomic():
                self._unit.conn.execute(
                    "UPDATE assessment SET last_step = ? WHERE id = ?", (step, assessment_id)
                )

    def delete(self, assessment_id: str, who: str | None = None) -> None:
        """Move to the trash; `restore` brings it back until `empty_trash`."""
        with self._unit.change(
            "assessment", assessment_id, {"deleted": True}, assessment_id, who, check_frozen=False
        ) as at:
            self._unit.db["assessment"].update(assessment_id, {"deleted_at": at})

    def restore(self, assessment_id: str, who: str | None = None) -> None:
        """Bring back from the trash; the assessment is dated anew, so that the
        intercommunality, which may have set it aside meanwhile, takes it back."""
        with self._unit.change(
            "assessment", assessment_id, {"restored": True}, assessment_id, who, check_frozen=False
        ) as at:
            self._unit.db["assessment"].update(
                assessment_id, {"deleted_at": None, "updated_at": at}
            )

    def empty_trash(self, who: str | None = None) -> int:
        """Remove for good the assessments and the attachments in the trash; the space
        of removed attachments is given back, so that no trace of them stays in the file."""
        ids = [record.id for record in self.trash()]
        held = self._attachments.total()
        conn = self._unit.conn
        with self._unit.change("trash", "", {"purged": ids}, who=who):
            self._attachments.purge(ids)
            for table in ("answer", "action", "decision", "opinion"):
                conn.executemany(
                    f"DELETE FROM {table} WHERE assessment_id = ?", [(i,) for i in ids]
                )
            conn.executemany("DELETE FROM assessment WHERE id = ?", [(i,) for i in ids])
        self._attachments.give_back_space(held)
        return len(ids)

    def copy(
        self,
        assessment_id: str,
        title: str,
        *,
        as_new_version: bool = False,
        who: str | None = None,
    ) -> AssessmentRecord:
        """Duplicate an assessment with its answers, actions and attachments (never its
        decision, nor the reviewers' opinions: they review the new version anew)."""
        source = self.get(assessment_id)
        at = now_iso()
        copy = source.model_copy(
            update={
                "id": new_id(),
                "title": title,
                "created_at": at,
                "updated_at": at,
                "deleted_at": None,
                "last_step": None,
                "previous_version_id": source.id if as_new_version else None,
                "version_number": source.version_number + 1 if as_new_version else 1,
            }
        )
        change = {"copied_from": source.id, "new_version": as_new_version}
        db, query = self._unit.db, self._unit.query
        with self._unit.change("assessment", copy.id, change, copy.id, who, check_frozen=False):
            db["assessment"].insert(copy.model_dump())
            for row in query("SELECT * FROM answer WHERE assessment_id = ?", (source.id,)):
                db["answer"].insert({**row, "id": new_id(), "assessment_id": copy.id})
            for row in query("SELECT * FROM action WHERE assessment_id = ?", (source.id,)):
                db["action"].insert({**row, "id": new_id(), "assessment_id": copy.id})
            self._attachments.copy_all(source.id, copy.id)
        return copy
