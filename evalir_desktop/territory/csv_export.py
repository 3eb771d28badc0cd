"""CSV export of the towns × assessments table, readable by a French Excel.

Semicolon separator, UTF-8 with a byte-order mark, one line per assessment, and cells
that could be read as a formula by the spreadsheet are neutralised (`spreadsheet`).
"""

from collections.abc import Iterable
from pathlib import Path

from evalir_desktop.output_guard import write_output
from evalir_desktop.spreadsheet import csv_text
from evalir_desktop.territory.view_models import AssessmentRow

COLUMNS = [
    ("Commune", lambda r: r.commune),
    ("Code INSEE", lambda r: r.insee),
    ("Population", lambda r: "" if r.population is None else r.population),
    ("Projet", lambda r: r.title),
    ("Modèle de projet", lambda r: r.template_title),
    ("Service", lambda r: r.service),
    ("Type d'IA", lambda r: r.ai_type_label),
    ("Fournisseur", lambda r: r.supplier),
    ("Statut", lambda r: r.status_label),
    ("Complétude (%)", lambda r: r.completion),
    ("Obligations et interdictions", lambda r: r.obligation_count),
    ("Points à vérifier ou de vigilance", lambda r: r.to_check_count),
    ("Réponses « Je ne sais pas »", lambda r: r.unknown_count),
    ("Décision", lambda r: r.decision_label),
    ("Validée le", lambda r: r.validated_on or ""),
    ("Identifiants des obligations", lambda r: ", ".join(r.obligation_ids)),
    ("Identifiant de l'évaluation", lambda r: r.assessment_id),
]


def rows_to_csv(rows: Iterable[AssessmentRow]) -> str:
    """The table through the one spreadsheet writer (cells neutralised there)."""
    return csv_text([name for name, _ in COLUMNS], ([get(r) for _, get in COLUMNS] for r in rows))


def csv_bytes(rows: Iterable[AssessmentRow]) -> bytes:
    """The table with a BOM, so that Excel reads UTF-8."""
    return rows_to_csv(rows).encode("utf-8-sig")


def write_csv(
    rows: Iterable[AssessmentRow],
    path: str | Path,
    *,
    sources: Iterable[Path] = (),
    replace: bool = True,
) -> Path:
    """Write the table through the output guard, in one step."""
    return write_output(Path(path), csv_bytes(rows), sources=sources, replace=replace)
