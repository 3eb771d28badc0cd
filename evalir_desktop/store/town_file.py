"""Read an untrusted town file into validated records, with plain SELECTs only.

The file has passed `store.inspection.inspect()` first; every row is then validated
with pydantic and every date is parsed, so that what reaches the territory file is
exactly what our own program would have written.
"""

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import ValidationError

from evalir_desktop.domain.records import ActionRecord, AssessmentRecord, DecisionRecord
from evalir_desktop.domain.rows import AnswerRow, CommuneRow
from evalir_desktop.french import short_local
from evalir_desktop.store.file.inspection import connect_readonly
from evalir_desktop.store.file.schema import valid_town_id
from evalir_desktop.store.town_annexes import Annexes, AnnexRefused, read_annexes
from evalir_desktop.text import clean_text

MAX_ASSESSMENTS = 2_000
MAX_ROWS = 500_000
CLOCK_TOLERANCE = timedelta(minutes=5)  # clocks drift a little; more is a wrong date
IDENTITY_VERSION = 2  # the schema version that gave each town file its town id
TABLE_LABELS = {
    "CommuneRow": "profil de la commune",
    "AssessmentRecord": "évaluation",
    "AnswerRow": "réponse",
    "Answer": "réponse",
    "ActionRecord": "action",
    "DecisionRecord": "décision",
    "AttachmentRecord": "pièce jointe",
    "OpinionRecord": "avis d'un relecteur",
    "TrainingRecord": "formation",
}


class Unreadable(Exception):
    """The file's content is refused; str() is the French reason."""


@dataclass
class TownFile:
    """Everything the territory takes from one town file, validated."""

    role: str
    written_with: str
    schema_version: int
    commune: CommuneRow
    town_id: str  # the town's identity, '' when the file predates it and has no file id
    made_at: str  # when the copy was made (its share date), else its newest change
    assessments: list[AssessmentRecord]
    answers: dict[str, list[AnswerRow]] = field(default_factory=dict)
    actions: dict[str, list[ActionRecord]] = field(default_factory=dict)
    decisions: dict[str, DecisionRecord] = field(default_factory=dict)
    annexes: Annexes = field(default_factory=Annexes)  # attachments, opinions, trainings


def parse_instant(text: str, now: datetime, what: str = "une date de modification") -> datetime:
    """Parse an ISO date-time written by EVALIR; refuse it if more than a few minutes
    ahead of this computer's clock (`what` names it in the French reason)."""
    try:
        instant = datetime.fromisoformat(text)
    except (TypeError, ValueError) as error:
        raise Unreadable(f"une date est illisible (« {text[:40]} »)") from error
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    if instant > now + CLOCK_TOLERANCE:
        when = short_local(instant, with_time=True)
        raise Unreadable(
            f"{what} est dans le futur (le {when}, heure de cet ordinateur) : l'horloge "
            "de l'ordinateur de la commune, ou celle de cet ordinateur, est mal réglée. "
            "Faites vérifier la date et l'heure des deux ordinateurs"
        )
    return instant


def select_rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    """Rows as dicts, texts cleaned of control characters, escapes and bidi overrides."""
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [
        {
            name: clean_text(v) if isinstance(v, str) else v
            for name, v in zip(names, row, strict=True)
        }
        for row in cursor
    ]


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}


def read_town_file(path: Path, schema_version: int, now: datetime | None = None) -> TownFile:
    """Read and validate; raise Unreadable with a French reason."""
    now = now or datetime.now(UTC)
    conn = connect_readonly(path)
    try:
        return _read(conn, schema_version, now)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "?"
        table = TABLE_LABELS.get(error.title, "une ligne")
        raise Unreadable(f"une valeur n'est pas valide ({table}, champ « {where} »)") from error
    except AnnexRefused as error:
        raise Unreadable(str(error)) from error
    except sqlite3.Error as error:
        raise Unreadable("il n'a pas pu être lu jusqu'au bout") from error
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, schema_version: int, now: datetime) -> TownFile:
    meta = read_meta(conn)
    role = meta.get("role", "commune")
    if role != "commune":
        raise Unreadable(
            "c'est un fichier de territoire, pas le fichier d'une commune "
            "(on n'importe que les fichiers envoyés par les communes)"
        )
    communes = select_rows(conn, "SELECT * FROM commune")
    if not communes:
        raise Unreadable("le profil de la commune n'y est pas renseigné")
    if len(communes) > 1:
        raise Unreadable("il contient plusieurs profils de commune")
    commune = CommuneRow.model_validate(communes[0])
    parse_instant(commune.updated_at, now, "la date de modification du profil de la commune")
    count = conn.execute("SELECT count(*) FROM assessment").fetchone()[0]
    children = sum(
        conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("answer", "action", "decision")
    )
    if count > MAX_ASSESSMENTS or children > MAX_ROWS:
        raise Unreadable("il contient bien plus de données qu'un fichier de commune")
    assessments = [
        AssessmentRecord.model_validate(row) for row in select_rows(conn, _select("assessment"))
    ]
    titles = {}
    for record in assessments:
        if record.commune_id != commune.id:
            raise Unreadable(f"l'évaluation « {record.title} » n'appartient pas à la commune")
        what = f"la date de modification de l'évaluation « {record.title[:80]} »"
        for stamp in (record.created_at, record.updated_at, record.deleted_at):
            if stamp:
                parse_instant(stamp, now, what)
        titles[record.id] = what
    town = TownFile(
        role,
        meta.get("written_with", ""),
        schema_version,
        commune,
        town_identity(commune, meta, schema_version),
        made_at(meta, [commune.updated_at, *(r.updated_at for r in assessments)], now),
        assessments,
    )
    for row in select_rows(conn, _select("answer")):
        answer = AnswerRow.model_validate(row)  # its validator parses the JSON value
        _belongs(answer.assessment_id, titles, answer.updated_at, now)
        town.answers.setdefault(answer.assessment_id, []).append(answer)
    for row in select_rows(conn, _select("action")):
        action = ActionRecord.model_validate(row)
        _belongs(action.assessment_id, titles, action.updated_at, now)
        town.actions.setdefault(action.assessment_id, []).append(action)
    for row in select_rows(conn, _select("decision")):
        decision = DecisionRecord.model_validate(row)
        _belongs(decision.assessment_id, titles, decision.updated_at, now)
        town.decisions[decision.assessment_id] = decision
    town.annexes = read_annexes(
        conn,
        schema_version,
        commune.id,
        lambda sql: select_rows(conn, sql),
        lambda assessment_id, stamp: _belongs(assessment_id, titles, stamp, now),
        lambda stamp, what: parse_instant(stamp, now, what),
        meta.get("attachments_included") != "0",
    )
    return town


def town_identity(commune: CommuneRow, meta: dict[str, str], schema_version: int) -> str:
    """The town id of a file: its commune row's, or for a file older than the identity
    the `meta.file_id` that its own file keeps as town id when it is migrated."""
    if schema_version < IDENTITY_VERSION:
        return valid_town_id(meta.get("file_id"))
    town_id = valid_town_id(commune.town_id)
    if not town_id:
        raise Unreadable("l'identifiant de la commune y manque ou n'est pas valide")
    return town_id


def made_at(meta: dict[str, str], stamps: list[str], now: datetime) -> str:
    """When the copy was made: its share date, or the newest change of a file sent as is."""
    shared = meta.get("shared_at", "")
    if shared:
        parse_instant(shared, now, "la date à laquelle la copie a été préparée")
        return shared
    return max(stamps, key=lambda stamp: parse_instant(stamp, now))


def _select(table: str) -> str:
    return f"SELECT * FROM {table} ORDER BY rowid"


def _belongs(assessment_id: str, titles: dict[str, str], stamp: str, now: datetime) -> None:
    """A row of an assessment of the file, dated no later than now."""
    if assessment_id not in titles:
        raise Unreadable("des réponses ou des actions ne se rattachent à aucune évaluation")
    if stamp:
        parse_instant(stamp, now, titles[assessment_id])
