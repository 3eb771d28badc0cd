"""The council's documents as models: the full report, the summary, the action plan."""

from evalir_desktop.report import sections
from evalir_desktop.report.annexes import attachments_annex
from evalir_desktop.report.closing import action_plan, decision, glossary
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.document import Progress
from evalir_desktop.report.model import Document, Heading, PageBreak, Para
from evalir_desktop.report.responses import responses
from evalir_desktop.report.summary import summary_flowables
from evalir_desktop.report.summary_fit import fitted_limits
from evalir_desktop.report.writers import render


def _glossary_source(data: ReportData) -> str:
    ev = data.evaluation
    parts = [data.project, data.assessment.description]
    parts += [f"{ob.title} {ob.reference} {ob.explanation}" for ob in ev.obligations]
    parts += [f"{rec.text} {rec.why}" for rec in ev.recommendations]
    parts += [question.label for question in data.visible_questions()]
    return "\n".join(parts)


def full_document(data: ReportData) -> Document:
    """The report for the mayor and the council, every section in order."""
    story = sections.cover(data)
    story += [PageBreak(), *sections.project(data)]
    limits = fitted_limits(data)  # the same cut as the summary printed alone
    story += [PageBreak(), *summary_flowables(data, f"2. {sections.CONTENTS[1]}", limits)]
    story += [PageBreak(), *sections.qualification(data)]
    story += [PageBreak(), *sections.maturity(data)]
    story += [PageBreak(), *sections.vigilance(data)]
    story += [*sections.unknowns(data)]
    story += [PageBreak(), *responses(data, 7)]
    story += [PageBreak(), *action_plan(data, 8)]
    story += [*decision(data, 9)]
    story += [PageBreak(), *glossary(data, 10, _glossary_source(data))]
    if data.attachments:
        story += [PageBreak(), *attachments_annex(data)]
    return Document(
        "Rapport d'évaluation", f"Rapport d'évaluation — {data.project}", tuple(story), cover=True
    )


def summary_document(data: ReportData) -> Document:
    """The summary for elected officials alone (two pages at most)."""
    return Document(
        "Synthèse pour les élus",
        f"Synthèse pour les élus — {data.project}",
        tuple(summary_flowables(data, limits=fitted_limits(data))),
    )


def plan_document(data: ReportData) -> Document:
    """The action plan alone, to follow up and edit in a word processor."""
    story = [Para(f"Commune de {data.town} — {data.project}", "subtitle"), *action_plan(data)]
    reasons = {rec.id: rec for rec in data.evaluation.recommendations}
    explained = [
        (index, action, reasons[action.recommendation_id])
        for index, action in enumerate(data.actions, 1)
        if action.recommendation_id in reasons
    ]
    if explained:
        story.append(Heading("Pourquoi ces actions", 2))
    for index, action, rec in explained:
        story += [Heading(f"{index}. {action.title}", 3), Para(rec.why, "small")]
    return Document("Plan d'action", f"Plan d'action — {data.project}", tuple(story))


def full_report(data: ReportData, progress: Progress | None = None) -> bytes:
    return render(full_document(data), data, "pdf", progress)


def summary_report(data: ReportData, progress: Progress | None = None) -> bytes:
    return render(summary_document(data), data, "pdf", progress)
