"""The pieces of a durable write, shared by the file's own writes (`store/file/atomic.py`)
and every output (`output_guard.py`): a hidden temporary name beside the target, and the
syncs that make a finished file and its rename survive a power cut."""

import contextlib
import os
import uuid
from pathlib import Path

MAX_NAME_BYTES = 255  # what every file system accepts for one name


def temporary_beside(path: Path) -> Path:
    """A hidden, unique name in the folder of `path`, recognised by `remove_leftovers`;
    a long name is cut so that the temporary one stays within `MAX_NAME_BYTES`."""
    tag = uuid.uuid4().hex[:8]
    room = MAX_NAME_BYTES - len(f"..{tag}.tmp")
    base = path.name.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
    return path.with_name(f".{base}.{tag}.tmp")


def sync_directory(folder: Path) -> None:
    """Make a rename or a deletion in `folder` durable (no-op where not supported)."""
    if os.name == "nt":
        return  # NTFS journals its metadata; directories cannot be opened for fsync
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def sync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
