"""Read the rows beside the answers of an untrusted town file: attachments with their
content, reviewers' opinions, the AI literacy record (schema v3 and later).

Attachments meet the limits the agent meets when attaching a file (no program, 25 Mo a
file, 250 Mo in all) and each content must match its SHA-256; a file that breaks a rule
is refused whole with the reason, like any other invalid value.
"""

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from evalir_desktop.domain.annexes import AttachmentRecord, OpinionRecord, TrainingRecord
from evalir_desktop.domain.attachment_rules import (
    MAX_ATTACHMENTS,
    MAX_FILE_BYTES,
    MAX_TOTAL_BYTES,
    AttachmentRefused,
    check_attachment,
)
from evalir_desktop.store.file.schema import ANNEX_VERSION

MAX_TRAININGS = 2_000


class AnnexRefused(ValueError):
    """An attachment, opinion or training of the file breaks a rule; str() is French."""


@dataclass
class Annexes:
    """What a town file holds beside its answers, validated."""

    attachments: dict[str, list[AttachmentRecord]] = field(default_factory=dict)
    contents: dict[str, bytes] = field(default_factory=dict)  # SHA-256 -> content
    opinions: dict[str, list[OpinionRecord]] = field(default_factory=dict)
    trainings: list[TrainingRecord] = field(default_factory=list)
    # False for a share made without its attachments: the territory keeps those it has
    attachments_included: bool = True


Belongs = Callable[[str, str], None]  # (assessment id, stamp): refuses a stray row
Dated = Callable[[str, str], object]  # (stamp, what): refuses a date in the future


def read_annexes(
    conn: sqlite3.Connection,
    schema_version: int,
    commune_id: str,
    select: Callable[[str], list[dict]],
    belongs: Belongs,
    dated: Dated,
    attachments_included: bool = True,
) -> Annexes:
    """Validated attachments (trashed ones left out), opinions and trainings."""
    annexes = Annexes(attachments_included=attachments_included)
    if schema_version < ANNEX_VERSION:
        return annexes
    records = [
        AttachmentRecord.model_validate(row)
        for row in select("SELECT * FROM attachment WHERE deleted_at IS NULL ORDER BY rowid")
    ]
    if len(records) > MAX_ATTACHMENTS:
        raise AnnexRefused("il contient bien plus de pièces jointes qu'un fichier de commune")
    for record in records:
        belongs(record.assessment_id, record.updated_at)
        try:
            check_attachment(record.name, record.size, 0)
        except AttachmentRefused as error:
            raise AnnexRefused(f"une pièce jointe est refusée\u202f: {error}") from error
        annexes.attachments.setdefault(record.assessment_id, []).append(record)
    annexes.contents = read_contents(conn, {record.sha256: record.size for record in records})
    for row in select("SELECT * FROM opinion ORDER BY rowid"):
        opinion = OpinionRecord.model_validate(row)
        belongs(opinion.assessment_id, opinion.updated_at)
        annexes.opinions.setdefault(opinion.assessment_id, []).append(opinion)
    rows = select("SELECT * FROM training ORDER BY rowid")
    if len(rows) > MAX_TRAININGS:
        raise AnnexRefused("il contient bien plus de formations qu'un fichier de commune")
    for row in rows:
        training = TrainingRecord.model_validate(row)
        if training.commune_id != commune_id:
            raise AnnexRefused("une formation ne se rattache pas à la commune du fichier")
        if training.updated_at:
            dated(
                training.updated_at, f"la date de la formation «\u202f{training.title[:80]}\u202f»"
            )
        annexes.trainings.append(training)
    return annexes


def read_contents(conn: sqlite3.Connection, wanted: dict[str, int]) -> dict[str, bytes]:
    """The content of each attachment, its length checked before it is read, its
    SHA-256 after; 250 Mo in all at most."""
    if sum(wanted.values()) > MAX_TOTAL_BYTES:
        raise AnnexRefused("ses pièces jointes dépassent 250 Mo en tout")
    contents: dict[str, bytes] = {}
    for sha256, size in wanted.items():
        row = conn.execute(
            "SELECT length(data), typeof(data) FROM attachment_blob WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        if row is None:
            raise AnnexRefused("le contenu d'une pièce jointe y manque")
        if row[1] != "blob" or row[0] != size or size > MAX_FILE_BYTES:
            raise AnnexRefused("une pièce jointe n'a pas la taille annoncée")
        (data,) = conn.execute(
            "SELECT data FROM attachment_blob WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AnnexRefused(
                "une pièce jointe ne correspond plus à son empreinte (elle a été abîmée "
                "ou modifiée hors d'EVALIR)"
            )
        contents[sha256] = bytes(data)
    return contents
