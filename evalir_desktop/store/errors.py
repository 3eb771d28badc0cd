"""Errors of the store, each carrying a French message for the user."""

import errno
import sqlite3

from evalir_desktop.domain.errors import StoreError


class FileRefused(StoreError):
    """The file is not one we can open (not EVALIR, damaged, truncated, unsafe)."""


class ReadOnlyError(StoreError):
    """A write was attempted on a file or assessment that is read-only."""


class SaveFailed(StoreError):
    """A change could not be written (disk full, medium removed): nothing was stored."""

    def __init__(self, cause: str):
        advice = (
            "libérez de la place ou enregistrez une copie ailleurs"
            if cause == DISK_FULL
            else "vérifiez que le support est toujours branché, ou enregistrez une copie ailleurs"
        )
        super().__init__(f"Non enregistré : {cause} — {advice}.")


DISK_FULL = "le disque est plein"
READ_ONLY_MEDIUM = "le support est en lecture seule"
_ERRNO_TEXTS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EROFS: READ_ONLY_MEDIUM,
    errno.EACCES: "l'accès est refusé",
    errno.EPERM: "l'accès est refusé",
    errno.ENOENT: "le dossier n'existe pas",
    errno.EIO: "erreur de lecture ou d'écriture sur le support",
    errno.ENAMETOOLONG: "le nom du fichier est trop long pour ce disque",
}
_SQLITE_TEXTS = {
    sqlite3.SQLITE_FULL: DISK_FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY_MEDIUM,
    sqlite3.SQLITE_CANTOPEN: "le fichier n'a pas pu être ouvert",
    sqlite3.SQLITE_IOERR: "erreur de lecture ou d'écriture sur le support",
    sqlite3.SQLITE_BUSY: "le fichier est occupé par un autre programme",
    sqlite3.SQLITE_PERM: "l'accès est refusé",
}


def describe(error: BaseException) -> str:
    """A short French cause for an error of the file system or of SQLite."""
    if isinstance(error, OSError):
        return _ERRNO_TEXTS.get(error.errno, error.strerror or "erreur du système")
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return _SQLITE_TEXTS.get(code & 0xFF, "erreur de la base de données")
    return "erreur inattendue"


def is_disk_full(error: BaseException) -> bool:
    return describe(error) == DISK_FULL
