"""Read a file with plain SQL in tests, on a connection of their own (read-only)."""

import sqlite3
from pathlib import Path

from evalir_desktop.store.file.inspection import readonly_uri


def query(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(readonly_uri(Path(path).resolve()), uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def scalar(path: Path, sql: str, params: tuple = ()):
    return query(path, sql, params)[0][0]
