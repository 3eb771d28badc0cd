"""The documents and exports by name, as the command line and the window offer them."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from evalir_desktop.report.data import ReportData
from evalir_desktop.report.document import Progress
from evalir_desktop.report.exports import answers_csv
from evalir_desktop.report.full import full_report, summary_report
from evalir_desktop.report.mention import mention_pdf, mention_text
from evalir_desktop.report.supplier import supplier_csv, supplier_pdf
from evalir_desktop.report.transparency import transparency_csv, transparency_json


@dataclass(frozen=True)
class ReportOptions:
    """What the agent chose for one document or export; the same for window and CLI."""

    kind: str  # a key of DOCUMENTS or EXPORTS
    extra_questions: tuple[str, ...] = ()  # supplier questionnaire: questions added
    excluded_questions: tuple[str, ...] = ()  # supplier questionnaire: questions removed
    progress: Progress | None = None  # told the share of the layout done (PDF only)


@dataclass(frozen=True)
class Output:
    """One thing the program can write for an assessment."""

    label: str  # French, for menus and messages
    suffix: str  # file extension with its dot
    make: Callable[[ReportData, ReportOptions], bytes]
    file_stem: str  # default file name, before the project title


def mention_bytes(data: ReportData) -> bytes:
    """The mention as UTF-8 text with Windows line ends, to paste into a letter template."""
    return (mention_text(data).replace("\n", "\r\n") + "\r\n").encode("utf-8")


def _supplier_pdf(data: ReportData, options: ReportOptions) -> bytes:
    return supplier_pdf(data, options.extra_questions, options.excluded_questions, options.progress)


def _supplier_csv(data: ReportData, options: ReportOptions) -> bytes:
    return supplier_csv(data, options.extra_questions, options.excluded_questions)


DOCUMENTS: dict[str, Output] = {
    "complet": Output(
        "Rapport complet", ".pdf", lambda data, o: full_report(data, o.progress), "rapport"
    ),
    "synthese": Output(
        "Synthèse pour les élus",
        ".pdf",
        lambda data, o: summary_report(data, o.progress),
        "synthese-elus",
    ),
    "mention": Output(
        "Mention explicite",
        ".pdf",
        lambda data, o: mention_pdf(data, o.progress),
        "mention-explicite",
    ),
    "fournisseur": Output("Questionnaire au fournisseur", ".pdf", _supplier_pdf, "questionnaire"),
}
EXPORTS: dict[str, Output] = {
    "inventaire-json": Output(
        "Fiche de transparence (JSON)",
        ".json",
        lambda data, _o: transparency_json(data),
        "fiche-transparence",
    ),
    "inventaire-csv": Output(
        "Fiche de transparence (CSV)",
        ".csv",
        lambda data, _o: transparency_csv(data),
        "fiche-transparence",
    ),
    "reponses-csv": Output(
        "Réponses (CSV)", ".csv", lambda data, _o: answers_csv(data), "reponses"
    ),
    "mention-txt": Output(
        "Mention explicite (texte)",
        ".txt",
        lambda data, _o: mention_bytes(data),
        "mention-explicite",
    ),
    "fournisseur-csv": Output(
        "Questionnaire au fournisseur (CSV)", ".csv", _supplier_csv, "questionnaire"
    ),
}


def output_for(kind: str) -> Output:
    """The document or export named `kind` (KeyError for an unknown name)."""
    return DOCUMENTS[kind] if kind in DOCUMENTS else EXPORTS[kind]


def build(data: ReportData, options: ReportOptions) -> bytes:
    """Build the document or export that `options.kind` names, as the agent chose it."""
    return output_for(options.kind).make(data, options)


def default_file_name(output: Output, data: ReportData) -> str:
    """ "rapport-agent-conversationnel-2026-11-25.pdf": ASCII, short, dated."""
    plain = unicodedata.normalize("NFKD", data.project).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-") or "evaluation"
    return f"{output.file_stem}-{slug}-{data.printed_on.isoformat()}{output.suffix}"
