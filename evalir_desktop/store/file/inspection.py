"""Read-only checks that decide whether a file is a safe, sound EVALIR file.

Nothing here writes to the file: foreign files (mail, USB key) are untrusted, so the
header is read as bytes first, then SQLite opens the file read-only with
`trusted_schema=OFF`, and its schema must be exactly the one our migrations create.
"""

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path, PurePath

from evalir_desktop.store.errors import FileRefused
from evalir_desktop.store.file.schema import APPLICATION_ID, SCHEMA_VERSION, expected_schema

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # the first bytes of a live journal
CORE_TABLES = {"meta", "commune", "assessment", "answer", "action", "decision", "history"}


@dataclass(frozen=True)
class FileHeader:
    page_size: int
    page_count: int
    user_version: int
    application_id: int


@dataclass(frozen=True)
class Inspection:
    """What a sound file told us; `needs_recovery` means a hot journal is present."""

    schema_version: int
    needs_recovery: bool = False

    @property
    def is_newer(self) -> bool:
        return self.schema_version > SCHEMA_VERSION


def _refuse(path: Path, reason: str, advice: str) -> FileRefused:
    return FileRefused(f"Le fichier « {path.name} » ne peut pas être ouvert : {reason} {advice}")


NOT_EVALIR_ADVICE = "Vérifiez que vous avez choisi le bon fichier (extension .evalir)."
DAMAGED_ADVICE = (
    "Demandez à l'expéditeur de vous renvoyer le fichier, "
    "ou reprenez la copie de sauvegarde la plus récente."
)


def journal_path(path: Path) -> Path:
    return path.with_name(f"{path.name}-journal")


def has_hot_journal(path: Path) -> bool:
    """Whether SQLite would roll a journal back: a write was cut off (crash, kill, cut).

    As SQLite decides it: the journal sits beside the file under its name, the file is
    not empty, and the journal starts with a valid header. A journal zeroed at commit
    (persistent mode) or cut off before its header was written is ignored by SQLite,
    and so it is here.
    """
    journal = journal_path(path)
    try:
        if not journal.is_file() or path.stat().st_size == 0:
            return False
        with journal.open("rb") as handle:
            return handle.read(len(JOURNAL_MAGIC)) == JOURNAL_MAGIC
    except OSError:
        return False


def read_header(path: Path, check_size: bool = True) -> FileHeader:
    """Parse the 100-byte SQLite header, refusing what is not an EVALIR file.

    The size is not checked while a write was interrupted: the file may then be
    shorter or longer than its header says until the journal restores it.
    """
    if not path.exists():
        raise FileRefused(f"Le fichier « {path} » n'existe pas. Vérifiez son nom et son dossier.")
    if not path.is_file():
        raise _refuse(path, "ce n'est pas un fichier mais un dossier.", NOT_EVALIR_ADVICE)
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
        size = path.stat().st_size
    except OSError as error:
        raise _refuse(
            path, f"il n'a pas pu être lu ({error.strerror}).", NOT_EVALIR_ADVICE
        ) from error
    if size == 0:
        raise _refuse(path, "il est vide.", DAMAGED_ADVICE)
    if not header.startswith(SQLITE_MAGIC):
        raise _refuse(path, "ce n'est pas un fichier EVALIR.", NOT_EVALIR_ADVICE)
    if len(header) < HEADER_SIZE:
        raise _refuse(path, "il est incomplet (tronqué).", DAMAGED_ADVICE)
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    (page_count,) = struct.unpack(">I", header[28:32])
    (user_version,) = struct.unpack(">I", header[60:64])
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise _refuse(
            path,
            "c'est une base de données, mais pas un fichier EVALIR.",
            NOT_EVALIR_ADVICE,
        )
    if page_size < 512:
        raise _refuse(path, "il est abîmé.", DAMAGED_ADVICE)
    if check_size and (size < page_size * page_count or size % page_size):
        raise _refuse(path, "il est incomplet (tronqué) ou abîmé.", DAMAGED_ADVICE)
    return FileHeader(page_size, page_count, user_version, application_id)


def readonly_uri(path: PurePath) -> str:
    """A SQLite URI opening `path` read-only, network shares included.

    `as_uri()` writes a Windows share (\\\\serveur\\partage) as file://serveur/partage,
    whose authority SQLite refuses; SQLite expects file:////serveur/partage.
    """
    uri = path.as_uri()
    if not uri.startswith("file:///"):
        uri = "file:////" + uri.removeprefix("file://")
    return uri + "?mode=ro"


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open read-only, with schema-defined functions disabled."""
    uri = readonly_uri(path.resolve())
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    return conn


def check_schema(path: Path, conn: sqlite3.Connection, version: int) -> None:
    rows = set(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
    if version <= SCHEMA_VERSION:
        unexpected = rows - expected_schema(version)
        missing = expected_schema(version) - rows
    else:
        # A newer program wrote it: we cannot know its exact schema, but it must
        # hold our tables and never any trigger or view.
        unexpected = {row for row in rows if row[0] in ("trigger", "view")}
        names = {name for kind, name, _ in rows if kind == "table"}
        missing = {("table", name, None) for name in CORE_TABLES - names}
    if unexpected:
        kinds = sorted({kind for kind, _, _ in unexpected})
        labels = {"trigger": "déclencheur", "view": "vue", "table": "table", "index": "index"}
        found = ", ".join(labels.get(kind, kind) for kind in kinds)
        raise _refuse(
            path,
            f"il contient des éléments qu'EVALIR ne crée pas ({found}). "
            "Par sécurité, il est refusé.",
            "Demandez à l'expéditeur un fichier produit directement par EVALIR.",
        )
    if missing:
        raise _refuse(path, "sa structure est incomplète.", DAMAGED_ADVICE)


def check_integrity(path: Path, conn: sqlite3.Connection) -> None:
    result = conn.execute("PRAGMA integrity_check(1)").fetchone()
    if not result or result[0] != "ok":
        raise _refuse(path, "il est endommagé (contrôle d'intégrité en échec).", DAMAGED_ADVICE)


def is_hot_journal_error(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK


def inspect(path: Path) -> Inspection:
    """Check a file without modifying it; raise FileRefused with the reason if unsound.

    A file whose last write was interrupted is reported as `needs_recovery`: only a
    writer may roll its journal back, and must then check it again (`check_recovered`).
    """
    if has_hot_journal(path):
        header = read_header(path, check_size=False)
        return Inspection(header.user_version, needs_recovery=True)
    header = read_header(path)
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as error:
        raise _refuse(path, "il n'a pas pu être ouvert.", DAMAGED_ADVICE) from error
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            raise _refuse(path, "sa structure est incomplète.", DAMAGED_ADVICE)
        check_schema(path, conn, version)
        check_integrity(path, conn)
    except sqlite3.Error as error:
        if is_hot_journal_error(error):
            return Inspection(header.user_version, needs_recovery=True)
        raise _refuse(path, "il est endommagé.", DAMAGED_ADVICE) from error
    finally:
        conn.close()
    return Inspection(version)


def check_recovered(path: Path, conn: sqlite3.Connection) -> None:
    """After a writer rolled back an interrupted write, check the file in full."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # rolls back first
        read_header(path)
        check_schema(path, conn, version)
        check_integrity(path, conn)
    except sqlite3.Error as error:
        raise _refuse(path, "il est endommagé.", DAMAGED_ADVICE) from error
