"""The Store: the unit of work over one open `.evalir` file, and its repositories.

A `Store` owns the connection, the revision and the journal (its `UnitOfWork`) and hands
out one small typed repository per family of records, by composition:

    store.assessments  store.answers  store.plan  store.history  store.attachments
    store.opinions  store.trainings  store.town  store.dossiers  store.listing
    store.territory  store.snapshots  store.absences

Adding a family of records (a later schema step) is: one module `store/<family>_records.py`
with a `Repository` subclass that declares what it needs in its `__init__` (the
`UnitOfWork`, and other repositories if it must), and one line in `Store.__init__`.
"""

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType

from evalir_desktop import __version__
from evalir_desktop.store.absence import Absences
from evalir_desktop.store.answer_records import Answers
from evalir_desktop.store.assessment_records import Assessments
from evalir_desktop.store.attachment_records import Attachments
from evalir_desktop.store.dossier_records import Dossiers
from evalir_desktop.store.errors import StoreError, describe
from evalir_desktop.store.file.atomic import replacing
from evalir_desktop.store.file.journal import now_iso
from evalir_desktop.store.file.opening import Opened, create_file, default_who, open_file
from evalir_desktop.store.file.snapshot import remove_stale_copies
from evalir_desktop.store.listing import Listing
from evalir_desktop.store.opinion_records import Opinions
from evalir_desktop.store.plan_records import History, Plan
from evalir_desktop.store.territory_history import Snapshots
from evalir_desktop.store.territory_records import Territory
from evalir_desktop.store.town_records import Town
from evalir_desktop.store.training_records import Trainings
from evalir_desktop.store.unit import UnitOfWork


class Store:
    """One open `.evalir` file. Each change is one short transaction plus a history row.

    The connection is private to the unit of work: every SQL statement on the file lives
    in `store/`.
    """

    def __init__(self, path: Path, opened: Opened, who: str):
        self.path = path
        self.unit = UnitOfWork(opened.conn, who, opened.readonly_reason)
        self._lock = opened.lock
        self._snapshot = opened.snapshot
        unit = self.unit
        self.town = Town(unit)
        self.answers = Answers(unit)
        self.plan = Plan(unit)
        self.history = History(unit)
        self.attachments = Attachments(unit)
        self.assessments = Assessments(unit, self.town, self.attachments)
        self.opinions = Opinions(unit)
        self.trainings = Trainings(unit, self.town)
        self.dossiers = Dossiers(unit)
        self.listing = Listing(unit)
        self.territory = Territory(unit)
        self.snapshots = Snapshots(unit)
        self.absences = Absences(unit)

    # -- what the unit of work holds ------------------------------------------------

    @property
    def who(self) -> str:
        return self.unit.who

    @property
    def revision(self) -> int:
        """Bumped by every change, so that readers know to reload."""
        return self.unit.revision

    @property
    def problems(self) -> list[str]:
        """French reasons of the rows of the file set aside on reading."""
        return self.unit.problems

    @property
    def readonly_reason(self) -> str | None:
        return self.unit.readonly_reason

    @property
    def readonly(self) -> bool:
        return self.unit.readonly

    # -- opening and closing -------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        readonly: bool = False,
        role: str = "commune",
        who: str | None = None,
    ) -> "Store":
        """Open a file; with `create`, a missing path becomes a new file of `role`. The
        private copies a killed run left in the temporary folder are removed first."""
        remove_stale_copies()
        path = Path(path)
        if create and not path.exists():
            create_file(path, role, __version__, now_iso())
        return cls(path, open_file(path, readonly), default_who() if who is None else who)

    @classmethod
    def create(cls, path: str | Path, *, role: str = "commune", who: str | None = None) -> "Store":
        """Create a new file, refusing a path that already exists."""
        path = Path(path)
        create_file(path, role, __version__, now_iso())
        return cls(path, open_file(path, False), default_who() if who is None else who)

    @property
    def closed(self) -> bool:
        return self.unit.closed

    def close(self) -> None:
        if self.unit.closed:
            return
        self.attachments.remove_viewing_copies()
        self.unit.close()
        if self._lock:
            self._lock.release()
            self._lock = None
        if self._snapshot:
            self._snapshot.remove()
            self._snapshot = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- meta ----------------------------------------------------------------------

    def meta(self, key: str, default: str = "") -> str:
        row = self.unit.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    @property
    def role(self) -> str:
        return self.meta("role", "commune")

    @property
    def schema_version(self) -> int:
        version: int = self.unit.conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    def durability(self) -> str:
        """How saves reach the disk, e.g. « journal delete, synchronous 3 » (3 = EXTRA)."""
        mode = self.unit.conn.execute("PRAGMA journal_mode").fetchone()[0]
        level = self.unit.conn.execute("PRAGMA synchronous").fetchone()[0]
        return f"journal {mode}, synchronous {level}"

    def integrity_ok(self) -> bool:
        return self.unit.conn.execute("PRAGMA integrity_check(1)").fetchone()[0] == "ok"

    # -- the write path ------------------------------------------------------------

    def batch(self) -> AbstractContextManager[None]:
        """Group many changes in one transaction (generated files, bulk edits)."""
        return self.unit.atomic()

    def copy_to(self, path: Path) -> None:
        """Write a consistent copy of the whole file to the new file `path` (one file,
        rollback journal, whatever the original's journal mode)."""
        copy = sqlite3.connect(path, isolation_level=None)
        try:
            self.unit.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            copy.close()

    def save_copy_as(self, path: str | Path) -> Path:
        """Write a copy that can be opened for modification (read-only file, medium,
        format); refuses the file's own path. Raises StoreError with the French cause."""
        path = Path(path)
        if path.exists() and path.resolve() == self.path.resolve():
            raise StoreError("Choisissez un autre nom : la copie ne peut pas remplacer l'original.")
        try:
            with replacing(path) as temporary:
                self.copy_to(temporary)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                f"La copie « {path.name} » n'a pas pu être enregistrée ({describe(error)}). "
                "Choisissez un autre dossier, sur un support où il reste de la place."
            ) from error
        return path

    # -- every row at once ---------------------------------------------------------

    def check_rows(self) -> list[str]:
        """Read every row once, as the screens would; the reasons of those set aside."""
        self.territory.commune_rows()
        self.territory.all_answers()
        self.territory.all_decisions()
        for record in self.assessments.all() + self.assessments.trash():
            self.plan.actions(record.id)
            self.attachments.of(record.id)
            self.attachments.of(record.id, trashed=True)
            self.opinions.of(record.id)
        self.trainings.of("*")
        self.history.entries(limit=1_000_000)
        return [*self.problems, *self.attachments.damaged()]
