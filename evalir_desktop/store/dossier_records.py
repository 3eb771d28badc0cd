"""The product dossiers an intercommunality wrote from its territory file, kept in its
journal (`store.dossiers`)."""

import json

from evalir_desktop.domain.records import DossierEntry
from evalir_desktop.store.town_file import select_rows
from evalir_desktop.store.unit import Repository

ENTITY = "dossier"


class Dossiers(Repository):
    """Dossiers written, kept as journal rows."""

    def record(self, product_key: str, assessment_id: str, commune: str, file_name: str) -> None:
        """Note that a dossier of `product_key` was written from `assessment_id`."""
        change = {"assessment_id": assessment_id, "commune": commune, "file_name": file_name}
        with self._unit.change(ENTITY, product_key, change):
            pass

    def written(self) -> list[DossierEntry]:
        """Every dossier written, oldest first."""
        rows = []
        for row in select_rows(
            self._unit.conn,
            "SELECT entity_id, change, at FROM history WHERE entity = ? ORDER BY id",
            (ENTITY,),
        ):
            try:
                change = json.loads(row["change"])
            except (TypeError, ValueError):
                change = {}
            if isinstance(change, dict):
                rows.append({**change, "product_key": row["entity_id"], "at": row["at"]})
        return self._unit.valid(DossierEntry, rows, "Dossier de produit")
