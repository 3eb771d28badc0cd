"""The `.evalir` schema: identifiers, version, and the ordered migration steps."""

import sqlite3
import uuid
from collections.abc import Callable
from functools import cache

from evalir_desktop.store.file.transaction import immediate

APPLICATION_ID = 0x45564C52  # "EVLR"
SCHEMA_VERSION = 4
ANNEX_VERSION = 3  # attachments, reviewers' opinions and trainings since this version

V1_TABLES = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE commune (
    id TEXT PRIMARY KEY,
    nom TEXT NOT NULL,
    insee TEXT NOT NULL,
    population INTEGER,
    agents_etp REAL,
    epci_nom TEXT NOT NULL DEFAULT '',
    epci_siren TEXT NOT NULL DEFAULT '',
    dpd_designe TEXT NOT NULL DEFAULT 'inconnu',
    contact_nom TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_telephone TEXT NOT NULL DEFAULT '',
    source_id TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE assessment (
    id TEXT PRIMARY KEY,
    commune_id TEXT NOT NULL REFERENCES commune(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    service TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'idee',
    ai_type TEXT NOT NULL DEFAULT '',
    supplier TEXT NOT NULL DEFAULT '',
    template_id TEXT,
    content_id TEXT NOT NULL,
    content_version TEXT NOT NULL,
    last_step TEXT,
    previous_version_id TEXT,
    version_number INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX assessment_commune ON assessment(commune_id);
CREATE TABLE answer (
    id TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    value TEXT,
    unknown INTEGER NOT NULL DEFAULT 0,
    comment TEXT NOT NULL DEFAULT '',
    who TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (assessment_id, question_id)
);
CREATE TABLE action (
    id TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    axis_id TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    priority INTEGER NOT NULL DEFAULT 2,
    status TEXT NOT NULL DEFAULT 'a_faire',
    recommendation_id TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX action_assessment ON action(assessment_id);
CREATE TABLE decision (
    id TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL UNIQUE REFERENCES assessment(id) ON DELETE CASCADE,
    validated_by TEXT NOT NULL DEFAULT '',
    validated_role TEXT NOT NULL DEFAULT '',
    validated_on TEXT,
    council_date TEXT,
    deliberation_number TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    assessment_id TEXT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    change TEXT NOT NULL
);
CREATE INDEX history_assessment ON history(assessment_id);
CREATE TABLE source (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    commune_insee TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    program_version TEXT NOT NULL DEFAULT '',
    schema_version INTEGER NOT NULL
);
"""


def _to_v1(conn: sqlite3.Connection) -> None:
    """changes: first schema (meta, commune, assessment, answer, action, decision,
    history, source)."""
    for statement in V1_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)


def _to_v2(conn: sqlite3.Connection) -> None:
    """changes: commune.town_id, the town's identity kept in every share (a town file
    gets its own `meta.file_id`, random since v1); source.town_id, source.shared_at and
    source.outcome, what a territory decided for each file it received."""
    conn.execute("ALTER TABLE commune ADD COLUMN town_id TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE source ADD COLUMN town_id TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE source ADD COLUMN shared_at TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE source ADD COLUMN outcome TEXT NOT NULL DEFAULT 'merged'")
    role = conn.execute("SELECT value FROM meta WHERE key = 'role'").fetchone()
    if role is None or role[0] == "commune":
        conn.execute("UPDATE commune SET town_id = ?", (file_town_id(conn),))


V3_TABLES = """
CREATE TABLE attachment_blob (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE attachment (
    id TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'autre',
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    who TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    deleted_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX attachment_assessment ON attachment(assessment_id);
CREATE TABLE opinion (
    id TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    step_id TEXT NOT NULL,
    reviewer_role TEXT NOT NULL,
    reviewer_name TEXT NOT NULL DEFAULT '',
    verdict TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    given_on TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (assessment_id, step_id, reviewer_role)
);
CREATE TABLE training (
    id TEXT PRIMARY KEY,
    commune_id TEXT NOT NULL REFERENCES commune(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    audience TEXT NOT NULL DEFAULT 'agents',
    held_on TEXT,
    people INTEGER NOT NULL DEFAULT 1,
    participants TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX training_commune ON training(commune_id);
"""


def _to_v3(conn: sqlite3.Connection) -> None:
    """changes: attachments (`attachment`, their content once per SHA-256 in
    `attachment_blob`), reviewers' opinions per step (`opinion`), and the town's AI
    literacy record (`training`: who was trained on what, and when)."""
    for statement in V3_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)


def _to_v4(conn: sqlite3.Connection) -> None:
    """changes: action.note, the follow-up note of an action (what was done, what is
    awaited), still written after the assessment is validated."""
    conn.execute("ALTER TABLE action ADD COLUMN note TEXT NOT NULL DEFAULT ''")


def file_town_id(conn: sqlite3.Connection) -> str:
    """The identity of a town file: its `meta.file_id` (random, created with the file),
    or a new random one when the file has none that is valid."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'file_id'").fetchone()
    return valid_town_id(row[0] if row else None) or str(uuid.uuid4())


def valid_town_id(value) -> str:
    """`value` as a town id (a UUID in its canonical form), or '' if it is not one."""
    try:
        parsed = uuid.UUID(str(value))
    except ValueError:
        return ""
    return str(parsed) if str(parsed) == str(value).lower() else ""


# Index i holds the step that brings a file from version i to version i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_to_v1, _to_v2, _to_v3, _to_v4]
assert len(MIGRATIONS) == SCHEMA_VERSION


def apply_migrations(conn: sqlite3.Connection, from_version: int) -> None:
    """Run each missing step in its own transaction, setting user_version with it."""
    for version in range(from_version, SCHEMA_VERSION):
        with immediate(conn):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")


@cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str | None]]:
    """The exact (type, name, sql) rows of sqlite_master that our steps create."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        apply_migrations_until(conn, version)
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    finally:
        conn.close()
    return frozenset(rows)


def apply_migrations_until(conn: sqlite3.Connection, version: int) -> None:
    for step in MIGRATIONS[:version]:
        step(conn)
