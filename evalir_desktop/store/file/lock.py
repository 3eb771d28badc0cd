"""An advisory lock beside a `.evalir` file, so that two programs never write it at once.

The operating system releases the lock when the program ends, even after a crash; the
small lock file only carries who holds it, to name them in the read-only message.
"""

import contextlib
import errno
import getpass
import json
import logging
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

WINDOWS_LOCK_OFFSET = 1 << 30
log = logging.getLogger("evalir")


def lock_path_for(path: Path) -> Path:
    return path.with_name(f"~{path.name}.lock")


class FileLock:
    """Hold an exclusive, non-blocking lock on `~<name>.lock` beside the file."""

    def __init__(self, path: Path):
        self.path = lock_path_for(path)
        self._handle = None

    def acquire(self) -> bool:
        """Return True when we hold the lock, False when another program does.

        A file system that does not support locks (some network shares) is treated
        as unlocked: better to write than to refuse the agent's work. Such an
        unexpected error is logged, since two programs may then write the file.
        """
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while locked
        except OSError as error:
            log.warning("Cannot create the lock file %s, opening unlocked: %s", self.path, error)
            return True
        try:
            self._lock(handle)
        except OSError as error:
            handle.close()
            if _is_contention(error):
                return False
            log.warning("Cannot lock %s, opening unlocked: %r", self.path, error)
            return True
        self._handle = handle
        self._write_owner()
        return True

    def owner(self) -> str:
        """Describe the holder in French, as well as the lock file tells."""
        try:
            info = json.loads(self.path.read_text(encoding="utf-8"))
            since = datetime.fromisoformat(info["since"]).strftime("%d/%m/%Y à %H:%M")
            return f"{info['user']} sur l'ordinateur {info['host']}, depuis le {since}"
        except (OSError, ValueError, KeyError, TypeError):
            return "un autre programme"

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.seek(0)
            handle.truncate()
            self._unlock(handle)
        except OSError:
            pass
        handle.close()
        with contextlib.suppress(OSError):
            self.path.unlink()

    def _write_owner(self) -> None:
        info = {
            "user": getpass.getuser(),
            "host": platform.node() or "inconnu",
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        try:
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.write(json.dumps(info).encode("utf-8"))
            self._handle.flush()
        except OSError:
            pass

    if sys.platform == "win32":

        @staticmethod
        def _lock(handle) -> None:
            handle.seek(WINDOWS_LOCK_OFFSET)  # past the owner text, which stays readable
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

        @staticmethod
        def _unlock(handle) -> None:
            handle.seek(WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

    else:

        @staticmethod
        def _lock(handle) -> None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

        @staticmethod
        def _unlock(handle) -> None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _is_contention(error: OSError) -> bool:
    return error.errno in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK)
