"""CSV export of the towns × assessments table, readable by a French Excel.

Semicolon separator, UTF-8 with a byte-order mark, one line per assessment, and cells
that could be read as a formula by the spreadsheet are neutralised.
"""

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from evalir_desktop.store.atomic import write_atomically
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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str | int:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows_to_csv(rows: Iterable[AssessmentRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([name for name, _ in COLUMNS])
    for row in rows:
        writer.writerow([safe_cell(get(row)) for _, get in COLUMNS])
    return buffer.getvalue()


def write_csv(rows: Iterable[AssessmentRow], path: str | Path) -> Path:
    """Write the table with a BOM (so Excel reads UTF-8), replacing the file in one step."""
    return write_atomically(Path(path), rows_to_csv(rows).encode("utf-8-sig"))
