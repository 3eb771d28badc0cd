"""The town profile of a file (`store.town`): a town file holds one; a territory file one
per town (see `store.territory` for those)."""

from evalir_desktop.domain.commune import Commune
from evalir_desktop.store.file.journal import new_id
from evalir_desktop.store.file.schema import file_town_id
from evalir_desktop.store.unit import Repository


class Town(Repository):
    """The town's profile and identity."""

    def commune_id(self) -> str | None:
        row = self._unit.conn.execute("SELECT id FROM commune ORDER BY rowid LIMIT 1").fetchone()
        return row[0] if row else None

    def commune(self) -> Commune | None:
        """The town of a town file (a territory file holds several)."""
        commune_id = self.commune_id()
        return self.commune_by_id(commune_id) if commune_id else None

    def commune_by_id(self, commune_id: str) -> Commune | None:
        rows = list(self._unit.query("SELECT * FROM commune WHERE id = ?", (commune_id,)))
        valid = self._unit.valid(Commune, rows, "Profil de commune")
        return valid[0] if valid else None

    def town_id(self) -> str:
        """The town's identity, given with its first profile and kept in every share: the
        territory checks it together with the INSEE code ('' before the first profile)."""
        row = self._unit.conn.execute(
            "SELECT town_id FROM commune ORDER BY rowid LIMIT 1"
        ).fetchone()
        return row[0] if row else ""

    def save_commune(self, commune: Commune, who: str | None = None) -> str:
        commune_id = self.commune_id()
        fields = commune.model_dump()
        row = {"id": commune_id or new_id(), **fields}
        if commune_id is None:  # the first profile: the town's identity is given now
            row["town_id"] = file_town_id(self._unit.conn)
        with self._unit.change("commune", row["id"], fields, who=who) as at:
            self._unit.db["commune"].upsert({**row, "updated_at": at}, pk="id")
        return str(row["id"])
