"""Write the copy of a town file that is sent to the intercommunality.

The copy is taken with the SQLite backup API (consistent even while the window has the
file open), trimmed to the chosen assessments, optionally anonymised, then compacted
with VACUUM so that deleted rows leave no trace in free pages, and finally moved into
place in one step.

What counts as personal data in an anonymised share (names of people, not of roles):
- the town's contact: `commune.contact_nom`, `contact_email`, `contact_telephone` (emptied);
- who answered: `answer.who` (emptied);
- who validated: `decision.validated_by` (emptied; `validated_role` such as « Maire » is a
  role and is kept, as are the dates and the deliberation number);
- action owners: `action.owner` (kept when it is a role word such as « DGS »,
  otherwise replaced by « Responsable désigné par la commune »);
- the journal: `history` is emptied, since each row holds a user name and a copy of the
  changed values (contacts, owners, validators).
Assessments in the trash are never shared. Free texts written by the agents (comments,
descriptions, decision text) are kept as they are: the program cannot tell a name from a
word there, so the share dialog warns.
"""

import os
import re
import sqlite3
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from evalir_desktop.store import Store, StoreError
from evalir_desktop.store.errors import FileRefused
from evalir_desktop.store.opening import configure_writer
from evalir_desktop.store.store import now_iso

ANONYMOUS_OWNER = "Responsable désigné par la commune"
ROLE_WORDS = {
    "agent",
    "agent chargé du projet",
    "dgs",
    "directeur général des services",
    "directrice générale des services",
    "secrétaire de mairie",
    "maire",
    "adjoint",
    "adjointe",
    "élu",
    "élue",
    "élu référent",
    "conseil municipal",
    "dpd",
    "dpo",
    "délégué à la protection des données",
    "fournisseur",
    "service informatique",
    "intercommunalité",
    "epci",
}
CHILD_TABLES = ("answer", "action", "decision")


@dataclass
class ShareResult:
    """What was written: the file, the assessments it holds, whether names were removed."""

    path: Path
    assessment_ids: list[str] = field(default_factory=list)
    anonymised: bool = False


def slug(text: str) -> str:
    """An ASCII, file-name-safe form of a town name: « Saint-Étienne » -> « Saint-Etienne »."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return ascii_text or "commune"


def default_share_name(insee: str, town: str, day: date) -> str:
    return f"{insee}-{slug(town)}-{day.isoformat()}.evalir"


def resolve_assessment_ids(store: Store, wanted: list[str]) -> list[str]:
    """Match full identifiers or unambiguous prefixes (8 characters at least)."""
    known = [record.id for record in store.assessments()]
    chosen: list[str] = []
    for item in wanted:
        item = item.strip().lower()
        matches = [i for i in known if i == item or (len(item) >= 8 and i.startswith(item))]
        if not matches:
            raise StoreError(
                f"Aucune évaluation de ce fichier ne correspond à « {item} » : vérifiez "
                "l'identifiant (la liste est donnée par « evalir info FICHIER »)."
            )
        if len(matches) > 1:
            raise StoreError(
                f"Plusieurs évaluations correspondent à « {item} » : donnez l'identifiant "
                "complet (la liste est donnée par « evalir info FICHIER »)."
            )
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def share(
    store: Store,
    destination: str | Path,
    *,
    anonymise: bool = False,
    assessment_ids: list[str] | None = None,
    today: date | None = None,
) -> ShareResult:
    """Write the share copy of `store`; `destination` is a file or an existing folder."""
    commune = store.commune()
    if commune is None:
        raise StoreError(
            "Renseignez d'abord le profil de la commune : "
            "l'intercommunalité en a besoin pour reconnaître le fichier."
        )
    if store.role != "commune":
        raise StoreError("Seul le fichier d'une commune peut être envoyé à l'intercommunalité.")
    keep = (
        resolve_assessment_ids(store, assessment_ids)
        if assessment_ids
        else [r.id for r in store.assessments()]
    )
    destination = Path(destination)
    if destination.is_dir():
        day = today or date.today()
        destination = destination / default_share_name(commune.insee, commune.nom, day)
    if destination.resolve() == store.path.resolve():
        raise StoreError("Choisissez un autre nom : la copie ne peut pas remplacer l'original.")
    temporary = destination.with_name(f".{destination.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(temporary, isolation_level=None)
        try:
            store.conn.backup(copy)
            configure_writer(copy)
            trim(copy, keep)
            if anonymise:
                anonymise_copy(copy)
            mark_shared(copy, anonymise)
            copy.execute("VACUUM")
            if copy.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
                raise FileRefused("La copie n'a pas pu être vérifiée : recommencez.")
        finally:
            copy.close()
        os.replace(temporary, destination)
    except OSError as error:
        raise FileRefused(
            f"La copie « {destination.name} » n'a pas pu être écrite ({error.strerror}). "
            "Vérifiez que le dossier (ou la clé USB) est accessible en écriture."
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
    return ShareResult(destination, keep, anonymise)


def trim(conn: sqlite3.Connection, keep: list[str]) -> None:
    """Drop every assessment not in `keep` (trashed ones included) with its rows."""
    conn.execute("BEGIN")
    conn.execute("CREATE TEMP TABLE keep_ids (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO keep_ids VALUES (?)", [(i,) for i in keep])
    for table in CHILD_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE assessment_id NOT IN (SELECT id FROM keep_ids)")
    conn.execute(
        "DELETE FROM history WHERE assessment_id IS NOT NULL "
        "AND assessment_id NOT IN (SELECT id FROM keep_ids)"
    )
    conn.execute("DELETE FROM assessment WHERE id NOT IN (SELECT id FROM keep_ids)")
    conn.execute("DROP TABLE temp.keep_ids")
    conn.execute("COMMIT")


def mark_shared(conn: sqlite3.Connection, anonymised: bool) -> None:
    """Record in `meta` when the copy was made and whether names were removed."""
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [("shared_at", now_iso()), ("anonymised", "1" if anonymised else "0")],
    )


def neutral_owner(owner: str) -> str:
    text = owner.strip()
    if not text or text.lower() in ROLE_WORDS:
        return text
    return ANONYMOUS_OWNER


def anonymise_copy(conn: sqlite3.Connection) -> None:
    """Remove the names of people (see the module docstring for the list)."""
    conn.execute("BEGIN")
    conn.execute("UPDATE commune SET contact_nom = '', contact_email = '', contact_telephone = ''")
    conn.execute("UPDATE answer SET who = ''")
    conn.execute("UPDATE decision SET validated_by = ''")
    owners = conn.execute("SELECT id, owner FROM action").fetchall()
    conn.executemany(
        "UPDATE action SET owner = ? WHERE id = ?",
        [(neutral_owner(owner), action_id) for action_id, owner in owners],
    )
    conn.execute("DELETE FROM history")
    conn.execute("DELETE FROM sqlite_sequence WHERE name = 'history'")
    conn.execute("COMMIT")
