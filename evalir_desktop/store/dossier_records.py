"""The product dossiers an intercommunality wrote from its territory file (its journal)."""

import json
import sqlite3
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from evalir_desktop.store.models import Timestamp
from evalir_desktop.store.town_file import select_rows

ENTITY = "dossier"


class DossierEntry(BaseModel):
    """One dossier written: for which product, from which assessment, when, which file."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    product_key: str = Field(min_length=1, max_length=700)
    assessment_id: str = Field(min_length=1, max_length=100)
    commune: str = Field(default="", max_length=200)
    file_name: str = Field(default="", max_length=300)
    at: Timestamp


class DossierRecords:
    """Dossiers written, kept as journal rows (mixed into `Store`)."""

    _conn: sqlite3.Connection
    _change: Callable
    _valid: Callable

    def record_dossier(
        self, product_key: str, assessment_id: str, commune: str, file_name: str
    ) -> None:
        """Note that a dossier of `product_key` was written from `assessment_id`."""
        change = {"assessment_id": assessment_id, "commune": commune, "file_name": file_name}
        with self._change(ENTITY, product_key, change):
            pass

    def dossiers_written(self) -> list[DossierEntry]:
        """Every dossier written, oldest first."""
        rows = []
        for row in select_rows(
            self._conn,
            "SELECT entity_id, change, at FROM history WHERE entity = ? ORDER BY id",
            (ENTITY,),
        ):
            try:
                change = json.loads(row["change"])
            except (TypeError, ValueError):
                change = {}
            if isinstance(change, dict):
                rows.append({**change, "product_key": row["entity_id"], "at": row["at"]})
        return self._valid(DossierEntry, rows, "Dossier de produit")
