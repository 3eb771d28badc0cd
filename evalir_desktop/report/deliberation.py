"""The draft council deliberation ("Projet de délibération"), filled from the assessment.

The usual French structure: Vu … ; Considérant … ; Après en avoir délibéré … ; Article 1er …
The decision stays blank for the council, unless it is already recorded in the program.
"""

from datetime import date

from evalir_desktop.domain.records import OUTCOME_LABELS
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.model import (
    BlankLines,
    Block,
    Choices,
    Document,
    FillLine,
    Heading,
    Para,
    bullets,
    key_values,
    long_text,
)
from evalir_desktop.report.summary import purpose, questions_to_decide
from evalir_desktop.report.typography import fr_date

BINDING = ("interdit", "obligation")
MAX_COMMITMENTS = 6
BLANK = "…………"
ARTICLES = {  # how a legal reference starts -> the same words after "Vu"
    "Règlement": "le règlement",
    "Code": "le code",
    "Loi": "la loi",
    "RGPD": "le RGPD",
    "Décret": "le décret",
    "Ordonnance": "l'ordonnance",
    "Circulaire": "la circulaire",
    "Directive": "la directive",
}


def visa(reference: str) -> str:
    """ "Règlement (UE) 2024/1689…" -> "Vu le règlement (UE) 2024/1689…"."""
    for start, words in ARTICLES.items():
        if reference.startswith(start):
            return f"Vu {words}{reference[len(start) :]}"
    return f"Vu : {reference}"


def _visas(data: ReportData) -> list[str]:
    """ "Vu …" lines: the code of local authorities, each legal source triggered, the report."""
    lines = ["Vu le code général des collectivités territoriales, notamment son article L2121-29"]
    seen: set[str] = set()
    for ob in data.evaluation.obligations:
        if ob.level in BINDING and ob.reference not in seen:
            seen.add(ob.reference)
            lines.append(visa(ob.reference))
    lines.append(
        f"Vu le rapport d'évaluation du projet « {data.project} », édité le "
        f"{data.date_label} (empreinte des données {data.fingerprint})"
    )
    return [line + " ;" for line in lines]


def _obligation_line(ob) -> str:
    deadline = ob.deadline.strip().rstrip(".")
    when = f" ({deadline[:1].lower()}{deadline[1:]})" if deadline else ""
    if ob.level == "interdit":
        return f"Considérant que le projet relève d'une pratique interdite : {ob.title}{when} ;"
    return f"Considérant que le projet est soumis à l'obligation suivante : {ob.title}{when} ;"


def _commitments(data: ReportData) -> list[str]:
    """The action plan's main commitments: open actions, most urgent first."""
    open_actions = [action for action in data.actions if action.status != "fait"]
    ranked = sorted(open_actions, key=lambda a: (a.priority, a.due_date or date.max))
    items = []
    for action in ranked[:MAX_COMMITMENTS]:
        details = [part for part in (action.owner, fr_date(action.due_date)) if part]
        items.append(action.title + (f" ({', '.join(details)})" if details else ""))
    return items


def _considerations(data: ReportData) -> list[Block]:
    record = data.assessment
    what = purpose(data, 600).rstrip(".") or record.title
    story: list[Block] = [
        Para(
            f"Considérant que la commune envisage le projet « {record.title} »"
            + (f", porté par le service {record.service}" if record.service else "")
            + (f" et fourni par {record.supplier}" if record.supplier else "")
            + f", dont l'objet est le suivant : {what} ;"
        ),
        Para(
            "Considérant que l'évaluation de ce projet ne constitue pas une décision, qu'elle "
            "montre ce qui est solide, ce qui manque et ce que la loi impose, et que la décision "
            "appartient au conseil municipal ;"
        ),
    ]
    story += [
        Para(_obligation_line(ob)) for ob in data.evaluation.obligations if ob.level in BINDING
    ]
    unknown = len(data.evaluation.unknowns)
    if unknown:
        story.append(
            Para(
                f"Considérant que {unknown} question"
                + (" reste" if unknown == 1 else "s restent")
                + " sans réponse sûre à ce jour et devront être documentées ;"
            )
        )
    commitments = _commitments(data)
    if commitments:
        story.append(Para("Considérant les principaux engagements inscrits au plan d'action :"))
        story.append(bullets(commitments))
    story.append(
        Para("Considérant enfin que le conseil doit se prononcer sur les points suivants :")
    )
    story.append(bullets(questions_to_decide(data)))
    return story


def _articles(data: ReportData) -> list[Block]:
    record = data.decision
    decided = record is not None and bool(record.outcome)
    story: list[Block] = [
        Para("Après en avoir délibéré, le conseil municipal :", "body"),
        Heading("Article 1er", 3),
    ]
    if decided:
        label = OUTCOME_LABELS.get(record.outcome, record.outcome).lower()
        story.append(Para(f"Décide {'d’' if label[:1] in 'aeéiou' else 'de '}{label}."))
    else:
        story += [
            Para("Décide (cocher la décision retenue) :"),
            Choices(tuple(OUTCOME_LABELS.values())),
        ]
    story.append(Heading("Article 2", 3))
    if decided and record.text:
        story += [
            Para("Assortit sa décision des conditions et motifs suivants :"),
            *long_text(record.text),
        ]
    else:
        story += [
            Para("Fixe les conditions à remplir ou les motifs de sa décision :"),
            BlankLines(3),
        ]
    story += [
        Heading("Article 3", 3),
        Para(
            "Décide que le projet sera réexaminé par le conseil municipal au plus tard le "
            f"{BLANK}, au vu du suivi du plan d'action et des points restés à documenter."
        ),
        Heading("Article 4", 3),
        Para(
            "Charge le maire de l'exécution de la présente délibération, qui pourra faire "
            "l'objet d'un recours devant le tribunal administratif dans un délai de deux mois "
            "à compter de sa publication."
        ),
    ]
    return story


def _heading_block(data: ReportData) -> list[Block]:
    record = data.decision
    number = record.deliberation_number if record and record.deliberation_number else ""
    sitting = fr_date(record.council_date) if record and record.council_date else ""
    return [
        Para(f"Commune de {data.town}", "subtitle"),
        Heading("Projet de délibération", 0),
        key_values(
            [
                ("Séance du conseil municipal", sitting or BLANK),
                ("Délibération n°", number or BLANK),
                (
                    "Objet",
                    f"Suite à donner au projet « {data.project} » (intelligence artificielle)",
                ),
                ("Rapporteur", BLANK),
            ]
        ),
        Para(
            "Projet préparé par EVALIR Desktop à partir de l'évaluation : à relire, compléter "
            "et adapter par le secrétariat de mairie avant la séance. Le programme ne prend "
            "aucune décision ; les passages en pointillés sont à remplir.",
            "muted",
        ),
    ]


def deliberation_document(data: ReportData) -> Document:
    story = _heading_block(data)
    story += [Heading("Le conseil municipal,", 2)]
    story += [Para(line) for line in _visas(data)]
    story += _considerations(data)
    story += _articles(data)
    story += [
        Heading("Votes", 3),
        FillLine("Pour"),
        FillLine("Contre"),
        FillLine("Abstentions"),
        Para("Fait et délibéré en séance, les jour, mois et an susdits."),
        FillLine("Le maire (nom et signature)"),
    ]
    return Document(
        "Projet de délibération", f"Projet de délibération — {data.project}", tuple(story)
    )
