"""The error every refusal of the program's data derives from, said in French."""


class StoreError(Exception):
    """A file the store refuses or an operation it cannot do; str() is French.

    Defined below the store so that the domain's own rules (an attachment refused) are
    caught with the store's refusals by the same `except StoreError`."""
