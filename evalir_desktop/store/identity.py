"""Which town a received file belongs to, as the territory knows it: town id and INSEE code.

A territory knows each town by its INSEE code and, since schema v2, by the town id that
the town's own file carries into every share. A file is merged only when both agree
with what the territory holds; otherwise it is a conflict that the officer resolves
(keep the current data, or replace it by the file). A town known by its INSEE code
only (its earlier shares predate the id) is accepted by that code, then its id is
remembered. A file made after the last one merged for the town, yet holding older
versions of its data, is a conflict too: a genuine newer re-send is never dropped.
"""

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from evalir_desktop.domain.conflicts import (
    AssessmentLine,
    ConflictDetails,
    TownConflict,
    TownSummary,
)
from evalir_desktop.french import short_local
from evalir_desktop.store.town_file import TownFile

MERGED = ("merged", "replaced")  # source outcomes whose data the territory holds


def instant(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def local_moment(text: str) -> str:
    """« 01/12/2026 à 15:26 » in this computer's time zone ('' for no date)."""
    if not text:
        return ""
    try:
        return short_local(instant(text), with_time=True)
    except ValueError:
        return text[:40]


@dataclass(frozen=True)
class CurrentTown:
    """What the territory holds for the town a file claims to be."""

    commune_id: str
    nom: str
    insee: str
    town_id: str
    updated_at: str
    contact: str
    made_at: str  # when the newest file merged for this town was made ('' if unknown)


def find_current(conn: sqlite3.Connection, town: TownFile) -> CurrentTown | None:
    """The town of the territory with the file's INSEE code, else the one with its id."""
    columns = "id, nom, insee, town_id, updated_at, contact_nom"
    row = conn.execute(
        f"SELECT {columns} FROM commune WHERE insee = ?", (town.commune.insee,)
    ).fetchone()
    if row is None and town.town_id:
        row = conn.execute(
            f"SELECT {columns} FROM commune WHERE town_id = ? ORDER BY rowid LIMIT 1",
            (town.town_id,),
        ).fetchone()
    if row is None:
        return None
    stamps = [
        stamp
        for (stamp,) in conn.execute(
            "SELECT shared_at FROM source WHERE commune_insee = ? AND shared_at != '' "
            "AND outcome IN (?, ?)",
            (row[2], *MERGED),
        )
    ]
    made_at = max(stamps, key=instant) if stamps else ""
    return CurrentTown(*row, made_at=made_at)


def identity_reason(current: CurrentTown | None, town: TownFile) -> str:
    """Why the file is not the town the territory knows under its INSEE code ('' if it is)."""
    if current is None:
        return ""
    known = f"« {current.nom} » ({current.insee})"
    if current.insee != town.commune.insee:
        return (
            f"ce fichier vient de la même commune que {known}, déjà présente dans le "
            f"territoire, mais il porte un autre code INSEE ({town.commune.insee}) : la "
            "commune a peut-être corrigé son code INSEE"
        )
    if not current.town_id or current.town_id == town.town_id:
        return ""
    if not town.town_id:
        return (
            f"ce fichier ne porte pas l'identifiant de la commune, alors que les fichiers "
            f"déjà reçus de {known} le portent : c'est peut-être une copie ancienne, ou un "
            "fichier préparé ailleurs"
        )
    return (
        f"ce fichier porte le code INSEE de {known}, mais il ne vient pas du même fichier "
        "de commune que ceux déjà importés : la commune a peut-être recommencé dans un "
        "nouveau fichier, ou ce fichier a été préparé ailleurs avec ce code INSEE"
    )


def regression_reason(current: CurrentTown | None, town: TownFile, older: list[str]) -> str:
    """Why a file made after the last one merged, yet holding older versions of `older`
    (titles), is not merged silently ('' if it is not such a file)."""
    if current is None or not current.made_at or not older:
        return ""
    if instant(town.made_at) <= instant(current.made_at):
        return ""  # an older file: it changes nothing, as expected
    titles = ", ".join(f"« {title} »" for title in older[:5])
    more = f" et {len(older) - 5} autres" if len(older) > 5 else ""
    return (
        f"ce fichier a été préparé le {local_moment(town.made_at)}, après celui déjà "
        f"importé (préparé le {local_moment(current.made_at)}), mais il contient des "
        f"versions plus anciennes de : {titles}{more} : la commune a peut-être repris une "
        "ancienne sauvegarde, ou le fichier déjà importé portait des dates erronées"
    )


def current_summary(conn: sqlite3.Connection, current: CurrentTown) -> TownSummary:
    """The territory's side of a conflict: its town, the newest file merged for it."""
    source = conn.execute(
        "SELECT file_name, shared_at, imported_at FROM source WHERE commune_insee = ? "
        "AND outcome IN (?, ?) ORDER BY imported_at DESC LIMIT 1",
        (current.insee, *MERGED),
    ).fetchone() or ("", "", "")
    lines = [
        AssessmentLine(id=assessment_id, title=title, updated_at=updated_at)
        for assessment_id, title, updated_at in conn.execute(
            "SELECT id, title, updated_at FROM assessment WHERE commune_id = ? "
            "AND deleted_at IS NULL ORDER BY created_at",
            (current.commune_id,),
        )
    ]
    return TownSummary(
        file_name=source[0],
        prepared_at=source[1],
        imported_at=source[2],
        commune=current.nom,
        insee=current.insee,
        town_id=current.town_id,
        contact=current.contact,
        assessments=lines,
    )


def declared_epci(name: str, siren: str) -> str:
    """« Loire Forez agglomération » (SIREN 200065886), or what is known of it."""
    if name and siren:
        return f"« {name} » (SIREN {siren})"
    return f"« {name} »" if name else (f"SIREN {siren}" if siren else "non renseignée")


def incoming_summary(town: TownFile, file_name: str) -> TownSummary:
    """The received file's side of a conflict."""
    return TownSummary(
        file_name=file_name,
        prepared_at=town.made_at,
        commune=town.commune.nom,
        insee=town.commune.insee,
        town_id=town.town_id,
        contact=town.commune.contact_nom,
        epci=declared_epci(town.commune.epci_nom, town.commune.epci_siren),
        assessments=[
            AssessmentLine(id=record.id, title=record.title, updated_at=record.updated_at)
            for record in town.assessments
            if record.deleted_at is None
        ],
    )


def conflict(
    conn: sqlite3.Connection, current: CurrentTown, town: TownFile, file_name: str, reason: str
) -> TownConflict:
    details = ConflictDetails(
        reason=reason,
        current=current_summary(conn, current),
        incoming=incoming_summary(town, file_name),
    )
    return TownConflict(details)
