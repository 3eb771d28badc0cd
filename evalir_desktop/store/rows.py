"""Write one row whose columns are named by a dict (validated by its model first)."""

import sqlite3


def insert_row(conn: sqlite3.Connection, table: str, values: dict) -> None:
    names = list(values)
    conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) "
        f"VALUES ({', '.join(f':{name}' for name in names)})",
        values,
    )


def upsert_row(conn: sqlite3.Connection, table: str, values: dict) -> None:
    """Insert, or update every column of the row with the same `id`."""
    names = list(values)
    conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) "
        f"VALUES ({', '.join(f':{name}' for name in names)}) ON CONFLICT (id) DO UPDATE SET "
        + ", ".join(f"{name} = excluded.{name}" for name in names if name != "id"),
        values,
    )
