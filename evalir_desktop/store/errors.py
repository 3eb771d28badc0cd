"""Errors of the store, each carrying a French message for the user."""


class StoreError(Exception):
    """A file the store refuses or an operation it cannot do; str() is French."""


class FileRefused(StoreError):
    """The file is not one we can open (not EVALIR, damaged, truncated, unsafe)."""


class ReadOnlyError(StoreError):
    """A write was attempted on a file or assessment that is read-only."""
