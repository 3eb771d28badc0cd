"""Build the documents as PDF bytes: the full report and the summary for elected officials."""

from reportlab.platypus import PageBreak

from evalir_desktop.report import sections
from evalir_desktop.report.closing import action_plan, decision, glossary
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.document import Progress, build_pdf
from evalir_desktop.report.responses import responses
from evalir_desktop.report.summary import summary_flowables


def _glossary_source(data: ReportData) -> str:
    ev = data.evaluation
    parts = [data.project, data.assessment.description]
    parts += [f"{ob.title} {ob.reference} {ob.explanation}" for ob in ev.obligations]
    parts += [f"{rec.text} {rec.why}" for rec in ev.recommendations]
    parts += [question.label for question in data.visible_questions()]
    return "\n".join(parts)


def full_report(data: ReportData, progress: Progress | None = None) -> bytes:
    """The report for the mayor and the council, every section in order."""
    story = sections.cover(data)
    story += [PageBreak(), *sections.project(data)]
    story += [PageBreak(), *summary_flowables(data, f"2. {sections.CONTENTS[1]}")]
    story += [PageBreak(), *sections.qualification(data)]
    story += [PageBreak(), *sections.maturity(data)]
    story += [PageBreak(), *sections.vigilance(data)]
    story += [*sections.unknowns(data)]
    story += [PageBreak(), *responses(data, 7)]
    story += [PageBreak(), *action_plan(data, 8)]
    story += [*decision(data, 9)]
    story += [PageBreak(), *glossary(data, 10, _glossary_source(data))]
    return build_pdf(
        story,
        data.page_info("Rapport d'évaluation", cover=True),
        title=f"Rapport d'évaluation — {data.project}",
        subject=data.town,
        progress=progress,
    )


def summary_report(data: ReportData, progress: Progress | None = None) -> bytes:
    """The summary for elected officials alone (two pages at most)."""
    return build_pdf(
        summary_flowables(data),
        data.page_info("Synthèse pour les élus"),
        title=f"Synthèse pour les élus — {data.project}",
        subject=data.town,
        progress=progress,
    )
