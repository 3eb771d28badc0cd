"""Share a town file with the intercommunality: choose what goes, name the copy, and
say in French what the copy holds before it is written.

The copy itself is built by `store.sharing` (what is removed from an anonymised copy is
listed there); this module picks the assessments, the destination and the file name,
and words the preview the window and `evalir share` show.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from evalir_desktop.output_guard import check_output, free_name
from evalir_desktop.store import Store, StoreError
from evalir_desktop.store.anonymiser import REMOVED_EMAIL, REMOVED_NAME, REMOVED_PHONE
from evalir_desktop.store.attachment_rules import size_label
from evalir_desktop.store.sharing import ANONYMOUS_OWNER, SharePreview, write_share_copy

__all__ = ["ANONYMOUS_OWNER", "ShareResult", "default_share_name", "preview_lines", "share"]


@dataclass
class ShareResult:
    """What was written: the file, the assessments it holds, whether names were removed,
    and what the copy holds (its free texts as sent)."""

    path: Path
    assessment_ids: list[str] = field(default_factory=list)
    anonymised: bool = False
    preview: SharePreview | None = None


@dataclass(frozen=True)
class SharePlan:
    """Where the copy goes and what it holds, checked, before anything is built."""

    destination: Path
    keep: list[str]
    anonymise: bool
    attachments: bool = False  # the attached files travel only when the agent asks


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


def plan_share(
    store: Store,
    destination: str | Path,
    *,
    anonymise: bool = False,
    assessment_ids: list[str] | None = None,
    today: date | None = None,
    attachments: bool = False,
    replace: bool = False,
) -> SharePlan:
    """Check what is asked; `destination` is a file or an existing folder (then a free
    name is chosen in it). The output guard refuses the original, another EVALIR file,
    a link, and an existing file unless `replace`."""
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
    if destination.is_dir() and not destination.is_symlink():
        day = today or date.today()
        destination = free_name(destination, default_share_name(commune.insee, commune.nom, day))
    check_output(destination, sources=[store.path], replace=replace, creates=".evalir")
    return SharePlan(destination, keep, anonymise, attachments)


def share(
    store: Store,
    destination: str | Path,
    *,
    anonymise: bool = False,
    assessment_ids: list[str] | None = None,
    today: date | None = None,
    attachments: bool = False,
    replace: bool = False,
) -> ShareResult:
    """Write the share copy of `store`; `destination` is a file or an existing folder.
    The attached files go only with `attachments`, anonymised copy or not."""
    plan = plan_share(
        store,
        destination,
        anonymise=anonymise,
        assessment_ids=assessment_ids,
        today=today,
        attachments=attachments,
        replace=replace,
    )
    preview = write_share_copy(store, plan.destination, plan.keep, plan.anonymise, plan.attachments)
    return ShareResult(plan.destination, plan.keep, plan.anonymise, preview)


REMOVED_ALWAYS = [
    "les évaluations à la corbeille et celles qui ne sont pas choisies ;",
    "les valeurs effacées ou remplacées (l'historique ne garde que qui a modifié quoi, et quand) ;",
]
REMOVED_NAMES = [
    "le contact de la mairie (nom, courriel, téléphone) ;",
    "les noms des agents qui ont répondu, des personnes qui ont validé et des responsables "
    "d'actions (un rôle comme « DGS » est gardé) ;",
    "l'historique des modifications ;",
]
SENT_AS_IS = [
    "le profil de la commune : nom, code INSEE, population, nombre d'agents, "
    "intercommunalité, délégué à la protection des données ;",
    "pour chaque évaluation : statut, type d'IA, dates, réponses à choix, nombres et "
    "« Je ne sais pas », plan d'action (échéances, priorités, états), validation et décision "
    "du conseil (dates, issue) ;",
]
SENT_NAMES = (
    "les noms des personnes (contact de la mairie, agents qui ont répondu, personnes qui ont "
    "validé, responsables d'actions) et l'historique (qui a modifié quoi, et quand) ;"
)


def preview_lines(
    preview: SharePreview, question_label: Callable[[str], str] | None = None
) -> list[str]:
    """What the copy removes, what it sends as it is, then every free text it sends."""
    removed = list(REMOVED_ALWAYS)
    as_is = list(SENT_AS_IS)
    if preview.anonymised:
        removed += REMOVED_NAMES
        removed.append(replaced_line(preview))
    else:
        as_is.append(SENT_NAMES)
    if preview.attachments:
        as_is.append(attachments_line(preview))
    else:
        removed.append(
            "les pièces jointes (elles ne sont envoyées que si vous le demandez ; "
            "l'intercommunalité garde celles qu'elle a déjà reçues) ;"
        )
    count = len(preview.texts)
    lines = ["Retiré de la copie :", *(f"  – {line}" for line in removed)]
    lines += ["Envoyé tel quel :", *(f"  – {line}" for line in as_is)]
    lines.append(
        f"Textes libres envoyés ({count}) : relisez-les, ils ne doivent citer personne "
        "(habitant, agent, élu) :"
        if count
        else "Aucun texte libre n'est envoyé."
    )
    current = None
    for item in preview.texts:
        if item.assessment != current:
            current = item.assessment
            lines.append(f"  « {current} »" if current else "  Autres textes")
        where = item.label
        if item.question_id:
            label = question_label(item.question_id) if question_label else item.question_id
            where = f"{where} ({label})"
        lines.append(f"    – {where} : {' '.join(item.text.split())}")
    return lines


def replaced_line(preview: SharePreview) -> str:
    names = ", ".join(preview.names) or "aucun"
    count = preview.replaced
    if count == 0:
        found = "aucun nom connu, courriel ou numéro de téléphone n'y a été trouvé"
    else:
        plural = "s" if count > 1 else ""
        found = (
            f"{count} mention{plural} remplacée{plural} par « {REMOVED_NAME} », "
            f"« {REMOVED_EMAIL} » ou « {REMOVED_PHONE} »"
        )
    return f"dans les textes libres, {found} (noms recherchés : {names}) ;"


def attachments_line(preview: SharePreview) -> str:
    count = len(preview.attachments)
    names = ", ".join(f"« {name} »" for name in preview.attachments)
    what = "pièce jointe" if count == 1 else "pièces jointes"
    line = f"{count} {what} ({size_label(preview.attachments_bytes)}) : {names}"
    if preview.anonymised:
        line += " ; leur contenu n'est pas anonymisé : vérifiez qu'elles ne nomment personne"
    return line + " ;"
