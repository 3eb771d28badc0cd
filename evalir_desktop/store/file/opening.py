"""Open or create a `.evalir` file following the rules of DESIGN §4.

A missing path is created; a newer file, a file another program is writing, or an
explicit request opens read-only with a French reason; a refused file is never touched.
"""

import errno
import getpass
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from evalir_desktop.file_sync import temporary_beside
from evalir_desktop.store.errors import FileRefused, StoreError, describe
from evalir_desktop.store.file.atomic import install_copy, remove_leftovers, replacing
from evalir_desktop.store.file.inspection import (
    check_recovered,
    connect_readonly,
    inspect,
    read_header,
)
from evalir_desktop.store.file.lock import FileLock
from evalir_desktop.store.file.schema import APPLICATION_ID, SCHEMA_VERSION, apply_migrations
from evalir_desktop.store.file.snapshot import Snapshot, is_wal, take_snapshot

NEWER_FILE_MESSAGE = (
    "Ce fichier a été enregistré par une version plus récente d'EVALIR. "
    "Vous pouvez le consulter ; pour le modifier, installez la dernière version."
)
READONLY_REQUESTED = "Fichier ouvert en lecture seule."
READONLY_MEDIUM_MESSAGE = (
    "Ce fichier se trouve sur un support en lecture seule (CD, clé USB protégée, dossier "
    "partagé sans droit d'écriture). Vous pouvez le consulter ; pour le modifier, "
    "enregistrez-en une copie ailleurs (« Enregistrer une copie sous… »)."
)
FOREIGN_FORMAT_MESSAGE = (
    "Ce fichier a été modifié par un autre programme qu'EVALIR Desktop (journal WAL) : "
    "il est ouvert en lecture seule pour ne pas le changer. Pour le modifier, "
    "enregistrez-en une copie (« Enregistrer une copie sous… »)."
)
INTERRUPTED_NOTICE = (
    "Ce fichier a été interrompu pendant un enregistrement : vous voyez son dernier état "
    "complet ; la modification en cours sera annulée à sa prochaine ouverture pour "
    "modification."
)


@dataclass
class Opened:
    conn: sqlite3.Connection
    readonly_reason: str | None
    lock: FileLock | None
    snapshot: Snapshot | None = None


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
    """Open for writing under the lock, or read-only through a private copy with the reason."""
    header = read_header(path, check_size=False)
    reason = _readonly_reason(path, header.user_version, readonly)
    lock = None
    if reason is None:
        lock = FileLock(path)
        if not lock.acquire():
            reason = (
                f"Ce fichier est déjà ouvert pour modification par {lock.owner()}. "
                "Vous pouvez le consulter ; pour le modifier, fermez-le d'abord de l'autre côté."
            )
            lock = None
    if reason:
        return open_copy(path, reason)
    try:
        return _open_writer(path, lock)
    except BaseException:
        lock.release()
        raise


def _readonly_reason(path: Path, version: int, readonly: bool) -> str | None:
    if version > SCHEMA_VERSION:
        return NEWER_FILE_MESSAGE
    if is_wal(path):
        return FOREIGN_FORMAT_MESSAGE
    if readonly:
        return READONLY_REQUESTED
    if on_readonly_medium(path):
        return READONLY_MEDIUM_MESSAGE
    return None


def on_readonly_medium(path: Path) -> bool:
    """Whether the file or its folder cannot be written (CD, protected key, share)."""
    probe = temporary_beside(path)
    try:
        os.close(os.open(path, os.O_RDWR))
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        os.unlink(probe)
    except OSError as error:
        return error.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    return False


def open_copy(path: Path, reason: str) -> Opened:
    """Read `path` through a private copy (see `store.snapshot`): never a byte changed."""
    snapshot = take_snapshot(path)
    try:
        inspect(snapshot.path)
        conn = connect_readonly(snapshot.path)
    except BaseException:
        snapshot.remove()
        raise
    if snapshot.recovered:
        notice = INTERRUPTED_NOTICE
        reason = notice if reason == READONLY_REQUESTED else f"{reason} {notice}"
    return Opened(conn, reason, None, snapshot)


def _open_writer(path: Path, lock: FileLock) -> Opened:
    remove_leftovers(path.parent, name=path.name)
    inspection = inspect(path)
    conn = connect_writer(path)
    try:
        if inspection.needs_recovery:
            check_recovered(path, conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            migrate(path, conn, version)
    except BaseException:
        conn.close()
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
