"""The summary for elected officials: the project, the law, the axes, what to decide (≤ 2 pages).

Every binding obligation is listed, always. The other points of the law and the points of
vigilance are listed too, unless the two pages are full: `report/summary_fit.py` then
decides how many of each fit, and the summary says where the others are.
"""

from dataclasses import dataclass

from evalir_desktop.assessment.calendar import short_status
from evalir_desktop.content.models import is_binding
from evalir_desktop.domain.records import OUTCOME_LABELS
from evalir_desktop.french import first_upper
from evalir_desktop.report.annexes import steps_to_correct
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.labels import NO_VERDICT, level_label
from evalir_desktop.report.model import Bar, Block, Heading, Para, bullets, key_values, table
from evalir_desktop.report.typography import counted, fr_date, shorten

STRONG, WEAK = 70, 40
QUALIFICATION = "« 3. Qualification réglementaire »"
VIGILANCE = "« 5. Points de vigilance et recommandations »"


@dataclass(frozen=True)
class SummaryLimits:
    """How many non-binding points of the law and points of vigilance are listed (None:
    all of them); binding obligations are never cut."""

    others: int | None = None
    vigilance: int | None = None


EVERYTHING = SummaryLimits()


def completion_line(data: ReportData) -> str:
    unknown = len(data.evaluation.unknowns)
    text = f"{data.evaluation.completion} % des questions qui s'appliquent ont une réponse"
    if unknown:
        text += f", dont {unknown} « Je ne sais pas » à documenter"
    return text + "."


def decision_line(data: ReportData) -> str:
    decision = data.decision
    if decision is None or not (decision.outcome or decision.validated_on):
        return "Aucune décision enregistrée : elle appartient au conseil municipal."
    parts = []
    if decision.validated_on:
        who = ", ".join(p for p in (decision.validated_by, decision.validated_role) if p)
        parts.append(
            f"évaluation validée le {fr_date(decision.validated_on)}"
            + (f" par {who}" if who else "")
        )
    if decision.outcome:
        when = f" du {fr_date(decision.council_date)}" if decision.council_date else ""
        parts.append(f"décision du conseil{when} : {OUTCOME_LABELS[decision.outcome].lower()}")
    return first_upper(" ; ".join(parts)) + "."


def purpose(data: ReportData, limit: int = 450) -> str:
    text = data.text_answer("contexte.finalite") or data.assessment.description
    return shorten(text, limit)


def summary_flowables(
    data: ReportData, title: str = "Synthèse pour les élus", limits: SummaryLimits = EVERYTHING
) -> list[Block]:
    """The summary section, also printed alone, with the lists cut to `limits`."""
    ev = data.evaluation
    story: list[Block] = [
        Heading(title, 1),
        Para(NO_VERDICT, "muted"),
        Heading("Le projet en bref", 2),
        key_values(
            [
                ("Projet", data.project),
                ("Service", data.assessment.service),
                ("Statut", data.status_label),
                ("Fournisseur", data.assessment.supplier),
                ("Ce que doit faire l'outil", purpose(data)),
                ("Avancement", completion_line(data)),
                ("Décision", decision_line(data)),
            ],
            key_width=4,
        ),
        Heading("Ce que la loi impose ou demande de vérifier", 2),
    ]
    story += law_points(data, limits.others)
    scored = [axis for axis in ev.axes if axis.scored]
    story += [
        Heading("Ce qui est solide, ce qui manque", 2),
        table(
            ["Axe", "Maturité (sur 100)", "« Je ne sais pas »"],
            [[data.axis_title(a.id), Bar(a.score), str(a.unknown)] for a in scored],
            [9, 4.5, 3.5],
        ),
    ]
    strong = [data.axis_title(a.id) for a in scored if a.score is not None and a.score >= STRONG]
    weak = [data.axis_title(a.id) for a in scored if a.score is not None and a.score < WEAK]
    if strong:
        story.append(Para(", ".join(strong) + ".", "small", lead="Points solides :"))
    if weak:
        story.append(Para(", ".join(weak) + ".", "small", lead="Points faibles :"))
    story += steps_to_correct(data)
    story += vigilance_points(data, limits.vigilance)
    story += [
        Heading("Ce qui reste à décider par les élus", 2),
        bullets(questions_to_decide(data)),
    ]
    return story


def law_points(data: ReportData, limit: int | None) -> list[Block]:
    """Every binding obligation, then the other points of the law up to `limit`."""
    obligations = data.evaluation.obligations
    if not obligations:
        return [
            Para(
                "Les réponses données ne déclenchent aucune obligation particulière. "
                "Cela ne dispense pas de faire vérifier le projet par le délégué "
                "à la protection des données.",
                "body",
            )
        ]
    binding = [ob for ob in obligations if is_binding(ob.level)]
    others = [ob for ob in obligations if not is_binding(ob.level)]
    shown = binding + others[: len(others) if limit is None else limit]
    items = [
        f"{level_label(ob.level, ob.level_label)} : {ob.title} ({shorten(ob.reference, 90)})"
        f" — {short_status(ob.applies_from, ob.in_force).lower()}"
        for ob in shown
    ]
    story: list[Block] = [bullets(items, mark="")]
    rest = len(obligations) - len(shown)
    if rest:
        story.append(
            Para(
                f"… et {counted(rest, 'autre point', 'autres points')} à vérifier ou de "
                f"vigilance, détaillés dans la partie {QUALIFICATION} du rapport complet.",
                "muted",
            )
        )
    return story


def vigilance_points(data: ReportData, limit: int | None) -> list[Block]:
    """The points of vigilance (what is missing), most urgent first, up to `limit`."""
    recommendations = data.evaluation.recommendations
    if not recommendations:
        return []
    shown = recommendations[: len(recommendations) if limit is None else limit]
    story: list[Block] = [Heading("Points de vigilance", 2)]
    if shown:
        story.append(bullets([f"{shorten(rec.text, 200)} ({rec.who_label})" for rec in shown]))
    rest = len(recommendations) - len(shown)
    if rest:
        lead = "… et " if shown else ""
        many = counted(rest, "point de vigilance", "points de vigilance")
        story.append(
            Para(
                f"{first_upper(lead + many)}, moins urgents, détaillés dans la partie "
                f"{VIGILANCE} du rapport complet.",
                "muted",
            )
        )
    return story


def questions_to_decide(data: ReportData) -> list[str]:
    """The political questions the program leaves to people, adapted to this assessment."""
    ev = data.evaluation
    items = []
    if any(ob.level == "interdit" for ob in ev.obligations):
        items.append(
            "Une pratique interdite ou illicite est relevée : en l'état, le projet ne "
            "peut pas être engagé. Faut-il le transformer ou y renoncer ?"
        )
    items += [
        "Le besoin justifie-t-il cet outil, au regard des solutions sans IA et de son coût ?",
        "Qui, nommément, valide les résultats de l'outil et en répond devant les habitants ?",
        "Quels moyens (temps d'agents, formation, budget) la commune y consacre-t-elle ?",
        "Quand le projet sera-t-il réexaminé, et qu'est-ce qui conduirait à l'arrêter ?",
    ]
    supplier = sum(1 for item in ev.unknowns if item.role == "fournisseur")
    if ev.unknowns:
        items.append(
            "Faut-il attendre "
            + (
                "la réponse à la question restée"
                if len(ev.unknowns) == 1
                else f"les réponses aux {len(ev.unknowns)} questions restées"
            )
            + " sans réponse sûre"
            + (f", dont {supplier} pour le fournisseur" if supplier else "")
            + ", avant de décider ?"
        )
    return items
