"""The one way a change is journalled: a history row, and the program that wrote it."""

import json
import sqlite3
import uuid
from datetime import UTC, datetime

from evalir_desktop import __version__


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def journal(
    conn: sqlite3.Connection,
    *,
    at: str,
    who: str,
    entity: str,
    entity_id: str,
    change: dict,
    assessment_id: str | None = None,
) -> None:
    """Append the history row of one change, inside the caller's transaction.

    A change to a row of an assessment also dates the assessment, and every change
    records in `meta` the program version that wrote the file.
    """
    conn.execute(
        "INSERT INTO history (at, who, assessment_id, entity, entity_id, change) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            at,
            who,
            assessment_id,
            entity,
            entity_id,
            json.dumps(change, ensure_ascii=False, default=str),
        ),
    )
    if assessment_id and entity != "assessment":
        conn.execute("UPDATE assessment SET updated_at = ? WHERE id = ?", (at, assessment_id))
    set_meta(conn, "written_with", __version__)


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
