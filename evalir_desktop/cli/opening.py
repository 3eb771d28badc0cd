"""Open `.evalir` files for the sub-commands, turning the store's refusals into UserError."""

from pathlib import Path

from evalir_desktop.cli.errors import UserError
from evalir_desktop.cli.set_aside import tell_set_aside
from evalir_desktop.store import Store, StoreError


def open_store(path: Path, *, writable: bool = False, tell: bool = True) -> Store:
    """Open read-only, or for writing when asked (refusing a file that is read-only).

    With `tell`, what the store set aside while the command read it is said on stderr
    when the file is closed (`check` lists it in its own report instead)."""
    try:
        store = Store.open(path, readonly=not writable)
    except StoreError as error:
        raise UserError(str(error)) from error
    if tell:
        _tell_when_closed(store)
    if writable and store.readonly:
        reason = store.readonly_reason
        store.close()
        raise UserError(f"le fichier ne peut pas être modifié : {reason}")
    return store


def read_territory_view(path: Path, what: str):
    """The views of a territory file; `what` names the option that needs one."""
    from evalir_desktop.territory.overview import territory_view

    with open_store(path) as store:
        if store.role != "territory":
            raise UserError(
                f"« {path.name} » est le fichier d'une commune : {what} s'applique à un "
                "fichier de territoire (créé par « evalir consolidate »)."
            )
        try:
            return territory_view(store)
        except StoreError as error:
            raise UserError(str(error)) from error


def _tell_when_closed(store: Store) -> None:
    close = store.close

    def close_and_tell() -> None:
        problems = [] if store.closed else list(store.problems)
        close()
        told = getattr(store, "_told", set())
        tell_set_aside([p for p in problems if p not in told])
        store._told = told | set(problems)

    store.close = close_and_tell
