"""The `.evalir` file: schema, migrations, safe opening, autosave. No Qt here."""

from evalir_desktop.store.errors import FileRefused, ReadOnlyError, StoreError
from evalir_desktop.store.models import (
    ActionRecord,
    AssessmentRecord,
    DecisionRecord,
    HistoryEntry,
    SourceRecord,
)
from evalir_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION
from evalir_desktop.store.store import Store

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "ActionRecord",
    "AssessmentRecord",
    "DecisionRecord",
    "FileRefused",
    "HistoryEntry",
    "ReadOnlyError",
    "SourceRecord",
    "Store",
    "StoreError",
]
