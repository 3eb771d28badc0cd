"""Open or create a `.evalir` file following the rules of DESIGN §4.

A missing path is created; a newer file, a file another program is writing, or an
explicit request opens read-only with a French reason; a refused file is never touched.
"""

import getpass
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from evalir_desktop.store.atomic import install_copy, replacing
from evalir_desktop.store.errors import FileRefused, StoreError, describe
from evalir_desktop.store.inspection import check_recovered, connect_readonly, inspect
from evalir_desktop.store.lock import FileLock
from evalir_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION, apply_migrations

NEWER_FILE_MESSAGE = (
    "Ce fichier a été enregistré par une version plus récente d'EVALIR. "
    "Vous pouvez le consulter ; pour le modifier, installez la dernière version."
)
READONLY_REQUESTED = "Fichier ouvert en lecture seule."


@dataclass
class Opened:
    conn: sqlite3.Connection
    readonly_reason: str | None
    lock: FileLock | None


def configure_writer(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, safe on network drives
    # EXTRA also syncs the folder once the journal is deleted: without it a power cut
    # just after "Enregistré" could bring the journal back and undo the acknowledged save.
    conn.execute("PRAGMA synchronous = EXTRA")


def connect_writer(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=5)
    configure_writer(conn)
    return conn


def default_who() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def create_file(path: Path, role: str, program_version: str, now: str) -> None:
    """Build the new file beside its final name, then move it in place in one step."""
    if path.exists():
        raise FileRefused(
            f"Le fichier « {path.name} » existe déjà. Choisissez un autre nom ou ouvrez ce fichier."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileRefused(
            f"Le dossier « {path.parent} » n'a pas pu être créé ({error.strerror}). "
            "Choisissez un autre emplacement."
        ) from error
    try:
        with replacing(path) as temporary:
            conn = sqlite3.connect(temporary, isolation_level=None)
            try:
                configure_writer(conn)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                apply_migrations(conn, 0)
                conn.execute("BEGIN")
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("role", role),
                        ("file_id", str(uuid.uuid4())),
                        ("created_at", now),
                        ("created_with", program_version),
                        ("written_with", program_version),
                    ],
                )
                conn.execute("COMMIT")
            finally:
                conn.close()
    except (OSError, sqlite3.Error) as error:
        raise FileRefused(
            f"Le fichier « {path.name} » n'a pas pu être créé ({describe(error)}). "
            "Vérifiez que le dossier est accessible en écriture."
        ) from error


def migration_backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.stem}.avant-mise-a-jour-v{version}{path.suffix}")


def open_file(path: Path, readonly: bool) -> Opened:
    inspection = inspect(path)
    reason = None
    lock = None
    if inspection.is_newer:
        reason = NEWER_FILE_MESSAGE
    elif readonly:
        reason = READONLY_REQUESTED
    else:
        lock = FileLock(path)
        if not lock.acquire():
            reason = (
                f"Ce fichier est déjà ouvert pour modification par {lock.owner()}. "
                "Vous pouvez le consulter ; pour le modifier, fermez-le d'abord de l'autre côté."
            )
            lock = None
    if reason:
        if inspection.needs_recovery:
            raise FileRefused(
                f"Le fichier « {path.name} » a été interrompu pendant un enregistrement. "
                "Ouvrez-le une fois dans EVALIR Desktop pour modification : "
                "il sera réparé automatiquement."
            )
        return Opened(connect_readonly(path), reason, None)
    conn = None
    try:
        conn = connect_writer(path)
        if inspection.needs_recovery:
            check_recovered(path, conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            migrate(path, conn, version)
    except BaseException:
        if conn is not None:
            conn.close()
        lock.release()
        raise
    return Opened(conn, None, lock)


def migrate(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Copy the file aside, then run the missing steps one transaction each."""
    backup = migration_backup_path(path, version)
    if not backup.exists():
        install_copy(path, backup)  # never a half-written backup after a crash
    try:
        apply_migrations(conn, version)
    except Exception as error:
        raise StoreError(
            f"La mise à jour du fichier « {path.name} » vers le nouveau format a échoué "
            f"({error}). Le fichier n'a pas été modifié et une copie est conservée "
            f"sous le nom « {backup.name} ». Signalez ce problème avec le fichier."
        ) from error
