"""Copy one validated town file into the territory file, in one transaction.

Towns are matched by INSEE code, assessments by UUID; the newest `updated_at` wins for
each assessment and for the town profile, so an older file never overwrites newer data.
An assessment missing from the file is kept and reported (a town may share only some).
"""

import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from evalir_desktop import __version__
from evalir_desktop.store.models import AssessmentRecord, SourceRecord
from evalir_desktop.territory.models import AssessmentRef
from evalir_desktop.territory.reading import TownFile, Unreadable

COMMUNE_FIELDS = (
    "nom",
    "insee",
    "population",
    "agents_etp",
    "epci_nom",
    "epci_siren",
    "dpd_designe",
    "contact_nom",
    "contact_email",
    "contact_telephone",
)
ASSESSMENT_FIELDS = tuple(AssessmentRecord.model_fields)
ANSWER_FIELDS = (
    "id",
    "assessment_id",
    "question_id",
    "value",
    "unknown",
    "comment",
    "who",
    "updated_at",
)
ACTION_FIELDS = (
    "id",
    "assessment_id",
    "title",
    "axis_id",
    "owner",
    "due_date",
    "priority",
    "status",
    "recommendation_id",
    "updated_at",
)
DECISION_FIELDS = (
    "id",
    "assessment_id",
    "validated_by",
    "validated_role",
    "validated_on",
    "council_date",
    "deliberation_number",
    "outcome",
    "text",
    "updated_at",
)


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


def _insert(conn: sqlite3.Connection, table: str, names: tuple, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" for _ in names)
        conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)


def merge_town(
    conn: sqlite3.Connection, town: TownFile, source: SourceRecord, who: str
) -> MergeResult:
    """Merge inside one BEGIN IMMEDIATE ... COMMIT; roll back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = _merge(conn, town, source)
        conn.execute(
            "INSERT INTO source (id, file_name, sha256, commune_insee, imported_at, "
            "program_version, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
            tuple(source.model_dump().values()),
        )
        change = {
            "file": source.file_name,
            "added": [ref.id for ref in result.added],
            "updated": [ref.id for ref in result.updated],
            "profile_updated": result.profile_updated,
        }
        conn.execute(
            "INSERT INTO history (at, who, assessment_id, entity, entity_id, change) "
            "VALUES (?, ?, NULL, 'source', ?, ?)",
            (source.imported_at, who, source.id, json.dumps(change, ensure_ascii=False)),
        )
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('written_with', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (__version__,),
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
        row[0]: (row[1], row[2], row[3])
        for row in conn.execute(
            "SELECT id, title, updated_at, commune_id FROM assessment WHERE id IN "
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
        _, current_at, owner = existing[record.id]
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
    values = tuple(getattr(incoming, name) for name in COMMUNE_FIELDS)
    row = conn.execute(
        "SELECT id, updated_at FROM commune WHERE insee = ?", (incoming.insee,)
    ).fetchone()
    if row is None:
        taken = conn.execute("SELECT 1 FROM commune WHERE id = ?", (incoming.id,)).fetchone()
        commune_id = str(uuid.uuid4()) if taken else incoming.id
        conn.execute(
            f"INSERT INTO commune (id, {', '.join(COMMUNE_FIELDS)}, source_id, updated_at) "
            f"VALUES (?, {', '.join('?' for _ in COMMUNE_FIELDS)}, ?, ?)",
            (commune_id, *values, source.id, incoming.updated_at),
        )
        result.profile_updated = True
        return commune_id
    commune_id, current_at = row
    if instant(incoming.updated_at) > instant(current_at):
        assignments = ", ".join(f"{name} = ?" for name in COMMUNE_FIELDS)
        conn.execute(
            f"UPDATE commune SET {assignments}, source_id = ?, updated_at = ? WHERE id = ?",
            (*values, source.id, incoming.updated_at, commune_id),
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
    data = record.model_dump()
    data["commune_id"] = commune_id
    if insert:
        _insert(conn, "assessment", ASSESSMENT_FIELDS, [tuple(data.values())])
    else:
        for table in ("answer", "action", "decision"):
            conn.execute(f"DELETE FROM {table} WHERE assessment_id = ?", (record.id,))
        names = [name for name in ASSESSMENT_FIELDS if name != "id"]
        conn.execute(
            f"UPDATE assessment SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
            (*(data[n] for n in names), record.id),
        )
    rows = [
        (
            a.id,
            a.assessment_id,
            a.question_id,
            a.value,
            int(a.unknown),
            a.comment,
            a.who,
            a.updated_at,
        )
        for a in town.answers.get(record.id, [])
    ]
    _insert(conn, "answer", ANSWER_FIELDS, rows)
    actions = [a.model_dump(mode="json") for a in town.actions.get(record.id, [])]
    _insert(conn, "action", ACTION_FIELDS, [tuple(a[n] for n in ACTION_FIELDS) for a in actions])
    decision = town.decisions.get(record.id)
    if decision is not None:
        data = decision.model_dump(mode="json")
        data["id"] = data["id"] or str(uuid.uuid4())
        data["updated_at"] = data["updated_at"] or record.updated_at
        _insert(conn, "decision", DECISION_FIELDS, [tuple(data[n] for n in DECISION_FIELDS)])
