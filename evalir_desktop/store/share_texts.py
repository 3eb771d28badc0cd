"""The free texts of a share copy: names removed from them, then listed for a last check.

Every text column of the copy is free text unless it is listed below as structured
(identifiers, dates, codes, choices): a column added by a later schema step is thus
scrubbed and listed too, never sent unseen. Runs on the private copy only.
"""

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

STRUCTURED = {
    "id",
    "status",
    "ai_type",
    "outcome",
    "content_version",
    "last_step",
    "insee",
    "epci_siren",
    "dpd_designe",
    "due_date",
    "validated_on",
    "council_date",
    "kind",
    "sha256",
    "verdict",
    "reviewer_role",
    "given_on",
    "held_on",
    "audience",
}
CLEARED = {
    "who",
    "validated_by",
    "owner",
    "contact_nom",
    "contact_email",
    "contact_telephone",
    "reviewer_name",
    "participants",
}
SENT_AS_IS = {"commune": {"nom", "epci_nom"}}  # the town and its EPCI: names of places
NOT_SHARED_TEXT = {"meta", "history", "source", "sqlite_sequence"}
FIELD_LABELS = {
    ("assessment", "title"): "titre de l'évaluation",
    ("assessment", "description"): "description",
    ("assessment", "service"): "service concerné",
    ("assessment", "supplier"): "fournisseur",
    ("answer", "value"): "réponse écrite",
    ("answer", "comment"): "commentaire",
    ("action", "title"): "action",
    ("action", "note"): "note de suivi d'une action",
    ("decision", "validated_role"): "rôle de la personne qui a validé",
    ("decision", "deliberation_number"): "numéro de délibération",
    ("decision", "text"): "texte de la décision",
    ("attachment", "name"): "nom d'une pièce jointe",
    ("attachment", "comment"): "commentaire d'une pièce jointe",
    ("opinion", "comment"): "avis d'un relecteur",
    ("training", "title"): "formation à l'IA",
    ("training", "notes"): "remarques sur une formation à l'IA",
}
ORDER = ["assessment", "answer", "action", "decision", "attachment", "opinion", "training"]
OPTION_ID = re.compile(r"[a-z0-9_]+")
PARTICIPANT_SEPARATOR = re.compile(r"[\n,;]+|\s+et\s+")


@dataclass(frozen=True)
class FreeText:
    """One free text of the copy: which assessment, which field, and the text sent."""

    assessment: str
    label: str
    text: str
    question_id: str = ""


def text_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """The free-text columns of each table that travels, by table."""
    tables = [
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if name not in NOT_SHARED_TEXT
    ]
    tables.sort(key=lambda name: ORDER.index(name) if name in ORDER else len(ORDER))
    found = {}
    for table in tables:
        columns = [
            name
            for _cid, name, kind, *_rest in conn.execute(f"PRAGMA table_info({table})")
            if kind.upper() in ("TEXT", "")
            and name not in STRUCTURED | CLEARED | SENT_AS_IS.get(table, set())
            and not name.endswith(("_id", "_at"))
        ]
        if columns:
            found[table] = columns
    return found


def known_names(conn: sqlite3.Connection) -> list[str]:
    """Every name of a person the copy knows, before they are cleared."""
    queries = [
        "SELECT contact_nom FROM commune",
        "SELECT DISTINCT who FROM answer",
        "SELECT DISTINCT who FROM history",
        "SELECT DISTINCT validated_by FROM decision",
        "SELECT DISTINCT owner FROM action",
        "SELECT DISTINCT who FROM attachment",
        "SELECT DISTINCT reviewer_name FROM opinion",
    ]
    names = [value for sql in queries for (value,) in conn.execute(sql) if value]
    for (trained,) in conn.execute("SELECT participants FROM training"):
        names += PARTICIPANT_SEPARATOR.split(trained or "")  # one name or service a line
    return names


def written(value: str | None) -> str | None:
    """The text written in an answer's JSON value; None for a choice (option ids such
    as « engager_sous_conditions »), a number, a list or no value. ValueError if the
    value is not JSON."""
    if value is None:
        return None
    decoded = json.loads(value)
    if not isinstance(decoded, str) or OPTION_ID.fullmatch(decoded):
        return None
    return decoded


def scrub_value(scrub: Callable[[str], str], value: str) -> str:
    """An answer's JSON value: only a written text is scrubbed, never an option id."""
    try:
        text = written(value)
    except ValueError:  # not JSON (a file from elsewhere): scrub it as it stands
        return scrub(value)
    return value if text is None else json.dumps(scrub(text), ensure_ascii=False)


def scrub_free_texts(conn: sqlite3.Connection, scrub: Callable[[str], str]) -> None:
    """Rewrite with `scrub` every free text of the copy (inside the caller's
    transaction)."""
    for table, columns in text_columns(conn).items():
        rows = conn.execute(f"SELECT rowid, {', '.join(columns)} FROM {table}").fetchall()
        updates = []
        for rowid, *values in rows:
            new = [
                (scrub_value(scrub, value) if column == "value" else scrub(value))
                if isinstance(value, str)
                else value
                for column, value in zip(columns, values, strict=True)
            ]
            if new != values:
                updates.append((*new, rowid))
        assignments = ", ".join(f"{column} = ?" for column in columns)
        conn.executemany(f"UPDATE {table} SET {assignments} WHERE rowid = ?", updates)


def free_texts(conn: sqlite3.Connection) -> list[FreeText]:
    """Every non-empty free text of the copy as it will be sent, assessment by assessment."""
    order = {
        row[0]: index
        for index, row in enumerate(
            conn.execute("SELECT id FROM assessment ORDER BY created_at, rowid")
        )
    }
    titles = dict(conn.execute("SELECT id, title FROM assessment"))
    found = []
    for rank, (table, columns) in enumerate(text_columns(conn).items()):
        names = {name for (_c, name, *_r) in conn.execute(f"PRAGMA table_info({table})")}
        owner = "id" if table == "assessment" else "assessment_id"
        key = owner if owner in names else "''"
        question = "question_id" if "question_id" in names else "''"
        rows = conn.execute(f"SELECT {key}, {question}, {', '.join(columns)} FROM {table}")
        for position, (assessment_id, question_id, *values) in enumerate(rows):
            for column, value in zip(columns, values, strict=True):
                text = shown(value) if column == "value" else value
                if isinstance(text, str) and text.strip():
                    label = FIELD_LABELS.get((table, column), f"{table}.{column}")
                    item = FreeText(titles.get(assessment_id, ""), label, text, question_id)
                    found.append(((order.get(assessment_id, -1), rank, position), item))
    return [item for _key, item in sorted(found, key=lambda pair: pair[0])]


def shown(value: Any) -> str:
    """The written text of an answer's JSON value ('' for a choice or a number)."""
    try:
        return written(value) or ""
    except ValueError:
        return str(value)
