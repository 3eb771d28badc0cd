"""The territory's journal of itself (`store.snapshots`): a snapshot summary at each
import, each report printed."""

import json
from typing import Any

from evalir_desktop.store.unit import Repository

SNAPSHOT, REPORT = "snapshot", "territory_report"
MAX_SNAPSHOT_CHARS = 5_000_000


class Snapshots(Repository):
    """Snapshots and reports of a territory file, as journal rows."""

    def record_snapshot(self, summary: dict[str, Any]) -> None:
        """Keep the summary of the territory as it is after an import."""
        with self._unit.change(SNAPSHOT, summary.get("at", ""), summary):
            pass

    def snapshot_rows(self) -> list[dict[str, Any]]:
        """The snapshots kept, oldest first, as the JSON objects they were written as
        (checked by the caller); rows that are not JSON objects are left out."""
        rows = []
        for (change,) in self._unit.conn.execute(
            "SELECT change FROM history WHERE entity = ? AND length(change) <= ? ORDER BY id",
            (SNAPSHOT, MAX_SNAPSHOT_CHARS),
        ):
            try:
                data = json.loads(change)
            except (TypeError, ValueError, RecursionError):
                continue
            if isinstance(data, dict):
                rows.append(data)
        return rows

    def record_report(self, file_name: str) -> None:
        """Note that a territory report was printed (its evolution starts again from here)."""
        with self._unit.change(REPORT, "", {"file": file_name}):
            pass

    def last_report_at(self) -> str:
        row = self._unit.conn.execute(
            "SELECT at FROM history WHERE entity = ? ORDER BY id DESC LIMIT 1", (REPORT,)
        ).fetchone()
        return row[0] if row else ""
