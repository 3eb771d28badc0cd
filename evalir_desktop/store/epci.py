"""The intercommunality of a territory file, and towns that declare another one.

The territory's intercommunality is the SIREN recorded in its `meta` (set from the
first import: the SIREN most of its towns declare), else, for a territory file made
before, the SIREN most of its towns declare. A file whose town declares another SIREN is
not merged silently: the officer is told and chooses. A town the officer already
accepted with that other SIREN is not asked about again.
"""

import sqlite3

from evalir_desktop.store.file.journal import set_meta
from evalir_desktop.store.identity import (
    ConflictDetails,
    CurrentTown,
    TownConflict,
    current_summary,
    declared_epci,
    incoming_summary,
)
from evalir_desktop.store.town_file import TownFile

SIREN_KEY, NAME_KEY = "epci_siren", "epci_nom"


def territory_epci(conn: sqlite3.Connection) -> tuple[str, str]:
    """(SIREN, name) of the territory's intercommunality; ('', '') when unknown."""
    meta = dict(
        conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", (SIREN_KEY, NAME_KEY))
    )
    if meta.get(SIREN_KEY):
        return meta[SIREN_KEY], meta.get(NAME_KEY, "")
    row = conn.execute(
        "SELECT epci_siren, max(epci_nom) FROM commune WHERE epci_siren != '' "
        "GROUP BY epci_siren ORDER BY count(*) DESC, epci_siren LIMIT 1"
    ).fetchone()
    return (row[0], row[1] or "") if row else ("", "")


def record_territory_epci(conn: sqlite3.Connection, siren: str, name: str) -> None:
    """Remember the territory's intercommunality (inside the caller's transaction)."""
    set_meta(conn, SIREN_KEY, siren)
    set_meta(conn, NAME_KEY, name)


def _town_siren(conn: sqlite3.Connection, current: CurrentTown) -> str:
    row = conn.execute(
        "SELECT epci_siren FROM commune WHERE id = ?", (current.commune_id,)
    ).fetchone()
    return row[0] if row else ""


def epci_reason(conn: sqlite3.Connection, current: CurrentTown | None, town: TownFile) -> str:
    """Why a file is held for the officer's choice: its town declares another
    intercommunality than the territory's ('' when it does not)."""
    incoming = town.commune.epci_siren
    siren, name = territory_epci(conn)
    if not incoming or not siren or incoming == siren:
        return ""
    if current is not None and _town_siren(conn, current) == incoming:
        return ""  # accepted before with this intercommunality
    return (
        f"la commune « {town.commune.nom} » déclare appartenir à l'intercommunalité "
        f"{declared_epci(town.commune.epci_nom, incoming)}, et non à celle du territoire, "
        f"{declared_epci(name, siren)}\u202f: ce fichier vous a peut-être été envoyé par "
        "erreur, ou la commune a changé d'intercommunalité"
    )


def epci_conflict(
    conn: sqlite3.Connection,
    current: CurrentTown | None,
    town: TownFile,
    file_name: str,
    reason: str,
) -> TownConflict:
    siren, name = territory_epci(conn)
    details = ConflictDetails(
        reason=reason,
        current=current_summary(conn, current) if current is not None else None,
        incoming=incoming_summary(town, file_name),
        kind="epci",
        territory=declared_epci(name, siren),
    )
    return TownConflict(details)
