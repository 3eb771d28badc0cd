"""The unit of work over one open file: its connection, who writes, the revision, the
journal of each change, and the rows set aside on reading.

Every repository (`store.answers`, `store.plan`…) receives the `UnitOfWork` of its `Store`
and nothing else it does not declare: this is the only way a repository reaches the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from evalir_desktop.domain.values import field_of
from evalir_desktop.store.errors import ReadOnlyError, SaveFailed, describe
from evalir_desktop.store.file.journal import journal, now_iso
from evalir_desktop.store.file.schema import ANNEX_VERSION
from evalir_desktop.text import clean_line

if TYPE_CHECKING:
    from sqlite_utils import Database

Model = TypeVar("Model", bound=BaseModel)
Params = tuple[Any, ...] | Mapping[str, Any]

FROZEN_MESSAGE = (
    "Cette évaluation a été validée : elle ne peut plus être modifiée. "
    "Créez une nouvelle version pour la réévaluer."
)
CLOSED_MESSAGE = "Le fichier est fermé."


class UnitOfWork:
    """One open connection and what every change on it shares.

    A change is one short transaction plus its history row (`change`); a read validates
    each row with its domain model and sets aside, with a French reason in `problems`,
    the rows that fail (`valid`)."""

    def __init__(self, conn: sqlite3.Connection, who: str, readonly_reason: str | None):
        self._connection: sqlite3.Connection | None = conn
        self.who = who
        self.readonly_reason = readonly_reason
        self.revision = 0  # bumped by every change, so that readers know to reload
        self.problems: list[str] = []  # French reasons of the rows set aside

    # -- the connection ----------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        if self._connection is None:
            raise sqlite3.ProgrammingError(CLOSED_MESSAGE)
        return self._connection

    @property
    def closed(self) -> bool:
        return self._connection is None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def readonly(self) -> bool:
        return self.readonly_reason is not None

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over the connection, for writes: imported at the first change, so
        that opening a file for reading (start-up) does not pay for it."""
        from sqlite_utils import Database

        return Database(self.conn, recursive_triggers=False, execute_plugins=False)

    def annexed(self) -> bool:
        """Whether the file has attachments, opinions and trainings: schema v3 on (a file
        of an older schema opened read-only is read as it is, not migrated)."""
        version: int = self.conn.execute("PRAGMA user_version").fetchone()[0]
        return version >= ANNEX_VERSION

    # -- reading -----------------------------------------------------------------

    def query(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT as dicts (column name -> value)."""
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    def valid(self, model: type[Model], rows: Iterable[dict[str, Any]], what: str) -> list[Model]:
        """The rows that `model` accepts; each other one is set aside with its reason."""
        kept = []
        for row in rows:
            try:
                kept.append(model.model_validate(row))
            except ValueError as error:  # pydantic's ValidationError included
                self._set_aside(what, row, error)
        return kept

    def _set_aside(self, what: str, row: dict[str, Any], error: ValueError) -> None:
        name = next(
            (str(row[key]) for key in ("title", "question_id", "nom", "id") if row.get(key)), ""
        )
        where = f" (champ « {field_of(error)} »)" if isinstance(error, ValidationError) else ""
        reason = f"{what} « {clean_line(name)[:60]} » écartée : une valeur n'est pas valide{where}."
        if reason not in self.problems:
            self.problems.append(reason)

    def is_frozen(self, assessment_id: str) -> bool:
        """Whether the assessment is validated (its answers and plan no longer change)."""
        row = self.conn.execute(
            "SELECT validated_on FROM decision WHERE assessment_id = ?", (assessment_id,)
        ).fetchone()
        return bool(row and row[0])

    # -- the write path ------------------------------------------------------------

    @contextmanager
    def change(
        self,
        entity: str,
        entity_id: str,
        change: dict[str, Any],
        assessment_id: str | None = None,
        who: str | None = None,
        check_frozen: bool = True,
    ) -> Iterator[str]:
        """Wrap one change: refuse it if read-only, then commit it with its history row;
        yields the change's timestamp."""
        if self.readonly_reason is not None:
            raise ReadOnlyError(self.readonly_reason)
        if assessment_id and check_frozen and self.is_frozen(assessment_id):
            raise ReadOnlyError(FROZEN_MESSAGE)
        at = now_iso()
        try:
            with self.written(), self.db.atomic():
                yield at
                journal(
                    self.conn,
                    at=at,
                    who=self.who if who is None else who,
                    entity=entity,
                    entity_id=entity_id,
                    change=change,
                    assessment_id=assessment_id,
                )
        finally:
            self.revision += 1

    @contextmanager
    def written(self) -> Iterator[None]:
        """Turn a failed write (disk full, medium pulled out) into SaveFailed; the
        transaction was rolled back, so the file holds what it held before."""
        try:
            yield
        except sqlite3.IntegrityError:
            raise
        except (sqlite3.Error, OSError) as error:
            raise SaveFailed(describe(error)) from error

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (nested ones become savepoints)."""
        with self.db.atomic():
            yield


class Repository:
    """A family of records of one file, reached through the file's `UnitOfWork` only.

    A new family of records (a new table in a schema step) is a new subclass in its own
    module of `store/`, given to `Store` as one more attribute: see `store/store.py`."""

    def __init__(self, unit: UnitOfWork):
        self._unit = unit
