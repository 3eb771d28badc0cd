"""One guard for every file the program writes, from the CLI and from the window.

Whatever the writer (report, export, product dossier, share copy, diagnostic, attachment
saved to a folder…), its destination is checked here, then written here:
- never the source file, under any spelling (relative path, other case, link, hard link),
  nor one of its companions (`-wal`, `-shm`, `-journal`);
- never over an EVALIR file (`.evalir`, `.evalir-produit`, `.evalir-contenu`), whatever the
  case, trailing dots or spaces, invisible characters, and whatever the name when its
  content says it is one (an SQLite database, a product dossier);
- a new file named like an EVALIR file only from the writer that makes that kind;
- never over an existing file unless the agent said so (`--remplacer`, or the window's
  own confirmation): `replace=True`;
- never through a symbolic link, never onto a folder;
- written to a hidden temporary file beside the target, synced, then renamed: a crash
  leaves the old file or the new one. Without `replace`, the rename refuses to replace a
  file created in the meantime (a hard link, where the disk allows it).
Refusals raise `OutputRefused` with a French sentence; write errors stay `OSError`.
"""

from __future__ import annotations

import contextlib
import ntpath
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from evalir_desktop.attachment_names import real_name, visible_text
from evalir_desktop.file_sync import (
    MAX_NAME_BYTES,
    sync_directory,
    sync_file,
    temporary_beside,
)
from evalir_desktop.french import NNBSP, quoted

PROTECTED_SUFFIXES = (".evalir", ".evalir-produit", ".evalir-contenu")
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", "-lock", ".lock")
SQLITE_MAGIC = b"SQLite format 3\x00"
DOSSIER_MARKER = re.compile(rb'"format"\s*:\s*"evalir-')


class OutputRefused(Exception):
    """A destination the program will not write; str() is the French reason.

    `reason` says which rule refused it: "source", "protected", "exists", "symlink",
    "folder", "missing-folder", "name".
    """

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def comparable_name(name: str) -> str:
    """The path as a file system may really read it, case-folded: visible characters only
    (`attachment_names.visible_text`), its file name read as `real_name` reads it (no
    trailing dots and spaces, no NTFS stream); « C: » stays a drive."""
    drive, rest = ntpath.splitdrive(visible_text(name))
    folder, slash, last = rest.replace("\\", "/").rpartition("/")
    return (drive + folder + slash + real_name(last, stream=True)).casefold()


def protected_kind(name: str) -> str:
    """The EVALIR suffix `name` carries (or that of the file a companion belongs to)."""
    clean = comparable_name(name)
    for companion in COMPANION_SUFFIXES:
        if clean.endswith(companion):
            clean = clean[: -len(companion)]
            break
    return next((kind for kind in PROTECTED_SUFFIXES if clean.endswith(kind)), "")


def _content_is_evalir(path: Path) -> bool:
    """An existing file whose first bytes say it is a database or an EVALIR dossier."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return head.startswith(SQLITE_MAGIC) or bool(DOSSIER_MARKER.search(head[:512]))


def _same_file(a: Path, b: Path) -> bool:
    """Two existing paths that are one file (a hard link, another spelling).

    A file system that gives no file identity (inode 0, as Wine and some network drives
    do) answers no: `os.path.samefile` would then call every pair of files the same.
    """
    try:
        first, second = os.stat(a), os.stat(b)
    except OSError:
        return False
    if first.st_ino == 0 or second.st_ino == 0:
        return False
    return (first.st_ino, first.st_dev) == (second.st_ino, second.st_dev)


def _same_place(a: Path, b: Path) -> bool:
    if _same_file(a, b):
        return True
    first = os.path.normcase(os.path.realpath(a))
    second = os.path.normcase(os.path.realpath(b))
    return first == second or comparable_name(first) == comparable_name(second)


def _is_source(target: Path, sources: Iterable[Path]) -> bool:
    for source in sources:
        source = Path(source)
        if _same_place(target, source):
            return True
        companions = [source.with_name(source.name + c) for c in COMPANION_SUFFIXES]
        if any(_same_place(target, c) for c in companions):
            return True
    return False


def _quoted(path: Path) -> str:
    return quoted(path.name or str(path))


def _already_there(target: Path) -> OutputRefused:
    return OutputRefused(
        f"{_quoted(target)} existe déjà : il n'est pas remplacé. Choisissez un autre nom.",
        "exists",
    )


def check_output(
    target: str | Path,
    *,
    sources: Iterable[str | Path] = (),
    replace: bool = False,
    creates: str = "",
) -> Path:
    """Return `target` as a Path if the program may write it; OutputRefused otherwise.

    `sources`: the files the output is made from (never written over). `replace`: the
    agent agreed to replace an existing ordinary file. `creates`: the EVALIR suffix this
    writer makes (".evalir" for a share copy), allowed for a new file only.
    """
    target = Path(target)
    shown = _quoted(target)
    if not target.name or target.name in (".", ".."):
        raise OutputRefused("choisissez un nom de fichier, pas un dossier.", "name")
    if len(target.name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        raise OutputRefused(
            f"le nom {shown[:60]}…{NNBSP}» est trop long pour un fichier : choisissez un "
            "nom plus court.",
            "name",
        )
    if os.path.islink(target):
        raise OutputRefused(
            f"{shown} est un lien vers un autre fichier : EVALIR n'écrit pas à travers un "
            "lien. Choisissez un autre nom.",
            "symlink",
        )
    folder = target.parent
    if not folder.is_dir():
        raise OutputRefused(
            f"le dossier {quoted(str(folder))} n'existe pas : choisissez un dossier existant.",
            "missing-folder",
        )
    if target.is_dir():
        raise OutputRefused(
            f"{shown} est un dossier : choisissez un nom de fichier.",
            "folder",
        )
    if _is_source(target, [Path(source) for source in sources]):
        raise OutputRefused(
            f"{shown} est le fichier d'origine : le résultat ne peut pas le remplacer. "
            "Choisissez un autre nom.",
            "source",
        )
    exists = os.path.lexists(target)
    kind = protected_kind(target.name)
    if exists and (kind or _content_is_evalir(target)):
        raise OutputRefused(
            f"{shown} est un fichier EVALIR (celui d'une commune, d'un territoire ou un "
            "dossier de produit) : il n'est jamais remplacé. Choisissez un autre nom.",
            "protected",
        )
    if kind and kind != creates:
        raise OutputRefused(
            f"le nom {shown} est réservé aux fichiers EVALIR ({kind}) : donnez au fichier "
            "écrit l'extension de son format.",
            "protected",
        )
    if exists and not replace:
        raise _already_there(target)
    return target


def check_updated_file(target: str | Path, *, sources: Iterable[str | Path] = ()) -> Path:
    """For a writer that updates an EVALIR file in place (`consolidate` and its territory
    file): never through a link, never one of the files it reads."""
    target = Path(target)
    if os.path.islink(target):
        raise OutputRefused(
            f"{_quoted(target)} est un lien vers un autre fichier : EVALIR n'écrit pas à "
            "travers un lien. Donnez le chemin du fichier lui-même.",
            "symlink",
        )
    for source in sources:
        if _is_source(target, [Path(source)]):
            raise OutputRefused(
                f"{_quoted(target)} est aussi un des fichiers à importer : choisissez un "
                "autre fichier de territoire.",
                "source",
            )
    return target


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `name-2`, `name-3`… if it is taken: for a name the program picks."""
    folder = Path(folder)
    candidate = folder / name
    stem, suffix = _split(name)
    number = 2
    while os.path.lexists(candidate):
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def _split(name: str) -> tuple[str, str]:
    lowered = name.lower()
    for suffix in sorted(PROTECTED_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return name[: -len(suffix)], name[-len(suffix) :]
    stem, dot, suffix = name.rpartition(".")
    return (stem, dot + suffix) if dot and stem else (name, "")


def _put_in_place(temporary: Path, target: Path, replace: bool) -> None:
    if replace:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails if the name was taken meanwhile
    except FileExistsError as error:
        raise _already_there(target) from error
    except OSError:  # a disk without hard links (FAT USB stick): last check, then rename
        if os.path.lexists(target):
            raise _already_there(target) from None
        os.replace(temporary, target)


@contextmanager
def output_file(
    target: str | Path,
    *,
    sources: Iterable[str | Path] = (),
    replace: bool = False,
    creates: str = "",
) -> Iterator[Path]:
    """Check `target`, yield a temporary path beside it to write, then put it in place.

    On any error the temporary file is removed and `target` is as it was.
    """
    sources = list(sources)
    target = check_output(target, sources=sources, replace=replace, creates=creates)
    temporary = temporary_beside(target)
    try:
        yield temporary
        sync_file(temporary)
        check_output(target, sources=sources, replace=replace, creates=creates)
        _put_in_place(temporary, target, replace)
        sync_directory(target.parent)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def write_output(
    target: str | Path,
    payload: bytes,
    *,
    sources: Iterable[str | Path] = (),
    replace: bool = False,
    creates: str = "",
) -> Path:
    """Write `payload` to `target` through the guard; OutputRefused or OSError."""
    with output_file(target, sources=sources, replace=replace, creates=creates) as temporary:
        temporary.write_bytes(payload)
    return Path(target)


def copy_output(
    built: str | Path,
    target: str | Path,
    *,
    sources: Iterable[str | Path] = (),
    replace: bool = False,
    creates: str = "",
) -> Path:
    """Copy a finished file onto `target` through the guard (possibly another disk)."""
    with output_file(target, sources=sources, replace=replace, creates=creates) as temporary:
        shutil.copyfile(built, temporary)
    return Path(target)
