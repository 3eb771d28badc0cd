"""The Store: every read and every autosaved change of one `.evalir` file."""

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from evalir_desktop import __version__
from evalir_desktop.commune import Commune
from evalir_desktop.store.annex_records import AnnexRecords
from evalir_desktop.store.answer_records import AnswerRecords
from evalir_desktop.store.atomic import replacing
from evalir_desktop.store.authors import AnswerAuthors
from evalir_desktop.store.dossier_records import DossierRecords
from evalir_desktop.store.errors import ReadOnlyError, SaveFailed, StoreError, describe
from evalir_desktop.store.journal import journal, new_id, now_iso
from evalir_desktop.store.listing import ListingRecords
from evalir_desktop.store.models import AssessmentRecord
from evalir_desktop.store.opening import create_file, default_who, open_file
from evalir_desktop.store.plan_records import PlanRecords
from evalir_desktop.store.row_checks import RowChecks
from evalir_desktop.store.schema import file_town_id
from evalir_desktop.store.territory_records import TerritoryRecords

FROZEN_MESSAGE = (
    "Cette évaluation a été validée : elle ne peut plus être modifiée. "
    "Créez une nouvelle version pour la réévaluer."
)
EDITABLE_ASSESSMENT_FIELDS = {
    "title",
    "description",
    "service",
    "status",
    "ai_type",
    "supplier",
    "template_id",
}


class Store(
    AnswerRecords,
    PlanRecords,
    AnnexRecords,
    TerritoryRecords,
    AnswerAuthors,
    DossierRecords,
    ListingRecords,
    RowChecks,
):
    """One open `.evalir` file. Each change is one short transaction plus a history row.

    The connection is private: every SQL statement on the file lives in `store/`.
    """

    def __init__(self, path: Path, opened, who: str):
        self.path = path
        self._conn = opened.conn
        self.readonly_reason: str | None = opened.readonly_reason
        self._lock = opened.lock
        self._snapshot = opened.snapshot
        self.problems: list[str] = []  # French reasons of the rows set aside (see RowChecks)
        self.who = who
        self.revision = 0  # bumped by every change, so that readers know to reload

    @cached_property
    def _db(self):
        """sqlite-utils over the connection, for writes: imported at the first change, so
        that opening a file for reading (start-up) does not pay for it."""
        from sqlite_utils import Database

        return Database(self._conn, recursive_triggers=False, execute_plugins=False)

    def _query(self, sql: str, params: tuple = ()) -> Iterator[dict]:
        """Rows of a SELECT as dicts (column name -> value)."""
        cursor = self._conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    # -- opening and closing -------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        readonly: bool = False,
        role: str = "commune",
        who: str | None = None,
    ) -> "Store":
        """Open a file; with `create`, a missing path becomes a new file of `role`."""
        path = Path(path)
        if create and not path.exists():
            create_file(path, role, __version__, now_iso())
        return cls(path, open_file(path, readonly), default_who() if who is None else who)

    @classmethod
    def create(cls, path: str | Path, *, role: str = "commune", who: str | None = None) -> "Store":
        """Create a new file, refusing a path that already exists."""
        path = Path(path)
        create_file(path, role, __version__, now_iso())
        return cls(path, open_file(path, False), default_who() if who is None else who)

    @property
    def closed(self) -> bool:
        return self._conn is None

    def close(self) -> None:
        if self._conn is None:
            return
        self.remove_viewing_copies()
        self._conn.close()
        self._conn = None
        if self._lock:
            self._lock.release()
            self._lock = None
        if self._snapshot:
            self._snapshot.remove()
            self._snapshot = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def readonly(self) -> bool:
        return self.readonly_reason is not None

    # -- meta ----------------------------------------------------------------------

    def meta(self, key: str, default: str = "") -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    @property
    def role(self) -> str:
        return self.meta("role", "commune")

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def durability(self) -> str:
        """How saves reach the disk, e.g. « journal delete, synchronous 3 » (3 = EXTRA)."""
        mode = self._conn.execute("PRAGMA journal_mode").fetchone()[0]
        level = self._conn.execute("PRAGMA synchronous").fetchone()[0]
        return f"journal {mode}, synchronous {level}"

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA integrity_check(1)").fetchone()[0] == "ok"

    # -- the write path ------------------------------------------------------------

    @contextmanager
    def _change(
        self,
        entity: str,
        entity_id: str,
        change: dict,
        assessment_id: str | None = None,
        who: str | None = None,
        check_frozen: bool = True,
    ) -> Iterator[str]:
        """Wrap one change: refuse it if read-only, then commit it with its history row."""
        if self.readonly:
            raise ReadOnlyError(self.readonly_reason)
        if assessment_id and check_frozen and self.is_frozen(assessment_id):
            raise ReadOnlyError(FROZEN_MESSAGE)
        at = now_iso()
        try:
            with self._written(), self._db.atomic():
                yield at
                journal(
                    self._conn,
                    at=at,
                    who=self.who if who is None else who,
                    entity=entity,
                    entity_id=entity_id,
                    change=change,
                    assessment_id=assessment_id,
                )
        finally:
            self.revision += 1

    @contextmanager
    def _written(self) -> Iterator[None]:
        """Turn a failed write (disk full, medium pulled out) into SaveFailed; the
        transaction was rolled back, so the file holds what it held before."""
        try:
            yield
        except sqlite3.IntegrityError:
            raise
        except (sqlite3.Error, OSError) as error:
            raise SaveFailed(describe(error)) from error

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many changes in one transaction (generated files, bulk edits)."""
        with self._db.atomic():
            yield

    def copy_to(self, path: Path) -> None:
        """Write a consistent copy of the whole file to the new file `path` (one file,
        rollback journal, whatever the original's journal mode)."""
        copy = sqlite3.connect(path, isolation_level=None)
        try:
            self._conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            copy.close()

    def save_copy_as(self, path: str | Path) -> Path:
        """Write a copy that can be opened for modification (read-only file, medium,
        format); refuses the file's own path. Raises StoreError with the French cause."""
        path = Path(path)
        if path.exists() and path.resolve() == self.path.resolve():
            raise StoreError("Choisissez un autre nom : la copie ne peut pas remplacer l'original.")
        try:
            with replacing(path) as temporary:
                self.copy_to(temporary)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                f"La copie « {path.name} » n'a pas pu être enregistrée ({describe(error)}). "
                "Choisissez un autre dossier, sur un support où il reste de la place."
            ) from error
        return path

    # -- town profile --------------------------------------------------------------

    def commune_id(self) -> str | None:
        row = self._conn.execute("SELECT id FROM commune ORDER BY rowid LIMIT 1").fetchone()
        return row[0] if row else None

    def commune(self) -> Commune | None:
        """The town of a town file (a territory file holds several: see `communes`)."""
        commune_id = self.commune_id()
        return self.commune_by_id(commune_id) if commune_id else None

    def commune_by_id(self, commune_id: str) -> Commune | None:
        rows = list(self._query("SELECT * FROM commune WHERE id = ?", (commune_id,)))
        valid = self._valid(Commune, rows, "Profil de commune")
        return valid[0] if valid else None

    def town_id(self) -> str:
        """The town's identity, given with its first profile and kept in every share: the
        territory checks it together with the INSEE code ('' before the first profile)."""
        row = self._conn.execute("SELECT town_id FROM commune ORDER BY rowid LIMIT 1").fetchone()
        return row[0] if row else ""

    def save_commune(self, commune: Commune, who: str | None = None) -> str:
        commune_id = self.commune_id()
        fields = commune.model_dump()
        row = {"id": commune_id or new_id(), **fields}
        if commune_id is None:  # the first profile: the town's identity is given now
            row["town_id"] = file_town_id(self._conn)
        with self._change("commune", row["id"], fields, who=who) as at:
            self._db["commune"].upsert({**row, "updated_at": at}, pk="id")
        return row["id"]

    # -- assessments ---------------------------------------------------------------

    def _assessment_rows(self, where: str, params: tuple = ()) -> list[AssessmentRecord]:
        rows = self._query(f"SELECT * FROM assessment WHERE {where}", params)
        return self._valid(AssessmentRecord, rows, "Évaluation")

    def assessments(self) -> list[AssessmentRecord]:
        """Assessments not in the trash, most recently changed first."""
        return self._assessment_rows("deleted_at IS NULL ORDER BY updated_at DESC, rowid")

    def trash(self) -> list[AssessmentRecord]:
        return self._assessment_rows("deleted_at IS NOT NULL ORDER BY deleted_at DESC")

    def assessment(self, assessment_id: str) -> AssessmentRecord:
        rows = self._assessment_rows("id = ?", (assessment_id,))
        if not rows:
            raise StoreError(
                f"Aucune évaluation ne porte l'identifiant « {assessment_id} » dans ce fichier."
            )
        return rows[0]

    def create_assessment(
        self,
        title: str,
        *,
        content_id: str,
        content_version: str,
        template_id: str | None = None,
        who: str | None = None,
        **fields,
    ) -> AssessmentRecord:
        commune_id = self.commune_id()
        if commune_id is None:
            raise StoreError("Renseignez d'abord le profil de la commune.")
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
        with self._change("assessment", record.id, {"created": record.title}, record.id, who):
            self._db["assessment"].insert(record.model_dump())
        return record

    def update_assessment(self, assessment_id: str, who: str | None = None, **fields) -> None:
        unknown = set(fields) - EDITABLE_ASSESSMENT_FIELDS
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        current = self.assessment(assessment_id)
        updated = AssessmentRecord.model_validate({**current.model_dump(), **fields})
        with self._change("assessment", assessment_id, fields, assessment_id, who) as at:
            self._db["assessment"].update(
                assessment_id, {**updated.model_dump(include=set(fields)), "updated_at": at}
            )

    def set_last_step(self, assessment_id: str, step: str) -> None:
        """Remember where the agent stopped; navigation is not a change of content."""
        if not self.readonly:
            with contextlib.suppress(sqlite3.Error), self._db.atomic():
                self._conn.execute(
                    "UPDATE assessment SET last_step = ? WHERE id = ?", (step, assessment_id)
                )

    def delete_assessment(self, assessment_id: str, who: str | None = None) -> None:
        """Move to the trash; `restore_assessment` brings it back until `empty_trash`."""
        with self._change(
            "assessment", assessment_id, {"deleted": True}, assessment_id, who, check_frozen=False
        ) as at:
            self._db["assessment"].update(assessment_id, {"deleted_at": at})

    def restore_assessment(self, assessment_id: str, who: str | None = None) -> None:
        """Bring back from the trash; the assessment is dated anew, so that the
        intercommunality, which may have set it aside meanwhile, takes it back."""
        with self._change(
            "assessment", assessment_id, {"restored": True}, assessment_id, who, check_frozen=False
        ) as at:
            self._db["assessment"].update(assessment_id, {"deleted_at": None, "updated_at": at})

    def empty_trash(self, who: str | None = None) -> int:
        """Remove for good the assessments and the attachments in the trash; the space
        of removed attachments is given back, so that no trace of them stays in the file."""
        ids = [record.id for record in self.trash()]
        held = self.attachments_total()
        with self._change("trash", "", {"purged": ids}, who=who):
            self._purge_attachments(ids)
            for table in ("answer", "action", "decision", "opinion"):
                self._conn.executemany(
                    f"DELETE FROM {table} WHERE assessment_id = ?", [(i,) for i in ids]
                )
            self._conn.executemany("DELETE FROM assessment WHERE id = ?", [(i,) for i in ids])
        self._give_back_space(held)
        return len(ids)

    def copy_assessment(
        self,
        assessment_id: str,
        title: str,
        *,
        as_new_version: bool = False,
        who: str | None = None,
    ) -> AssessmentRecord:
        """Duplicate an assessment with its answers, actions and attachments (never its
        decision, nor the reviewers' opinions: they review the new version anew)."""
        source = self.assessment(assessment_id)
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
        with self._change("assessment", copy.id, change, copy.id, who, check_frozen=False):
            self._db["assessment"].insert(copy.model_dump())
            for row in self._query("SELECT * FROM answer WHERE assessment_id = ?", (source.id,)):
                self._db["answer"].insert({**row, "id": new_id(), "assessment_id": copy.id})
            for row in self._query("SELECT * FROM action WHERE assessment_id = ?", (source.id,)):
                self._db["action"].insert({**row, "id": new_id(), "assessment_id": copy.id})
            self._copy_attachments(source.id, copy.id)
        return copy
