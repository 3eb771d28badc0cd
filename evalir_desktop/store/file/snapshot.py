"""Read a file that we do not write through a private copy: the original is never touched.

Opening a file read-only can still change it (SQLite converts a WAL file, creates its
`-shm`, rolls back a hot journal), so every file opened read-only, checked or imported
is copied (with its hot journal or its WAL) into a private temporary folder, where
SQLite settles the copy exactly as it would the original. Folders left by a killed run
are removed by `remove_stale_copies` at the next one.
"""

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evalir_desktop.store.errors import FileRefused, describe
from evalir_desktop.store.file.inspection import has_hot_journal, journal_path, read_header

PREFIX = "evalir-copie-"
WAL_FORMAT = 2  # bytes 18-19 of the header: 1 rollback journal, 2 WAL


@dataclass
class Snapshot:
    """A private copy of `original` at `path`; `recovered` when a hot journal was rolled
    back in the copy (the write in progress was cut off)."""

    original: Path
    path: Path
    recovered: bool = False

    def remove(self) -> None:
        shutil.rmtree(self.path.parent, ignore_errors=True)


def wal_path(path: Path) -> Path:
    return path.with_name(f"{path.name}-wal")


def is_wal(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and WAL_FORMAT in (header[18], header[19])


@contextlib.contextmanager
def private_folder() -> Iterator[Path]:
    """A temporary folder of our own, removed after use or by the next run if killed."""
    remove_stale_copies()
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def take_snapshot(path: Path) -> Snapshot:
    """Copy `path` (refused if it is not an EVALIR file) and settle the copy."""
    read_header(path, check_size=False)
    remove_stale_copies()
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
    snapshot = Snapshot(path, folder / path.name)
    try:
        shutil.copyfile(path, snapshot.path)
        if has_hot_journal(path):
            shutil.copyfile(journal_path(path), journal_path(snapshot.path))
            snapshot.recovered = True
        wal = is_wal(path)
        if wal and wal_path(path).is_file():
            shutil.copyfile(wal_path(path), wal_path(snapshot.path))
        if snapshot.recovered or wal:
            _settle(snapshot.path, wal)
    except OSError as error:
        snapshot.remove()
        raise FileRefused(
            f"Le fichier « {path.name} » n'a pas pu être lu ({describe(error)}). "
            "Vérifiez que le support (clé USB, dossier réseau) est toujours accessible."
        ) from error
    except BaseException:
        snapshot.remove()
        raise
    return snapshot


def _settle(copy: Path, wal: bool) -> None:
    """Let SQLite roll back the journal or fold the WAL into the copy (no SQL from it)."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA user_version").fetchone()
        if wal:
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.Error as error:
        raise FileRefused(
            f"Le fichier « {copy.name} » ne peut pas être ouvert : il est endommagé. "
            "Demandez à l'expéditeur de vous renvoyer le fichier."
        ) from error
    finally:
        conn.close()


def remove_stale_copies() -> None:
    """Remove the private copies of processes that are gone (killed or crashed)."""
    with contextlib.suppress(OSError):
        for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
            if folder.is_dir() and not _alive(folder.name):
                shutil.rmtree(folder, ignore_errors=True)


def _alive(name: str) -> bool:
    """Whether the process that made the folder `evalir-copie-<pid>-…` still runs."""
    pid_text = name.removeprefix(PREFIX).split("-", 1)[0]
    if not pid_text.isdigit():
        return True
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _alive_on_windows(pid: int) -> bool:
    """Whether process `pid` runs, asked to Windows itself (os.kill would end it there)."""
    import ctypes

    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists, someone else's
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
