"""Copy one validated town file into the territory file, in one transaction.

Towns are matched by INSEE code and town id (see `store.identity`: a file that does not
match is a conflict, nothing is merged), assessments by UUID; the newest `updated_at`
wins for each assessment and for the town profile, so an older file never overwrites
newer data. An assessment missing from the file is kept and reported (a town may share
only some). When the officer chooses to replace the town's data by a file, the file
wins everywhere and the town's assessments missing from it are removed.
Column lists come from the pydantic models of the rows.
"""

import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import BaseModel

from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import AssessmentRecord, AssessmentRef, SourceRecord
from evalir_desktop.store.epci import epci_conflict, epci_reason
from evalir_desktop.store.file.journal import journal
from evalir_desktop.store.file.transaction import immediate
from evalir_desktop.store.identity import (
    CurrentTown,
    conflict,
    find_current,
    identity_reason,
    instant,
    regression_reason,
)
from evalir_desktop.store.town_file import TownFile, Unreadable

COMMUNE_FIELDS = tuple(Commune.model_fields)
CHILD_TABLES = ("answer", "action", "decision", "attachment", "opinion")


@dataclass
class MergeResult:
    added: list[AssessmentRef] = field(default_factory=list)
    updated: list[AssessmentRef] = field(default_factory=list)
    unchanged: list[AssessmentRef] = field(default_factory=list)
    kept_newer: list[AssessmentRef] = field(default_factory=list)
    removed_from_source: list[AssessmentRef] = field(default_factory=list)
    returned: list[AssessmentRef] = field(default_factory=list)  # set aside, sent anew
    still_removed: list[AssessmentRef] = field(default_factory=list)  # set aside, unchanged
    profile_updated: bool = False
    profile_kept_newer: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.profile_updated)


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
    conn: sqlite3.Connection,
    town: TownFile,
    source: SourceRecord,
    who: str,
    *,
    replace: bool = False,
    other_epci: bool = False,
) -> MergeResult:
    """Merge inside one transaction, rolled back on any error.

    Raise `TownConflict` (nothing merged) when the file does not match the town the
    territory knows, unless `replace`: the officer chose the file over the current data;
    or when its town declares another intercommunality, unless `other_epci`: the officer
    chose to import it all the same.
    """
    with immediate(conn):
        current = find_current(conn, town)
        result = _plan(conn, town, current, replace)
        reason = "" if replace or other_epci else epci_reason(conn, current, town)
        if reason:
            raise epci_conflict(conn, current, town, source.file_name, reason)
        if not replace:
            _check_conflicts(conn, town, source, current, result)
        commune_id = _write_commune(conn, town, source, current, result, replace)
        _write_assessments(conn, town, commune_id, result, replace)
        forget_unused_contents(conn)
        insert_rows(conn, "source", [source])
        change = {
            "file": source.file_name,
            "outcome": source.outcome,
            "added": [ref.id for ref in result.added],
            "updated": [ref.id for ref in result.updated],
            "absent": [ref.id for ref in result.removed_from_source],
            "profile_updated": result.profile_updated,
        }
        _journal_source(conn, source, who, change)
    return result


def keep_current(
    conn: sqlite3.Connection, source: SourceRecord, who: str, outcome: str = "kept_current"
) -> None:
    """Record that the officer kept the territory's data rather than this file (or did not
    import it: `outcome` "not_imported"): the same file added again is then reported as
    decided, not as a new conflict."""
    with immediate(conn):
        insert_rows(conn, "source", [source.model_copy(update={"outcome": outcome})])
        _journal_source(conn, source, who, {"file": source.file_name, "outcome": outcome})


def _journal_source(conn: sqlite3.Connection, source: SourceRecord, who: str, change: dict) -> None:
    journal(
        conn,
        at=source.imported_at,
        who=who,
        entity="source",
        entity_id=source.id,
        change=change,
    )


def _check_conflicts(
    conn: sqlite3.Connection,
    town: TownFile,
    source: SourceRecord,
    current: CurrentTown | None,
    result: MergeResult,
) -> None:
    reason = identity_reason(current, town)
    if not reason:
        older = [ref.title for ref in result.kept_newer]
        if result.profile_kept_newer:
            older.insert(0, "le profil de la commune")
        reason = regression_reason(current, town, older)
    if reason:
        raise conflict(conn, current, town, source.file_name, reason)


def _plan(
    conn: sqlite3.Connection, town: TownFile, current: CurrentTown | None, replace: bool
) -> MergeResult:
    """What merging the file would do, assessment by assessment (nothing written)."""
    result = MergeResult()
    commune_id = current.commune_id if current else None
    if current is not None and not replace:
        result.profile_kept_newer = instant(town.commune.updated_at) < instant(current.updated_at)
    existing = {
        row[0]: (row[1], row[2], row[3])
        for row in conn.execute(
            "SELECT id, updated_at, commune_id, deleted_at FROM assessment WHERE id IN "
            "(SELECT value FROM json_each(?))",
            (json.dumps([record.id for record in town.assessments]),),
        )
    }
    for record in town.assessments:
        ref = AssessmentRef(id=record.id, title=record.title)
        if record.id not in existing:
            result.added.append(ref)
            continue
        current_at, owner, set_aside = existing[record.id]
        if owner != commune_id:
            raise Unreadable(
                f"l'évaluation « {record.title} » a déjà été importée pour une autre commune "
                "(ce fichier a peut-être été copié depuis celui d'une autre commune)"
            )
        _compare(result, ref, instant(record.updated_at), instant(current_at), set_aside, replace)
    if commune_id is not None:
        present = {record.id for record in town.assessments}
        for assessment_id, title in conn.execute(
            "SELECT id, title FROM assessment WHERE commune_id = ? AND deleted_at IS NULL "
            "ORDER BY created_at",
            (commune_id,),
        ).fetchall():
            if assessment_id not in present:
                result.removed_from_source.append(AssessmentRef(id=assessment_id, title=title))
    return result


def _compare(
    result: MergeResult,
    ref: AssessmentRef,
    incoming: datetime,
    held: datetime,
    set_aside: str | None,
    replace: bool,
) -> None:
    """File one assessment of the file by what merging it does. One the officer set aside
    comes back only if the town changed it since (a restore from its trash dates it)."""
    if replace or incoming > held:
        result.updated.append(ref)
        if set_aside:
            result.returned.append(ref)
    elif set_aside:
        result.still_removed.append(ref)
    elif incoming == held:
        result.unchanged.append(ref)
    else:
        result.kept_newer.append(ref)


def _write_commune(
    conn: sqlite3.Connection,
    town: TownFile,
    source: SourceRecord,
    current: CurrentTown | None,
    result: MergeResult,
    replace: bool,
) -> str:
    incoming = town.commune
    values = {name: getattr(incoming, name) for name in COMMUNE_FIELDS}
    values.update(source_id=source.id, updated_at=incoming.updated_at)
    if current is None:
        taken = conn.execute("SELECT 1 FROM commune WHERE id = ?", (incoming.id,)).fetchone()
        commune_id = str(uuid.uuid4()) if taken else incoming.id
        names = ["id", "town_id", *values]
        conn.execute(
            f"INSERT INTO commune ({', '.join(names)}) "
            f"VALUES ({', '.join(f':{name}' for name in names)})",
            {"id": commune_id, "town_id": town.town_id, **values},
        )
        result.profile_updated = True
        _write_trainings(conn, town, commune_id)
        return commune_id
    if replace or (not current.town_id and town.town_id):
        # replaced, or known by its INSEE code only so far: the file's id is remembered
        conn.execute(
            "UPDATE commune SET town_id = ? WHERE id = ?", (town.town_id, current.commune_id)
        )
    if replace or instant(incoming.updated_at) > instant(current.updated_at):
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        conn.execute(
            f"UPDATE commune SET {assignments} WHERE id = :id",
            {**values, "id": current.commune_id},
        )
        result.profile_updated = True
        _write_trainings(conn, town, current.commune_id)
    return current.commune_id


def _write_trainings(conn: sqlite3.Connection, town: TownFile, commune_id: str) -> None:
    """The AI literacy record goes with the town profile: the newer profile's wins."""
    conn.execute("DELETE FROM training WHERE commune_id = ?", (commune_id,))
    insert_rows(conn, "training", town.annexes.trainings, commune_id=commune_id)


def forget_unused_contents(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM attachment_blob WHERE sha256 NOT IN (SELECT sha256 FROM attachment)")


def _write_assessments(
    conn: sqlite3.Connection, town: TownFile, commune_id: str, result: MergeResult, replace: bool
) -> None:
    records = {record.id: record for record in town.assessments}
    for ref in result.added:
        _write_assessment(conn, town, records[ref.id], commune_id, insert=True)
    for ref in result.updated:
        _write_assessment(conn, town, records[ref.id], commune_id, insert=False)
    if replace:  # the file is the town's data now: what it lacks goes
        for ref in result.removed_from_source:
            for table in CHILD_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE assessment_id = ?", (ref.id,))
            conn.execute("DELETE FROM assessment WHERE id = ?", (ref.id,))


def replaced_tables(town: TownFile) -> tuple[str, ...]:
    """The rows of an updated assessment that the file replaces: all of them, but its
    attachments only when the town sent them (a share without them keeps the ones the
    territory received before)."""
    if town.annexes.attachments_included:
        return CHILD_TABLES
    return tuple(table for table in CHILD_TABLES if table != "attachment")


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
        for table in replaced_tables(town):
            conn.execute(f"DELETE FROM {table} WHERE assessment_id = ?", (record.id,))
        data = {**record.model_dump(mode="json"), "commune_id": commune_id}
        assignments = ", ".join(f"{name} = :{name}" for name in data if name != "id")
        conn.execute(f"UPDATE assessment SET {assignments} WHERE id = :id", data)
    insert_rows(conn, "answer", town.answers.get(record.id, []))
    insert_rows(conn, "action", town.actions.get(record.id, []))
    attachments = town.annexes.attachments.get(record.id, [])
    conn.executemany(
        "INSERT OR IGNORE INTO attachment_blob (sha256, size, data) VALUES (?, ?, ?)",
        [(a.sha256, a.size, town.annexes.contents[a.sha256]) for a in attachments],
    )
    insert_rows(conn, "attachment", attachments)
    insert_rows(conn, "opinion", town.annexes.opinions.get(record.id, []))
    decision = town.decisions.get(record.id)
    if decision is not None:
        filled = decision.model_copy(
            update={
                "id": decision.id or str(uuid.uuid4()),
                "updated_at": decision.updated_at or record.updated_at,
            }
        )
        insert_rows(conn, "decision", [filled])
