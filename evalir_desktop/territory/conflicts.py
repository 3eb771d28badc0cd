"""Conflicts between a town file and the territory: describe both sides, then resolve.

A file whose town identity does not match what the territory holds for its INSEE code
(see `store.identity`) is not merged. The officer reads both sides and either keeps the
territory's data (the file is recorded as seen, so it is not asked again) or replaces
the town's data by the file. Runs without Qt: the window and the CLI use it.
"""

from pathlib import Path
from typing import Literal

from evalir_desktop.domain.conflicts import TownSummary
from evalir_desktop.store.identity import local_moment
from evalir_desktop.territory.importing import (
    merge_prepared,
    open_territory,
    prepare,
    refused,
    source_record,
)
from evalir_desktop.territory.models import FileReport

Choice = Literal["keep", "replace", "import"]  # "import": a town of another EPCI
CONFLICT_ADVICE = (
    "Pour choisir, ouvrez le territoire dans EVALIR Desktop, ajoutez de nouveau ce fichier, "
    "puis gardez les données actuelles ou remplacez-les par ce fichier."
)
SHOWN_ASSESSMENTS = 12


def summary_lines(summary: TownSummary) -> list[str]:
    """One side of a conflict in French, a line per fact (names shown as plain text)."""
    dates = []
    if summary.prepared_at:
        dates.append(f"préparé le {local_moment(summary.prepared_at)}")
    if summary.imported_at:
        dates.append(f"importé le {local_moment(summary.imported_at)}")
    file_line = f"Fichier : {summary.file_name or 'inconnu'}"
    lines = [file_line + (f" ({', '.join(dates)})" if dates else "")]
    identity = f"identifiant {summary.town_id[:8]}" if summary.town_id else "sans identifiant"
    lines.append(f"Commune : {summary.commune} ({summary.insee}), {identity}")
    if summary.contact:
        lines.append(f"Contact : {summary.contact}")
    count = len(summary.assessments)
    lines.append(
        "Aucune évaluation" if count == 0 else f"{count} évaluation{'s' if count > 1 else ''} :"
    )
    for line in summary.assessments[:SHOWN_ASSESSMENTS]:
        lines.append(f"  – « {line.title} », modifiée le {local_moment(line.updated_at)}")
    if count > SHOWN_ASSESSMENTS:
        lines.append(f"  – et {count - SHOWN_ASSESSMENTS} autres")
    return lines


def replace_consequence(item: FileReport) -> str:
    """What « Remplacer » would do, in one French sentence."""
    details = item.conflict
    kept = {line.id for line in details.incoming.assessments}
    lost = [line.title for line in details.current.assessments if line.id not in kept]
    text = (
        f"Le profil et les évaluations de « {details.current.commune} » seront ceux du "
        f"fichier « {item.file_name} »."
    )
    if lost:
        titles = ", ".join(f"« {title} »" for title in lost[:5])
        more = f" et {len(lost) - 5} autres" if len(lost) > 5 else ""
        text += f" Absentes de ce fichier, ces évaluations seront retirées : {titles}{more}."
    return text


def territory_lines(item: FileReport) -> list[str]:
    """The territory's side of a conflict, in French."""
    details = item.conflict
    lines = []
    if details.kind == "epci":
        lines.append(f"Intercommunalité du territoire\u202f: {details.territory}")
    if details.current is None:
        return [*lines, "Aucune donnée de cette commune dans le territoire"]
    return lines + summary_lines(details.current)


def incoming_lines(item: FileReport) -> list[str]:
    """The received file's side of a conflict, in French."""
    details = item.conflict
    lines = summary_lines(details.incoming)
    if details.kind == "epci":
        lines.insert(2, f"Intercommunalité déclarée\u202f: {details.incoming.epci}")
    return lines


def conflict_text(item: FileReport) -> str:
    """The whole conflict in French: the reason, then both sides."""
    parts = [
        item.reason,
        "",
        "Ce que le territoire contient :",
        *(f"  {line}" for line in territory_lines(item)),
        "",
        "Ce que contient le fichier reçu :",
        *(f"  {line}" for line in incoming_lines(item)),
    ]
    return "\n".join(parts)


def resolve_conflict(
    territory: str | Path, item: FileReport, choice: Choice, *, who: str | None = None
) -> FileReport:
    """Keep the territory's data, or replace the town's data by the file of `item`.

    The file is read and checked again; if it changed since the conflict was reported,
    nothing is done and the report says so.
    """
    path = Path(item.path)
    with open_territory(territory, who=who) as store:
        prepared = prepare(path, set())
        if prepared.refusal is not None:
            return prepared.refusal
        if prepared.sha != item.sha256:
            return refused(
                path,
                f"Le fichier « {path.name} » a changé depuis qu'il a été examiné : rien n'a "
                "été fait. Ajoutez-le de nouveau pour voir ce qu'il contient maintenant.",
            )
        if choice == "replace":
            return merge_prepared(store, prepared, replace=True)
        if choice == "import":
            return merge_prepared(store, prepared, other_epci=True)
        other_epci = item.conflict is not None and item.conflict.kind == "epci"
        outcome = "not_imported" if other_epci else "kept_current"
        store.territory.keep_current(source_record(path, prepared.sha, prepared.town), outcome)
    reason = (
        "Ce fichier d'une commune d'une autre intercommunalité n'a pas été importé."
        if other_epci
        else "Les données du territoire ont été gardées : ce fichier n'a pas été importé."
    )
    return item.model_copy(update={"status": "unchanged", "conflict": None, "reason": reason})
