"""Closing sections of the full report: action plan, decision box, glossary."""

import re

from evalir_desktop.domain.records import (
    ACTION_PRIORITY_LABELS,
    ACTION_STATUS_LABELS,
    OUTCOME_LABELS,
)
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.model import (
    BlankLines,
    Block,
    Boxed,
    Choices,
    FillLine,
    Heading,
    Keep,
    Para,
    key_values,
    long_text,
    table,
)
from evalir_desktop.report.typography import counted, fr_date


def action_rows(data: ReportData) -> list[list[str]]:
    labels = data.axis_labels()
    return [
        [
            str(index),
            f"{action.title}\nSuivi : {action.note}" if action.note else action.title,
            labels.get(action.axis_id, action.axis_id),
            action.owner,
            fr_date(action.due_date),
            ACTION_PRIORITY_LABELS.get(action.priority, ""),
            ACTION_STATUS_LABELS.get(action.status, action.status),
        ]
        for index, action in enumerate(data.actions, 1)
    ]


def action_count(data: ReportData) -> str:
    """The plan as it stands on the printing date (its follow-up goes on after validation)."""
    done = sum(1 for action in data.actions if action.status == "fait")
    text = counted(len(data.actions), "action", "actions")
    done_text = counted(done, "faite", "faites") if done else "aucune faite"
    text = f"État du plan au {data.date_label} : {text}, dont {done_text}."
    decision = data.decision
    if decision is not None and decision.is_validated:
        text += (
            f" L'évaluation a été validée le {fr_date(decision.validated_on)} : depuis, "
            "seul le suivi des actions (état, responsable, échéance, note) peut changer."
        )
    return text


def action_plan(data: ReportData, number: int | None = None) -> list[Block]:
    title = "Plan d'action" if number is None else f"{number}. Plan d'action"
    story: list[Block] = [Heading(title, 1)]
    if not data.actions:
        return [
            *story,
            Para(
                "Aucune action n'a encore été inscrite au plan d'action. Les "
                "recommandations de ce rapport peuvent servir de point de départ."
            ),
        ]
    story += [
        Para(action_count(data)),
        table(
            ["N°", "Action", "Axe", "Responsable", "Échéance", "Priorité", "État"],
            action_rows(data),
            [0.8, 4.8, 2.7, 2.7, 2.3, 1.8, 2.2],
        ),
    ]
    return story


def decision_box(notes: str = "") -> Boxed:
    """The framed form the council fills in by hand; it never splits across pages."""
    rows: list[Block] = [
        Heading("Décision du conseil municipal (à remplir)", 3),
        FillLine("Date de la séance"),
        FillLine("Numéro de délibération"),
        Para("Décision :", "small"),
        Choices(tuple(OUTCOME_LABELS.values())),
        Para("Conditions, motifs, date de réexamen :", "small"),
        BlankLines(5),
        FillLine("Nom, qualité et signature"),
    ]
    if notes:
        rows[1:1] = [Para("Notes déjà enregistrées :", "small"), *long_text(notes, "small")]
    return Boxed(tuple(rows))


def decision(data: ReportData, number: int) -> list[Block]:
    record = data.decision
    story: list[Block] = [
        Heading(f"{number}. Décision", 1),
        Para(
            "La décision appartient au conseil municipal. Le programme l'enregistre ; il ne la "
            "prend pas."
        ),
    ]
    if record and record.validated_on:
        story += [
            Heading("Validation de l'évaluation", 3),
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
            Heading("Décision du conseil municipal", 3),
            key_values(
                [
                    ("Date de la séance", fr_date(record.council_date)),
                    ("Numéro de délibération", record.deliberation_number),
                    ("Décision", OUTCOME_LABELS.get(record.outcome, record.outcome)),
                ]
            ),
        ]
        if record.text:
            story += [Heading("Conditions, motifs", 3), *long_text(record.text)]
        return story
    notes = record.text if record else ""
    if len(notes) > 1500:  # too long for a box that must stay on one page: printed above it
        story += [Heading("Notes déjà enregistrées", 3), *long_text(notes)]
        notes = ""
    return [Keep((*story, decision_box(notes)))]


def _key(term: str) -> str:
    """The short form of a glossary term: "AIPD (analyse d'impact…)" -> "AIPD"."""
    return term.split("(")[0].strip()


def glossary(data: ReportData, number: int, printed_text: str) -> list[Block]:
    """The glossary entries whose term occurs in the printed text (all of them if none does)."""
    entries = [
        entry
        for entry in data.content.glossary
        if re.search(rf"(?<!\w){re.escape(_key(entry.term))}(?!\w)", printed_text, re.I)
    ] or list(data.content.glossary)
    story: list[Block] = [Heading(f"{number}. Glossaire", 1)]
    for entry in sorted(entries, key=lambda e: e.term.lower()):
        story.append(Para(entry.definition, "body", lead=f"{entry.term} :"))
    return story
