"""The supplier questionnaire: a letter with room to answer, and the same questions as CSV."""

from collections.abc import Iterable

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from evalir_desktop.content import Question
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.document import FRAME_WIDTH, Progress, build_pdf
from evalir_desktop.report.fonts import REGULAR
from evalir_desktop.report.styles import INK, para
from evalir_desktop.report.typography import counted, shorten
from evalir_desktop.spreadsheet import csv_bytes

SUPPLIER_ROLE = "fournisseur"
ANSWER_HEIGHT = 3.6 * cm
CSV_HEADER = (
    "N°",
    "Identifiant",
    "Thème",
    "Question",
    "Pourquoi cette question",
    "Réponse du fournisseur",
    "Documents joints",
)


def default_supplier_ids(data: ReportData) -> set[str]:
    """Questions answered "Je ne sais pas" that the supplier is best placed to answer."""
    return {item.question_id for item in data.evaluation.unknowns if item.role == SUPPLIER_ROLE}


def supplier_questions(
    data: ReportData, extra: Iterable[str] = (), exclude: Iterable[str] = ()
) -> list[Question]:
    """The default questions plus those the agent ticked (`extra`) minus those unticked
    (`exclude`), in questionnaire order."""
    wanted = (default_supplier_ids(data) | set(extra)) - set(exclude)
    return [question for question in data.content.questions() if question.id in wanted]


def _answer_box() -> Table:
    box = Table([[""]], colWidths=[FRAME_WIDTH], rowHeights=[ANSWER_HEIGHT])
    box.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 0.6, INK), ("FONTNAME", (0, 0), (-1, -1), REGULAR)])
    )
    return box


def _sender(data: ReportData) -> list[str]:
    commune = data.commune
    if commune is None:
        return [data.town]
    lines = [f"Mairie de {commune.nom}"]
    lines += [
        p for p in (commune.contact_nom, commune.contact_email, commune.contact_telephone) if p
    ]
    return lines


def letter_flowables(data: ReportData, questions: list[Question]) -> list[Flowable]:
    supplier = data.assessment.supplier or "Madame, Monsieur le représentant du fournisseur"
    story: list[Flowable] = [para(line, "small") for line in _sender(data)]
    story += [
        Spacer(1, 0.6 * cm),
        para(f"À l'attention de : {supplier}", "body"),
        para(f"À {data.town}, le {data.date_label}", "body"),
        Spacer(1, 0.4 * cm),
        para(f"Objet : questions sur l'outil utilisé pour le projet « {data.project} »", "h3"),
        para("Madame, Monsieur,"),
        para(
            "La commune évalue ce projet avant que ses élus ne se prononcent. Certaines "
            "questions ne peuvent recevoir de réponse sûre que de votre part. Nous vous "
            "remercions d'y répondre dans l'espace prévu, ou sur papier libre en reprenant "
            "leur numéro, et de joindre les documents qui appuient vos réponses (contrat, "
            "documentation technique, déclaration d'accessibilité, analyse d'impact…)."
        ),
        para(
            counted(len(questions), "question vous est posée.", "questions vous sont posées."),
            "muted",
        ),
    ]
    for index, question in enumerate(questions, 1):
        story.append(
            KeepTogether(
                [
                    para(f"Question {index} — {question.label}", "question"),
                    para(shorten(question.help, 400), "small", bold_prefix="Pourquoi :"),
                    _answer_box(),
                    Spacer(1, 0.3 * cm),
                ]
            )
        )
    contact = ", ".join(_sender(data))
    story += [
        para(f"Merci de retourner ce questionnaire à : {contact}."),
        para("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées."),
    ]
    return story


def supplier_pdf(
    data: ReportData,
    extra: Iterable[str] = (),
    exclude: Iterable[str] = (),
    progress: Progress | None = None,
) -> bytes:
    questions = supplier_questions(data, extra, exclude)
    return build_pdf(
        letter_flowables(data, questions),
        data.page_info("Questionnaire au fournisseur"),
        title=f"Questionnaire au fournisseur — {data.project}",
        subject=data.town,
        progress=progress,
    )


def supplier_csv(data: ReportData, extra: Iterable[str] = (), exclude: Iterable[str] = ()) -> bytes:
    rows = [
        [
            index,
            question.id,
            data.axis_title(question.axis_id),
            question.label,
            question.help,
            "",
            "",
        ]
        for index, question in enumerate(supplier_questions(data, extra, exclude), 1)
    ]
    return csv_bytes(CSV_HEADER, rows)
