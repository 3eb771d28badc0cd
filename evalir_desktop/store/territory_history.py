"""The territory's journal of itself: a snapshot summary at each import, each report."""

import json
import sqlite3
from collections.abc import Callable

SNAPSHOT, REPORT = "snapshot", "territory_report"
MAX_SNAPSHOT_CHARS = 5_000_000


class TerritoryHistory:
    """Snapshots and reports of a territory file, as journal rows (mixed into `Store`)."""

    _conn: sqlite3.Connection
    _change: Callable

    def record_snapshot(self, summary: dict) -> None:
        """Keep the summary of the territory as it is after an import."""
        with self._change(SNAPSHOT, summary.get("at", ""), summary):
            pass

    def snapshot_rows(self) -> list[dict]:
        """The snapshots kept, oldest first, as the JSON objects they were written as
        (checked by the caller); rows that are not JSON objects are left out."""
        rows = []
        for (change,) in self._conn.execute(
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
        with self._change(REPORT, "", {"file": file_name}):
            pass

    def last_report_at(self) -> str:
        row = self._conn.execute(
            "SELECT at FROM history WHERE entity = ? ORDER BY id DESC LIMIT 1", (REPORT,)
        ).fetchone()
        return row[0] if row else ""
