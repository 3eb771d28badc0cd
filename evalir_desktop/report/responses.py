"""The answers and comments of the assessment, axis by axis, each question with its answer."""

from evalir_desktop.content import UNKNOWN_LABEL, display_answer
from evalir_desktop.report.annexes import axis_opinions, question_attachments
from evalir_desktop.report.data import ReportData
from evalir_desktop.report.model import Block, Heading, Para, long_text

NO_ANSWER = "Sans réponse"


def answer_flowables(data: ReportData, question, answer, index: str) -> list[Block]:
    story: list[Block] = [Para(f"{index} {question.label if question else ''}", "question")]
    if answer is None or not answer.is_answered:
        story.append(Para(NO_ANSWER, "answer", lead="Réponse :"))
    elif answer.unknown:
        story.append(Para(UNKNOWN_LABEL, "answer", lead="Réponse :"))
    elif question is not None and question.type == "texte_long":
        story.append(Para("", "answer", lead="Réponse :"))
        story += long_text(str(answer.value), "answer")
    else:
        story.append(Para(display_answer(question, answer), "answer", lead="Réponse :"))
    origin = data.origins.get(question.id) if question is not None else None
    if origin and answer is not None and answer.is_answered:
        story.append(Para(f"{origin}.", "comment"))
    if answer is not None and answer.comment:
        parts = long_text(answer.comment, "comment")
        if parts:
            story.append(Para("Commentaire :", "comment"))
            story += parts
    if question is not None:
        story += question_attachments(data, question.id)
    return story


def responses(data: ReportData, number: int) -> list[Block]:
    """Every visible question of every axis; plus answers to questions no longer asked."""
    visible = {question.id for question in data.visible_questions()}
    story: list[Block] = [
        Heading(f"{number}. Réponses et commentaires, axe par axe", 1),
        Para(
            "Toutes les questions qui s'appliquent au projet, avec la réponse donnée et le "
            "commentaire éventuel. Les questions masquées par une réponse précédente ne sont "
            "pas reprises."
        ),
    ]
    for axis_index, axis in enumerate(data.content.axes, 1):
        result = data.evaluation.axis(axis.id)
        title = f"{number}.{axis_index} {axis.title}"
        if result is not None and result.scored:
            title += " — " + (
                "non évalué" if result.score is None else f"maturité {round(result.score)} / 100"
            )
        story.append(Heading(title, 2))
        story += axis_opinions(data, axis.id)
        shown = [question for question in axis.questions if question.id in visible]
        if not shown:
            story.append(Para("Aucune question ne s'applique.", "muted"))
        for q_index, question in enumerate(shown, 1):
            story += answer_flowables(
                data, question, data.answers.get(question.id), f"{axis_index}.{q_index}"
            )
    orphans = sorted(
        qid for qid in data.answers if data.content.question(qid) is None or qid not in visible
    )
    kept = [qid for qid in orphans if data.answers[qid].is_answered or data.answers[qid].comment]
    if kept:
        story += [
            Heading("Autres réponses enregistrées", 2),
            Para(
                "Réponses à des questions qui ne s'appliquent plus (masquées par une autre "
                "réponse) ou qui ne figurent plus dans cette version du questionnaire. Elles "
                "sont conservées mais n'entrent pas dans l'évaluation."
            ),
        ]
        for qid in kept:
            question = data.content.question(qid)
            story += answer_flowables(data, question, data.answers[qid], f"[{qid}]")
    return story
