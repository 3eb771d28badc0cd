"""The documents and exports by name, as the command line and the window offer them."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from evalir_desktop.report.data import ReportData
from evalir_desktop.report.exports import answers_csv
from evalir_desktop.report.full import full_report, summary_report
from evalir_desktop.report.mention import mention_pdf, mention_text
from evalir_desktop.report.supplier import supplier_csv, supplier_pdf
from evalir_desktop.report.transparency import transparency_csv, transparency_json


@dataclass(frozen=True)
class Output:
    """One thing the program can write for an assessment."""

    label: str  # French, for menus and messages
    suffix: str  # file extension with its dot
    build: Callable[..., bytes]  # (ReportData, **options) -> bytes
    file_stem: str  # default file name, before the project title


def mention_bytes(data: ReportData) -> bytes:
    """The mention as UTF-8 text with Windows line ends, to paste into a letter template."""
    return (mention_text(data).replace("\n", "\r\n") + "\r\n").encode("utf-8")


DOCUMENTS: dict[str, Output] = {
    "complet": Output("Rapport complet", ".pdf", full_report, "rapport"),
    "synthese": Output("Synthèse pour les élus", ".pdf", summary_report, "synthese-elus"),
    "mention": Output("Mention explicite", ".pdf", mention_pdf, "mention-explicite"),
    "fournisseur": Output("Questionnaire au fournisseur", ".pdf", supplier_pdf, "questionnaire"),
}
EXPORTS: dict[str, Output] = {
    "inventaire-json": Output(
        "Fiche de transparence (JSON)", ".json", transparency_json, "fiche-transparence"
    ),
    "inventaire-csv": Output(
        "Fiche de transparence (CSV)", ".csv", transparency_csv, "fiche-transparence"
    ),
    "reponses-csv": Output("Réponses (CSV)", ".csv", answers_csv, "reponses"),
    "mention-txt": Output("Mention explicite (texte)", ".txt", mention_bytes, "mention-explicite"),
    "fournisseur-csv": Output(
        "Questionnaire au fournisseur (CSV)", ".csv", supplier_csv, "questionnaire"
    ),
}


def build(output: Output, data: ReportData, **options) -> bytes:
    """Build one document or export; `options` reach only the builders that take them."""
    if output.build in (supplier_pdf, supplier_csv):
        return output.build(
            data, options.get("extra_questions", ()), options.get("excluded_questions", ())
        )
    return output.build(data)


def default_file_name(output: Output, data: ReportData) -> str:
    """ "rapport-agent-conversationnel-2026-11-25.pdf": ASCII, short, dated."""
    plain = unicodedata.normalize("NFKD", data.project).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-") or "evaluation"
    return f"{output.file_stem}-{slug}-{data.printed_on.isoformat()}{output.suffix}"
