"""Attachments of an assessment or of one question, stored inside the file
(`store.attachments`): added under the limits of `domain.attachment_rules`, read back with their
SHA-256 checked, moved to the trash and purged with it, copied out to be viewed."""

import contextlib
import hashlib
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from evalir_desktop.attachment_names import outgoing_name
from evalir_desktop.domain.annexes import AttachmentRecord
from evalir_desktop.domain.attachment_rules import (
    AttachmentRefused,
    check_attachment,
    check_size,
    check_type,
    clean_name,
)
from evalir_desktop.store.assessment_records import get_assessment
from evalir_desktop.store.errors import StoreError, describe
from evalir_desktop.store.file.atomic import write_atomically
from evalir_desktop.store.file.journal import new_id, now_iso
from evalir_desktop.store.file.snapshot import PREFIX
from evalir_desktop.store.rows import insert_row
from evalir_desktop.store.unit import Repository, UnitOfWork

COLUMNS = (
    "id, assessment_id, question_id, kind, name, size, sha256, comment, who, added_at, "
    "deleted_at, updated_at"
)
DAMAGED = (
    "La pièce jointe «\u202f{name}\u202f» est abîmée dans le fichier (son empreinte ne correspond "
    "plus)\u202f: elle ne peut pas être ouverte. Joignez-la de nouveau depuis l'original."
)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(path: Path, total_before: int) -> tuple[str, bytes]:
    """The cleaned name and the bytes of a file to attach, checked before it is read
    (type, then size); the file itself is only read, never changed."""
    path = Path(path)
    check_type(path.name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise AttachmentRefused(f"«\u202f{clean_name(path.name)}\u202f» n'est pas un fichier.")
        check_size(path.name, size, total_before)
        data = path.read_bytes()
    except OSError as error:
        raise AttachmentRefused(
            f"«\u202f{clean_name(path.name)}\u202f» n'a pas pu être lu ({describe(error)}). "
            "Vérifiez que le fichier existe toujours et que le support est branché."
        ) from error
    return check_attachment(path.name, len(data), total_before), data


def _writable(function: Callable[[str], object], path: str, _info: object) -> None:
    """Let `rmtree` remove the read-only viewing copies (Windows refuses otherwise)."""
    with contextlib.suppress(OSError):
        os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
        function(path)


class Attachments(Repository):
    """Attachments of the assessments of one file, and their viewing copies."""

    def __init__(self, unit: UnitOfWork):
        super().__init__(unit)
        self._viewing: list[Path] = []  # private folders of the viewing copies

    # -- reading -------------------------------------------------------------------

    def of(self, assessment_id: str, *, trashed: bool = False) -> list[AttachmentRecord]:
        """The attachments of an assessment (its own and its questions'), oldest first;
        with `trashed`, those moved to the trash instead."""
        if not self._unit.annexed():
            return []
        rows = self._unit.query(
            f"SELECT {COLUMNS} FROM attachment WHERE assessment_id = ? "
            f"AND deleted_at IS {'NOT ' if trashed else ''}NULL ORDER BY added_at, rowid",
            (assessment_id,),
        )
        return self._unit.valid(AttachmentRecord, rows, "Pièce jointe")

    def trashed(self) -> list[AttachmentRecord]:
        """Attachments in the trash whose assessment is not itself in the trash."""
        if not self._unit.annexed():
            return []
        rows = self._unit.query(
            f"SELECT {COLUMNS} FROM attachment WHERE deleted_at IS NOT NULL AND assessment_id "
            "IN (SELECT id FROM assessment WHERE deleted_at IS NULL) ORDER BY deleted_at DESC"
        )
        return self._unit.valid(AttachmentRecord, rows, "Pièce jointe")

    def get(self, attachment_id: str) -> AttachmentRecord:
        rows = (
            self._unit.query(f"SELECT {COLUMNS} FROM attachment WHERE id = ?", (attachment_id,))
            if self._unit.annexed()
            else []
        )
        valid = self._unit.valid(AttachmentRecord, rows, "Pièce jointe")
        if not valid:
            raise StoreError("Cette pièce jointe n'est plus dans le fichier.")
        return valid[0]

    def data(self, attachment_id: str) -> bytes:
        """The content of an attachment, refused if it no longer matches its SHA-256."""
        record = self.get(attachment_id)
        row = self._unit.conn.execute(
            "SELECT data FROM attachment_blob WHERE sha256 = ?", (record.sha256,)
        ).fetchone()
        data = bytes(row[0]) if row and isinstance(row[0], bytes) else b""
        if row is None or len(data) != record.size or sha256_of(data) != record.sha256:
            raise StoreError(DAMAGED.format(name=record.name))
        return data

    def total(self) -> int:
        """Bytes of attachment content the file holds (each content counted once)."""
        if not self._unit.annexed():
            return 0
        return self._unit.conn.execute(
            "SELECT coalesce(sum(size), 0) FROM attachment_blob"
        ).fetchone()[0]

    def count(self) -> int:
        """Attachments not in the trash, in the whole file."""
        if not self._unit.annexed():
            return 0
        return self._unit.conn.execute(
            "SELECT count(*) FROM attachment WHERE deleted_at IS NULL"
        ).fetchone()[0]

    def damaged(self) -> list[str]:
        """French reasons for the attachments whose content is missing or altered."""
        reasons = []
        ids = (
            self._unit.conn.execute("SELECT id FROM attachment").fetchall()
            if self._unit.annexed()
            else []
        )
        for (attachment_id,) in ids:
            try:
                self.data(attachment_id)
            except StoreError as error:
                reasons.append(str(error))
        return reasons

    # -- changes -------------------------------------------------------------------

    def add(
        self,
        assessment_id: str,
        path: Path,
        *,
        question_id: str = "",
        kind: str = "autre",
        comment: str = "",
        who: str | None = None,
    ) -> AttachmentRecord:
        """Store a copy of the file `path` in the file; AttachmentRefused (a StoreError
        reason in French) beyond the limits or for a program, and nothing is written."""
        name, data = read_source(path, self.total())
        return self.add_data(
            assessment_id, name, data, question_id=question_id, kind=kind, comment=comment, who=who
        )

    def add_data(
        self,
        assessment_id: str,
        name: str,
        data: bytes,
        *,
        question_id: str = "",
        kind: str = "autre",
        comment: str = "",
        who: str | None = None,
    ) -> AttachmentRecord:
        digest = sha256_of(data)
        known = self._unit.conn.execute(
            "SELECT 1 FROM attachment_blob WHERE sha256 = ?", (digest,)
        ).fetchone()
        name = check_attachment(name, len(data), 0 if known else self.total())
        get_assessment(self._unit, assessment_id)  # refuses an unknown assessment in French
        at = now_iso()
        record = AttachmentRecord(
            id=new_id(),
            assessment_id=assessment_id,
            question_id=question_id,
            kind=kind,
            name=name,
            size=len(data),
            sha256=digest,
            comment=comment,
            who=self._unit.who if who is None else who,
            added_at=at,
            updated_at=at,
        )
        change = {"attached": name, "sha256": digest, "question": question_id, "kind": kind}
        # a council's minutes come after the validation: attaching never unfreezes anything
        with self._unit.change(
            "attachment", record.id, change, assessment_id, who, check_frozen=False
        ):
            self._unit.conn.execute(
                "INSERT OR IGNORE INTO attachment_blob (sha256, size, data) VALUES (?, ?, ?)",
                (digest, len(data), data),
            )
            self._insert(record)
        return record

    def _insert(self, record: AttachmentRecord) -> None:
        insert_row(self._unit.conn, "attachment", record.model_dump())

    def update(
        self, attachment_id: str, *, kind: str, comment: str, who: str | None = None
    ) -> AttachmentRecord:
        record = self.get(attachment_id)
        updated = AttachmentRecord.model_validate(
            {**record.model_dump(), "kind": kind, "comment": comment}
        )
        change = {"kind": updated.kind, "comment": updated.comment}
        with self._unit.change(
            "attachment", attachment_id, change, record.assessment_id, who, check_frozen=False
        ) as at:
            self._unit.conn.execute(
                "UPDATE attachment SET kind = ?, comment = ?, updated_at = ? WHERE id = ?",
                (updated.kind, updated.comment, at, attachment_id),
            )
        return updated.model_copy(update={"updated_at": at})

    def trash(self, attachment_id: str, who: str | None = None) -> None:
        """Move to the trash: `restore_attachment` brings it back until `empty_trash`."""
        self._set_trashed(attachment_id, True, who)

    def restore(self, attachment_id: str, who: str | None = None) -> None:
        self._set_trashed(attachment_id, False, who)

    def _set_trashed(self, attachment_id: str, trashed: bool, who: str | None) -> None:
        record = self.get(attachment_id)
        change = {"deleted" if trashed else "restored": record.name}
        with self._unit.change(
            "attachment", attachment_id, change, record.assessment_id, who, check_frozen=False
        ) as at:
            self._unit.conn.execute(
                "UPDATE attachment SET deleted_at = ?, updated_at = ? WHERE id = ?",
                (at if trashed else None, at, attachment_id),
            )

    def purge(self, assessment_ids: list[str]) -> None:
        """Inside the caller's transaction: remove the trashed attachments and those of
        the purged assessments, then every content no attachment refers to."""
        self._unit.conn.execute("DELETE FROM attachment WHERE deleted_at IS NOT NULL")
        self._unit.conn.executemany(
            "DELETE FROM attachment WHERE assessment_id = ?", [(i,) for i in assessment_ids]
        )
        self._unit.conn.execute(
            "DELETE FROM attachment_blob WHERE sha256 NOT IN (SELECT sha256 FROM attachment)"
        )

    def give_back_space(self, held: int) -> None:
        """After a purge that removed contents (`held`: the bytes held before), rewrite
        the file so that it shrinks and keeps no trace of them; without room to rewrite,
        the space is only freed for later use."""
        if self.total() < held:
            with contextlib.suppress(sqlite3.Error):
                self._unit.conn.execute("VACUUM")

    def copy_all(self, source_id: str, copy_id: str) -> None:
        """Inside the caller's transaction: the copy refers to the same contents."""
        for record in self.of(source_id):
            self._insert(record.model_copy(update={"id": new_id(), "assessment_id": copy_id}))

    # -- viewing -------------------------------------------------------------------

    def copy_out(self, attachment_id: str, folder: Path | None = None) -> Path:
        """Write the attachment to `folder` (default: a private temporary folder, removed
        when the file is closed) under its own name; the viewing copy is read-only, so
        that nobody edits it believing the change goes into the file."""
        record = self.get(attachment_id)
        data = self.data(attachment_id)
        private = folder is None
        if private:
            folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-piece-"))
            self._viewing.append(folder)
        target = Path(folder) / outgoing_name(record.name)  # shortened; record keeps it whole
        try:
            write_atomically(target, data)
            if private:
                os.chmod(target, stat.S_IREAD)
        except OSError as error:
            raise StoreError(
                f"La pièce jointe «\u202f{record.name}\u202f» n'a pas pu être écrite "
                f"({describe(error)}). Choisissez un autre dossier, sur un support où il reste "
                "de la place."
            ) from error
        return target

    def remove_viewing_copies(self) -> None:
        """Remove the viewing copies (one still open in a viewer may stay until the next
        start, which removes the copies of programs that are gone)."""
        for folder in self._viewing:
            shutil.rmtree(folder, onerror=_writable)
        self._viewing = []
