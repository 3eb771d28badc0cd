"""The documents and exports by name, as the command line and the window offer them."""

from collections.abc import Callable
from dataclasses import dataclass

from evalir_desktop.report.data import ReportData
from evalir_desktop.report.deliberation import deliberation_document
from evalir_desktop.report.document import Progress
from evalir_desktop.report.exports import answers_csv
from evalir_desktop.report.full import full_document, plan_document, summary_document
from evalir_desktop.report.inhabitants import LetterFields, form_document, letter_document
from evalir_desktop.report.mention import mention_document, mention_text
from evalir_desktop.report.model import Document
from evalir_desktop.report.plan_export import plan_csv, plan_ods
from evalir_desktop.report.supplier import supplier_csv, supplier_pdf
from evalir_desktop.report.transparency import transparency_csv, transparency_json
from evalir_desktop.report.writers import FORMATS, render


@dataclass(frozen=True)
class ReportOptions:
    """What the agent chose for one document or export; the same for window and CLI."""

    kind: str  # a key of DOCUMENTS or EXPORTS
    extra_questions: tuple[str, ...] = ()  # supplier questionnaire: questions added
    excluded_questions: tuple[str, ...] = ()  # supplier questionnaire: questions removed
    progress: Progress | None = None  # told the share of the layout done (PDF only)
    format: str = "pdf"  # a key of writers.FORMATS, for the documents that have a model
    letter: LetterFields | None = None  # explanation letter: about one person, never stored


@dataclass(frozen=True)
class Output:
    """One thing the program can write for an assessment."""

    label: str  # French, for menus and messages
    suffix: str  # file extension with its dot
    make: Callable[[ReportData, ReportOptions], bytes] | None
    file_stem: str  # default file name, before the project title
    # documents built as a model: written as PDF, ODT or DOCX by the same content
    document: Callable[[ReportData, ReportOptions], Document] | None = None

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(FORMATS) if self.document else (self.suffix.lstrip("."),)

    def suffix_for(self, fmt: str) -> str:
        return FORMATS[fmt][1] if self.document else self.suffix


def editable(label: str, file_stem: str, document) -> Output:
    """A document of the model, in every format."""
    return Output(label, ".pdf", None, file_stem, document)


def mention_bytes(data: ReportData) -> bytes:
    """The mention as UTF-8 text with Windows line ends, to paste into a letter template."""
    return (mention_text(data).replace("\n", "\r\n") + "\r\n").encode("utf-8")


def _supplier_pdf(data: ReportData, options: ReportOptions) -> bytes:
    return supplier_pdf(data, options.extra_questions, options.excluded_questions, options.progress)


def _supplier_csv(data: ReportData, options: ReportOptions) -> bytes:
    return supplier_csv(data, options.extra_questions, options.excluded_questions)


DOCUMENTS: dict[str, Output] = {
    "complet": editable("Rapport complet", "rapport", lambda data, _o: full_document(data)),
    "synthese": editable(
        "Synthèse pour les élus", "synthese-elus", lambda data, _o: summary_document(data)
    ),
    "plan": editable("Plan d'action", "plan-action", lambda data, _o: plan_document(data)),
    "deliberation": editable(
        "Projet de délibération", "projet-deliberation", lambda d, _o: deliberation_document(d)
    ),
    "mention": editable(
        "Mention explicite", "mention-explicite", lambda data, _o: mention_document(data)
    ),
    "lettre": editable(
        "Lettre d'explication à un habitant",
        "lettre-explication",
        lambda data, o: letter_document(data, o.letter),
    ),
    "formulaire": editable(
        "Formulaire de demande pour les habitants",
        "formulaire-demande",
        lambda data, _o: form_document(data),
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
    "plan-ods": Output(
        "Plan d'action (tableur ODS)", ".ods", lambda data, _o: plan_ods(data), "plan-action"
    ),
    "plan-csv": Output(
        "Plan d'action (CSV)", ".csv", lambda data, _o: plan_csv(data), "plan-action"
    ),
}


def output_for(kind: str) -> Output:
    """The document or export named `kind` (KeyError for an unknown name)."""
    return DOCUMENTS[kind] if kind in DOCUMENTS else EXPORTS[kind]


def build(data: ReportData, options: ReportOptions) -> bytes:
    """Build the document or export that `options.kind` names, as the agent chose it."""
    output = output_for(options.kind)
    if output.document is not None:
        return render(output.document(data, options), data, options.format, options.progress)
    if options.format != "pdf":  # only the documents of the model have editable forms
        raise ValueError(f"{options.kind} has no {options.format} form")
    return output.make(data, options)


def default_file_name(output: Output, data: ReportData, fmt: str = "pdf") -> str:
    """ "rapport-agent-conversationnel-2026-11-25.pdf": ASCII, short, dated."""
    from evalir_desktop.file_names import ascii_slug

    slug = ascii_slug(data.project, 40, "evaluation")
    return f"{output.file_stem}-{slug}-{data.printed_on.isoformat()}{output.suffix_for(fmt)}"
