"""The answers of one assessment as a CSV table for a spreadsheet."""

from evalir_desktop.content import ROLE_LABELS, display_answer
from evalir_desktop.report.data import ReportData
from evalir_desktop.spreadsheet import csv_bytes

ANSWERS_HEADER = (
    "Axe",
    "Identifiant",
    "Question",
    "Réponse",
    "Je ne sais pas",
    "Commentaire",
    "Personne la mieux placée",
)


def answers_csv(data: ReportData) -> bytes:
    """Every question that applies (answered or not), then answers kept for other questions."""
    rows = []
    visible = data.visible_questions()
    for question in visible:
        answer = data.answers.get(question.id)
        answered = answer is not None and answer.is_answered
        rows.append(
            [
                data.axis_title(question.axis_id),
                question.id,
                question.label,
                display_answer(question, answer) if answered else "",
                "oui" if answer and answer.unknown else "",
                answer.comment if answer else "",
                ROLE_LABELS.get(question.role, question.role),
            ]
        )
    seen = {question.id for question in visible}
    for question_id in sorted(set(data.answers) - seen):
        answer = data.answers[question_id]
        question = data.content.question(question_id)
        rows.append(
            [
                "(ne s'applique plus)",
                question_id,
                question.label if question else "",
                display_answer(question, answer),
                "oui" if answer.unknown else "",
                answer.comment,
                "",
            ]
        )
    return csv_bytes(ANSWERS_HEADER, rows)
