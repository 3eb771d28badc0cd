"""The `.evalir` file: persistence only (the records it holds live in `domain/`). No Qt here.

`store/file/` opens, locks, migrates and writes the file; `Store` is the unit of work over
one open file."""

from evalir_desktop.store.errors import FileRefused, ReadOnlyError, StoreError
from evalir_desktop.store.file.schema import APPLICATION_ID, SCHEMA_VERSION
from evalir_desktop.store.store import Store

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "FileRefused",
    "ReadOnlyError",
    "Store",
    "StoreError",
]
