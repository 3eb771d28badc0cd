"""Copy one validated town file into the territory file, in one transaction.

Towns are matched by INSEE code, assessments by UUID; the newest `updated_at` wins for
each assessment and for the town profile, so an older file never overwrites newer data.
An assessment missing from the file is kept and reported (a town may share only some).
Column lists come from the pydantic models of the rows.
"""

import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import BaseModel

from evalir_desktop.commune import Commune
from evalir_desktop.store.journal import journal
from evalir_desktop.store.models import AssessmentRecord, AssessmentRef, SourceRecord
from evalir_desktop.store.town_file import TownFile, Unreadable

COMMUNE_FIELDS = tuple(Commune.model_fields)
CHILD_TABLES = ("answer", "action", "decision")


@dataclass
class MergeResult:
    added: list[AssessmentRef] = field(default_factory=list)
    updated: list[AssessmentRef] = field(default_factory=list)
    unchanged: list[AssessmentRef] = field(default_factory=list)
    kept_newer: list[AssessmentRef] = field(default_factory=list)
    removed_from_source: list[AssessmentRef] = field(default_factory=list)
    profile_updated: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.profile_updated)


def instant(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def insert_rows(conn: sqlite3.Connection, table: str, rows: Iterable[BaseModel], **fixed) -> None:
    """Insert validated rows, their columns named by their model (`fixed` overrides)."""
    values = [{**row.model_dump(mode="json"), **fixed} for row in rows]
    if values:
        names = list(values[0])
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) "
            f"VALUES ({', '.join(f':{name}' for name in names)})",
            values,
        )


def merge_town(
    conn: sqlite3.Connection, town: TownFile, source: SourceRecord, who: str
) -> MergeResult:
    """Merge inside one BEGIN IMMEDIATE ... COMMIT; roll back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = _merge(conn, town, source)
        insert_rows(conn, "source", [source])
        change = {
            "file": source.file_name,
            "added": [ref.id for ref in result.added],
            "updated": [ref.id for ref in result.updated],
            "profile_updated": result.profile_updated,
        }
        journal(
            conn,
            at=source.imported_at,
            who=who,
            entity="source",
            entity_id=source.id,
            change=change,
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


def _merge(conn: sqlite3.Connection, town: TownFile, source: SourceRecord) -> MergeResult:
    result = MergeResult()
    commune_id = _merge_commune(conn, town, source, result)
    existing = {
        row[0]: (row[1], row[2])
        for row in conn.execute(
            "SELECT id, updated_at, commune_id FROM assessment WHERE id IN "
            "(SELECT value FROM json_each(?))",
            (json.dumps([record.id for record in town.assessments]),),
        )
    }
    for record in town.assessments:
        ref = AssessmentRef(id=record.id, title=record.title)
        if record.id not in existing:
            _write_assessment(conn, town, record, commune_id, insert=True)
            result.added.append(ref)
            continue
        current_at, owner = existing[record.id]
        if owner != commune_id:
            raise Unreadable(
                f"l'évaluation « {record.title} » a déjà été importée pour une autre commune "
                "(ce fichier a peut-être été copié depuis celui d'une autre commune)"
            )
        incoming, current = instant(record.updated_at), instant(current_at)
        if incoming > current:
            _write_assessment(conn, town, record, commune_id, insert=False)
            result.updated.append(ref)
        elif incoming == current:
            result.unchanged.append(ref)
        else:
            result.kept_newer.append(ref)
    present = {record.id for record in town.assessments}
    for assessment_id, title in conn.execute(
        "SELECT id, title FROM assessment WHERE commune_id = ? AND deleted_at IS NULL "
        "ORDER BY created_at",
        (commune_id,),
    ).fetchall():
        if assessment_id not in present:
            result.removed_from_source.append(AssessmentRef(id=assessment_id, title=title))
    return result


def _merge_commune(
    conn: sqlite3.Connection, town: TownFile, source: SourceRecord, result: MergeResult
) -> str:
    incoming = town.commune
    values = {name: getattr(incoming, name) for name in COMMUNE_FIELDS}
    values.update(source_id=source.id, updated_at=incoming.updated_at)
    row = conn.execute(
        "SELECT id, updated_at, town_id FROM commune WHERE insee = ?", (incoming.insee,)
    ).fetchone()
    if row is None:
        taken = conn.execute("SELECT 1 FROM commune WHERE id = ?", (incoming.id,)).fetchone()
        commune_id = str(uuid.uuid4()) if taken else incoming.id
        names = ["id", "town_id", *values]
        conn.execute(
            f"INSERT INTO commune ({', '.join(names)}) "
            f"VALUES ({', '.join(f':{name}' for name in names)})",
            {"id": commune_id, "town_id": town.town_id, **values},
        )
        result.profile_updated = True
        return commune_id
    commune_id, current_at, town_id = row
    if not town_id and town.town_id:  # known by its INSEE code only so far: remember the id
        conn.execute("UPDATE commune SET town_id = ? WHERE id = ?", (town.town_id, commune_id))
    if instant(incoming.updated_at) > instant(current_at):
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        conn.execute(
            f"UPDATE commune SET {assignments} WHERE id = :id", {**values, "id": commune_id}
        )
        result.profile_updated = True
    return commune_id


def _write_assessment(
    conn: sqlite3.Connection,
    town: TownFile,
    record: AssessmentRecord,
    commune_id: str,
    *,
    insert: bool,
) -> None:
    if insert:
        insert_rows(conn, "assessment", [record], commune_id=commune_id)
    else:
        for table in CHILD_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE assessment_id = ?", (record.id,))
        data = {**record.model_dump(mode="json"), "commune_id": commune_id}
        assignments = ", ".join(f"{name} = :{name}" for name in data if name != "id")
        conn.execute(f"UPDATE assessment SET {assignments} WHERE id = :id", data)
    insert_rows(conn, "answer", town.answers.get(record.id, []))
    insert_rows(conn, "action", town.actions.get(record.id, []))
    decision = town.decisions.get(record.id)
    if decision is not None:
        filled = decision.model_copy(
            update={
                "id": decision.id or str(uuid.uuid4()),
                "updated_at": decision.updated_at or record.updated_at,
            }
        )
        insert_rows(conn, "decision", [filled])
