"""One way to write a file atomically: a temporary file beside it, synced, then renamed.

Readers see either the old file or the finished new one, never half of it; after a
crash the only trace is a hidden `.<name>.<8 hex>.tmp` beside the target, which
`remove_leftovers` deletes at the next run.
"""

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from evalir_desktop.file_sync import sync_directory, sync_file, temporary_beside

LEFTOVER = re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{8}\.tmp$")


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success sync it and move it onto `path`.

    On any error the temporary file is removed and the error goes on: `path` is as it was.
    """
    path = Path(path)
    temporary = temporary_beside(path)
    try:
        yield temporary
        sync_file(temporary)
        os.replace(temporary, path)
        sync_directory(path.parent)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def write_atomically(path: Path, payload: bytes) -> Path:
    """Replace `path` with `payload` in one step; raises OSError, leaving `path` intact."""
    path = Path(path)
    with replacing(path) as temporary:
        temporary.write_bytes(payload)
    return path


def install_copy(source: Path, path: Path) -> Path:
    """Copy a finished file onto `path` in one step (possibly on another disk)."""
    path = Path(path)
    with replacing(path) as temporary:
        shutil.copyfile(source, temporary)
    return path


def remove_leftovers(folder: Path, *, name: str = "", suffix: str = "") -> list[Path]:
    """Delete the temporary files an interrupted write left in `folder`: those of the
    target `name`, or of every target ending in `suffix`. Return them; never raises."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = LEFTOVER.match(entry.name)
        if not match or not match["target"].endswith(suffix):
            continue
        if name and match["target"] != name:
            continue
        try:
            entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed
