"""Share a town file with the intercommunality: choose what goes, name the copy.

The copy itself is built by `store.sharing` (what is removed from an anonymised copy is
listed there); this module picks the assessments, the destination and the file name.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from evalir_desktop.store import Store, StoreError
from evalir_desktop.store.sharing import ANONYMOUS_OWNER, write_share_copy

__all__ = ["ANONYMOUS_OWNER", "ShareResult", "default_share_name", "share"]


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
    write_share_copy(store, destination, keep, anonymise)
    return ShareResult(destination, keep, anonymise)
