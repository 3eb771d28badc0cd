"""Closing sections of the full report: action plan, decision box, glossary."""

import re

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from evalir_desktop.report.blocks import data_table, key_values
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.document import FRAME_WIDTH
from evalir_desktop.report.fonts import REGULAR
from evalir_desktop.report.styles import INK, cell, long_text, para
from evalir_desktop.report.typography import fr_date
from evalir_desktop.store.models import (
    ACTION_PRIORITY_LABELS,
    ACTION_STATUS_LABELS,
    OUTCOME_LABELS,
)

BLANK = "_" * 200


def action_plan(data: ReportData, number: int) -> list[Flowable]:
    story: list[Flowable] = [para(f"{number}. Plan d'action", "h1")]
    if not data.actions:
        return [
            *story,
            para(
                "Aucune action n'a encore été inscrite au plan d'action. Les "
                "recommandations de ce rapport peuvent servir de point de départ."
            ),
        ]
    rows = [
        [
            str(index),
            action.title,
            data.axis_labels().get(action.axis_id, action.axis_id),
            action.owner,
            fr_date(action.due_date),
            ACTION_PRIORITY_LABELS.get(action.priority, ""),
            ACTION_STATUS_LABELS.get(action.status, action.status),
        ]
        for index, action in enumerate(data.actions, 1)
    ]
    done = sum(1 for action in data.actions if action.status == "fait")
    story += [
        para(f"{len(data.actions)} action(s), dont {done} faite(s)."),
        data_table(
            ["N°", "Action", "Axe", "Responsable", "Échéance", "Priorité", "État"],
            rows,
            [0.8, 4.8, 2.7, 2.7, 2.3, 1.8, 2.2],
        ),
    ]
    return story


BOX_PADDING = 10
INNER_WIDTH = FRAME_WIDTH - 2 * BOX_PADDING - 4


def _lines_style(*extra) -> TableStyle:
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("LEFTPADDING", (0, 0), (-1, -1), 0), *extra]
    )


def _blank_lines(count: int) -> Table:
    """Lines to write on by hand."""
    table = Table(
        [[""] for _ in range(count)], colWidths=[INNER_WIDTH], rowHeights=[0.9 * cm] * count
    )
    table.setStyle(_lines_style(("LINEBELOW", (0, 0), (-1, -1), 0.5, INK)))
    return table


def _form_row(label: str) -> Table:
    """A label and a line to fill in."""
    table = Table(
        [[cell(label, head=True), ""]],
        colWidths=[5 * cm, INNER_WIDTH - 5 * cm],
        rowHeights=[0.9 * cm],
    )
    table.setStyle(
        _lines_style(
            ("LINEBELOW", (1, 0), (1, 0), 0.5, INK), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")
        )
    )
    return table


def _choices() -> Table:
    labels = [cell(f"☐  {label}") for label in OUTCOME_LABELS.values()]
    table = Table([labels[:2], labels[2:]], colWidths=[INNER_WIDTH / 2] * 2)
    table.setStyle(_lines_style(("TOPPADDING", (0, 0), (-1, -1), 5)))
    return table


def decision_box(notes: str = "") -> Table:
    """The framed form the council fills in by hand; it never splits across pages."""
    rows = [
        para("Décision du conseil municipal (à remplir)", "h3"),
        _form_row("Date de la séance"),
        _form_row("Numéro de délibération"),
        para("Décision :", "small"),
        _choices(),
        para("Conditions, motifs, date de réexamen :", "small"),
        _blank_lines(5),
        _form_row("Nom, qualité et signature"),
    ]
    if notes:
        rows[1:1] = [para("Notes déjà enregistrées :", "small"), *long_text(notes, "small")]
    box = Table([[row] for row in rows], colWidths=[FRAME_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, INK),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, -1), (-1, -1), BOX_PADDING),
            ]
        )
    )
    return box


def decision(data: ReportData, number: int) -> list[Flowable]:
    record = data.decision
    story: list[Flowable] = [
        para(f"{number}. Décision", "h1"),
        para(
            "La décision appartient au conseil municipal. Le programme l'enregistre ; il ne la "
            "prend pas."
        ),
    ]
    if record and record.validated_on:
        story += [
            para("Validation de l'évaluation", "h3"),
            key_values(
                [
                    ("Validée par", record.validated_by),
                    ("Qualité", record.validated_role),
                    ("Date de validation", fr_date(record.validated_on)),
                ]
            ),
        ]
    if record and record.outcome:
        story += [
            para("Décision du conseil municipal", "h3"),
            key_values(
                [
                    ("Date de la séance", fr_date(record.council_date)),
                    ("Numéro de délibération", record.deliberation_number),
                    ("Décision", OUTCOME_LABELS.get(record.outcome, record.outcome)),
                ]
            ),
        ]
        if record.text:
            story += [para("Conditions, motifs", "h3"), *long_text(record.text)]
        return story
    notes = record.text if record else ""
    if len(notes) > 1500:  # too long for a box that must stay on one page: printed above it
        story += [para("Notes déjà enregistrées", "h3"), *long_text(notes)]
        notes = ""
    return [KeepTogether([*story, decision_box(notes)])]


def _key(term: str) -> str:
    """The short form of a glossary term: "AIPD (analyse d'impact…)" -> "AIPD"."""
    return term.split("(")[0].strip()


def glossary(data: ReportData, number: int, printed_text: str) -> list[Flowable]:
    """The glossary entries whose term occurs in the printed text (all of them if none does)."""
    entries = [
        entry
        for entry in data.content.glossary
        if re.search(rf"(?<!\w){re.escape(_key(entry.term))}(?!\w)", printed_text, re.I)
    ] or list(data.content.glossary)
    story: list[Flowable] = [para(f"{number}. Glossaire", "h1")]
    for entry in sorted(entries, key=lambda e: e.term.lower()):
        story.append(para(entry.definition, "body", bold_prefix=f"{entry.term} :"))
    return story
