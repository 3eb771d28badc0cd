"""Import town files into a territory file: each file untrusted, checked, then merged.

One bad file is reported with a French reason and skipped; the others still import.
Each file is merged in one transaction, so an interruption (crash, kill, power cut)
leaves the territory file as it was before the file in progress. Runs without Qt: the
window calls `import_files` from a worker thread with a progress callback and a cancel
flag.
"""

import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from evalir_desktop.content import Content, load_content
from evalir_desktop.domain.conflicts import TownConflict
from evalir_desktop.domain.records import SourceRecord
from evalir_desktop.store import Store, StoreError
from evalir_desktop.store.errors import FileRefused
from evalir_desktop.store.file.inspection import inspect
from evalir_desktop.store.file.snapshot import remove_stale_copies, take_snapshot
from evalir_desktop.store.identity import local_moment
from evalir_desktop.store.town_file import TownFile, Unreadable, read_town_file
from evalir_desktop.territory.evaluations import Prefill
from evalir_desktop.territory.first_import import decide_epci, read_ahead
from evalir_desktop.territory.history import keep_snapshot
from evalir_desktop.territory.models import FileReport, ImportReport

EXTENSION = ".evalir"
ProgressCallback = Callable[[int, int, FileReport], None]
CancelFlag = Callable[[], bool]
MergedCallback = Callable[[TownFile, FileReport], None]

log = logging.getLogger("evalir")
RESEND_ADVICE = "Demandez à la commune de vous renvoyer son fichier depuis EVALIR."


def open_territory(path: str | Path, *, who: str | None = None) -> Store:
    """Open a territory file for writing, creating it when missing; refuse a town file.

    An import cut off by a crash is rolled back by the store on opening.
    """
    path = Path(path)
    if not path.exists():
        return Store.create(path, role="territory", who=who)
    store = Store.open(path, who=who)
    if store.role != "territory":
        store.close()
        raise StoreError(
            f"Le fichier « {path.name} » est le fichier d'une commune, pas un fichier de "
            "territoire. Choisissez un autre nom pour le fichier de territoire."
        )
    if store.readonly:
        reason = store.readonly_reason
        store.close()
        raise StoreError(f"Le fichier de territoire ne peut pas être modifié. {reason}")
    return store


def collect_files(
    items: Iterable[str | Path], exclude: Path | None = None
) -> tuple[list[Path], list[FileReport]]:
    """Expand folders into their `*.evalir` files (sorted by name), drop duplicates.

    Paths that do not exist come back as refused reports.
    """
    files: list[Path] = []
    missing: list[FileReport] = []
    seen: set[Path] = set()
    skip = exclude.resolve() if exclude else None
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(
                (p for p in path.iterdir() if p.suffix.lower() == EXTENSION and p.is_file()),
                key=lambda p: p.name.lower(),
            )
        elif path.exists():
            found = [path]
        else:
            missing.append(
                refused(
                    path,
                    "Ce fichier ou ce dossier n'existe pas : vérifiez son nom et son emplacement.",
                )
            )
            continue
        for candidate in found:
            key = candidate.resolve()
            if key != skip and key not in seen:
                seen.add(key)
                files.append(candidate)
    return files, missing


def refused(path: Path, reason: str, **fields) -> FileReport:
    return FileReport(
        path=str(path), file_name=path.name, status="refused", reason=reason, **fields
    )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Prepared:
    """A file read and checked, not yet merged: a refusal, a known file, or a town."""

    path: Path
    sha: str = ""
    refusal: FileReport | None = None
    town: TownFile | None = None


def import_files(
    store: Store,
    items: Iterable[str | Path],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    other_epci: bool = False,
    merged: MergedCallback | None = None,
) -> ImportReport:
    """Import files and folders into the open territory `store`; never raises per file.

    With `other_epci`, towns of another intercommunality are merged without asking.
    `merged(town, report)` is called for each file merged, with the file read."""
    if store.role != "territory" or store.readonly:
        raise StoreError(
            "Les fichiers des communes ne s'importent que dans un fichier de territoire."
        )
    remove_stale_copies()  # private copies of a killed import
    files, reports = collect_files(items, exclude=store.path)
    report = ImportReport(territory=str(store.path), files=reports)
    with store.territory.persistent_journal():
        _import_all(store, files, report, progress, cancel, other_epci, merged)
    return report


def _import_all(
    store: Store,
    files: list[Path],
    report: ImportReport,
    progress: ProgressCallback | None,
    cancel: CancelFlag | None,
    other_epci: bool = False,
    merged: MergedCallback | None = None,
) -> None:
    """Merge the files in order while a helper thread reads and checks the next ones,
    so that reading overlaps the disk syncs of each commit.

    While the territory's intercommunality is unknown (a first import), every file is
    read before any is merged: the intercommunality most of them declare becomes the
    territory's, and a file from another one waits for the officer's choice.
    """
    known = store.territory.source_hashes()
    total = len(files)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="evalir-lecture") as pool:
        ahead = read_ahead(pool, files, known, prepare)
        if not store.territory.epci()[0]:
            read = []
            for index in range(total):
                if cancel is not None and cancel():
                    _stop(report, files[index:])
                    return
                read.append(next(ahead))
            decide_epci(store, read)
            ahead = iter(read)
        for index in range(total):
            if cancel is not None and cancel():
                _stop(report, files[index:])
                return
            prepared = next(ahead)
            item = merge_prepared(store, prepared, other_epci=other_epci)
            report.files.append(item)
            if merged is not None and item.source_id and prepared.town is not None:
                merged(prepared.town, item)
            if progress is not None:
                progress(index + 1, total, item)


def _stop(report: ImportReport, rest: list[Path]) -> None:
    report.cancelled = True
    report.files.extend(cancelled(path) for path in rest)


def cancelled(path: Path) -> FileReport:
    return FileReport(
        path=str(path),
        file_name=path.name,
        status="cancelled",
        reason="L'import a été annulé avant ce fichier.",
    )


def import_one(store: Store, path: Path) -> FileReport:
    """Import one file; any refusal becomes a report, and the territory is unchanged."""
    return merge_prepared(store, prepare(path, set()))


def prepare(path: Path, known: set[str]) -> Prepared:
    """Hash, inspect and read one untrusted file; touches nothing but the file (any thread).

    A file whose SHA-256 is in `known` is not read: it was imported before.
    """
    try:
        sha = file_sha256(path)
    except OSError as error:
        return Prepared(
            path,
            refusal=refused(path, f"il n'a pas pu être lu ({error.strerror}). {RESEND_ADVICE}"),
        )
    if sha in known:
        return Prepared(path, sha)
    try:
        snapshot = take_snapshot(path)  # the sender's file itself is never opened by SQLite
    except FileRefused as error:
        return Prepared(path, sha, refused(path, str(error), sha256=sha))
    try:
        return _read_copy(path, sha, snapshot.path)
    except Exception:  # noqa: BLE001 - one unreadable file never stops the others
        log.exception("Town file %s could not be read", path.name)
        reason = f"Le fichier « {path.name} » n'a pas pu être lu jusqu'au bout. {RESEND_ADVICE}"
        return Prepared(path, sha, refused(path, reason, sha256=sha))
    finally:
        snapshot.remove()


def _read_copy(path: Path, sha: str, copy: Path) -> Prepared:
    try:
        inspection = inspect(copy)
    except FileRefused as error:
        return Prepared(path, sha, refused(path, str(error), sha256=sha))
    if inspection.is_newer:
        reason = (
            f"Le fichier « {path.name} » a été enregistré par une version plus récente "
            "d'EVALIR. Installez la dernière version du programme, puis importez-le de nouveau."
        )
        return Prepared(path, sha, refused(path, reason, sha256=sha))
    try:
        town = read_town_file(copy, inspection.schema_version)
    except Unreadable as error:
        reason = f"Le fichier « {path.name} » est refusé : {error}. {RESEND_ADVICE}"
        return Prepared(path, sha, refused(path, reason, sha256=sha))
    return Prepared(path, sha, town=town)


def already_imported(store: Store, path: Path, sha: str) -> FileReport | None:
    known = store.territory.known_source(sha)
    if known is None:
        return None
    when = local_moment(known.imported_at)
    reason = f"Ce fichier a déjà été importé le {when} : rien n'a changé."
    if known.outcome == "kept_current":
        reason = (
            f"Vous avez choisi le {when} de garder les données du territoire plutôt que ce "
            "fichier : rien n'a changé."
        )
    elif known.outcome == "not_imported":
        reason = (
            f"Vous avez choisi le {when} de ne pas importer ce fichier d'une commune d'une "
            "autre intercommunalité\u202f: rien n'a changé."
        )
    return FileReport(
        path=str(path),
        file_name=path.name,
        status="unchanged",
        sha256=sha,
        commune=known.commune,
        insee=known.insee,
        reason=reason,
    )


def source_record(path: Path, sha: str, town: TownFile) -> SourceRecord:
    return SourceRecord(
        id=str(uuid.uuid4()),
        file_name=path.name,
        sha256=sha,
        commune_insee=town.commune.insee,
        imported_at=datetime.now(UTC).isoformat(timespec="microseconds"),
        program_version=town.written_with[:50],
        schema_version=town.schema_version,
        town_id=town.town_id,
        shared_at=town.made_at,
    )


def merge_prepared(
    store: Store, prepared: Prepared, *, replace: bool = False, other_epci: bool = False
) -> FileReport:
    """Merge a prepared file in one transaction (main thread), or report why not; with
    `replace` the file's data replace the town's (the officer resolved a conflict), with
    `other_epci` a town of another intercommunality is merged (the officer chose it)."""
    path, sha = prepared.path, prepared.sha
    if prepared.refusal is not None:
        return prepared.refusal
    done = already_imported(store, path, sha)
    if done is not None:
        return done
    if prepared.town is None:  # known when prepared, but gone since: read it now
        prepared = prepare(path, set())
        if prepared.refusal is not None:
            return prepared.refusal
    town = prepared.town
    source = source_record(path, sha, town)
    if replace:
        source = source.model_copy(update={"outcome": "replaced"})
    fields = {"path": str(path), "file_name": path.name, "sha256": sha}
    fields.update(commune=town.commune.nom, insee=town.commune.insee)
    try:
        result = store.territory.merge_town(town, source, replace=replace, other_epci=other_epci)
    except TownConflict as error:
        reason = f"Le fichier « {path.name} » n'a pas été importé : {error}."
        return FileReport(status="conflict", reason=reason, conflict=error.details, **fields)
    except Unreadable as error:
        reason = f"Le fichier « {path.name} » est refusé : {error}. {RESEND_ADVICE}"
        return FileReport(status="refused", reason=reason, **fields)
    if replace:
        reason = "Les données de la commune ont été remplacées par celles de ce fichier."
    elif result.changed:
        reason = ""
    else:
        reason = "Le territoire contenait déjà ces données (ou des données plus récentes)."
    return FileReport(
        status="imported" if result.changed else "unchanged",
        source_id=source.id,
        added=result.added,
        updated=result.updated,
        unchanged=result.unchanged,
        kept_newer=result.kept_newer,
        removed_from_source=result.removed_from_source,
        returned=result.returned,
        still_removed=result.still_removed,
        reason=reason,
        **fields,
    )


def consolidate(
    territory: str | Path,
    items: Iterable[str | Path],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    who: str | None = None,
    other_epci: bool = False,
    content: Content | None = None,
    cache: dict | None = None,
) -> ImportReport:
    """Open (or create) the territory file, import, close. An import that changed the
    territory keeps its snapshot (see `territory.history`), evaluated with `content`
    (the installed one by default) and `cache` (see `load_evaluated`)."""
    content = content or load_content()
    cache = {} if cache is None else cache
    with open_territory(territory, who=who) as store:
        prefill = Prefill(cache, store, content)

        def evaluate(town: TownFile, item: FileReport) -> None:
            prefill.merged(town, {ref.id for ref in item.kept_newer + item.still_removed})

        try:
            report = import_files(
                store,
                items,
                progress=progress,
                cancel=cancel,
                other_epci=other_epci,
                merged=evaluate,
            )
        finally:
            prefill.finish()
        if report.by_status("imported"):
            keep_snapshot(store, content, cache)
        return report
