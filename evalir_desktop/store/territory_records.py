"""What a territory file reads and writes in bulk (`store.territory`): sources, merges,
every town's rows."""

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import DecisionRecord, SourceRecord
from evalir_desktop.domain.rows import AnswerRow, CommuneRow
from evalir_desktop.store.epci import record_territory_epci, territory_epci
from evalir_desktop.store.merging import MergeResult, keep_current, merge_town
from evalir_desktop.store.town_file import (
    TownFile,
    Unreadable,
    select_rows,
)
from evalir_desktop.store.unit import Repository


@dataclass(frozen=True)
class KnownSource:
    """A town file received before: when, for which town, and what was decided."""

    imported_at: str
    insee: str
    commune: str
    outcome: str = "merged"


class Territory(Repository):
    """Bulk reads and merges of a territory file."""

    def source_hashes(self) -> set[str]:
        return {row[0] for row in self._unit.conn.execute("SELECT sha256 FROM source")}

    def known_source(self, sha256: str) -> KnownSource | None:
        row = self._unit.conn.execute(
            "SELECT s.imported_at, s.commune_insee, coalesce(c.nom, ''), s.outcome FROM source s "
            "LEFT JOIN commune c ON c.insee = s.commune_insee "
            "WHERE s.sha256 = ? ORDER BY s.imported_at DESC LIMIT 1",
            (sha256,),
        ).fetchone()
        return KnownSource(*row) if row else None

    def merge_town(
        self,
        town: TownFile,
        source: SourceRecord,
        *,
        replace: bool = False,
        other_epci: bool = False,
    ) -> MergeResult:
        """Merge one validated town file in one transaction (see `store.merging`); raise
        TownConflict when it does not match the town the territory knows (unless
        `replace`) or declares another intercommunality (unless `other_epci`),
        Unreadable when it collides with another town's rows."""
        try:
            return merge_town(
                self._unit.conn,
                town,
                source,
                self._unit.who,
                replace=replace,
                other_epci=other_epci,
            )
        except sqlite3.IntegrityError as error:
            raise Unreadable(
                "il contient des éléments déjà importés depuis le fichier d'une autre commune"
            ) from error

    def keep_current(self, source: SourceRecord, outcome: str = "kept_current") -> None:
        """The officer kept the territory's data rather than the file of `source` (or did
        not import it, for a town of another intercommunality)."""
        keep_current(self._unit.conn, source, self._unit.who, outcome)

    def epci(self) -> tuple[str, str]:
        """(SIREN, name) of the territory's intercommunality, ('', '') when unknown."""
        return territory_epci(self._unit.conn)

    def record_epci(self, siren: str, name: str) -> None:
        with self._unit.change("territory", "epci", {"epci_siren": siren, "epci_nom": name}):
            record_territory_epci(self._unit.conn, siren, name)

    @contextmanager
    def persistent_journal(self) -> Iterator[None]:
        """Many commits in a row: a persistent journal is zeroed rather than deleted at
        each one (the same atomicity, far fewer syncs); back to one file at the end."""
        self._unit.conn.execute("PRAGMA journal_mode = PERSIST")
        try:
            yield
        finally:
            self._unit.conn.execute("PRAGMA journal_mode = DELETE")

    def commune_stamp(self, insee: str) -> tuple[str, Commune] | None:
        """The `updated_at` and profile of the town with this INSEE code, if present."""
        rows = select_rows(self._unit.conn, "SELECT * FROM commune WHERE insee = ?", (insee,))
        valid = self._unit.valid(CommuneRow, rows, "Profil de commune")
        if not valid:
            return None
        row = valid[0]
        return row.updated_at, Commune.model_validate(
            row.model_dump(include=set(Commune.model_fields))
        )

    def commune_rows(self) -> list[CommuneRow]:
        """Every town profile with its UUID and `updated_at`."""
        rows = select_rows(self._unit.conn, "SELECT * FROM commune ORDER BY rowid")
        return self._unit.valid(CommuneRow, rows, "Profil de commune")

    def all_answers(self) -> dict[str, dict[str, Answer]]:
        """The answers of every assessment, by assessment then question."""
        answers: dict[str, dict[str, Answer]] = defaultdict(dict)
        rows = select_rows(self._unit.conn, "SELECT * FROM answer")
        for row in self._unit.valid(AnswerRow, rows, "Réponse"):
            answers[row.assessment_id][row.question_id] = row.answer()
        return answers

    def all_decisions(self) -> dict[str, DecisionRecord]:
        rows = select_rows(self._unit.conn, "SELECT * FROM decision")
        return {
            row.assessment_id: row for row in self._unit.valid(DecisionRecord, rows, "Décision")
        }
