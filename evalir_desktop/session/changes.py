"""What a questionnaire update changed for one assessment answered with an earlier version."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from evalir_desktop.assessment import Evaluation, evaluate
from evalir_desktop.assessment.models import Result
from evalir_desktop.content import Content, load_archived_content, visible_questions
from evalir_desktop.content.models import is_binding
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.french import NNBSP, quoted
from evalir_desktop.session.session import AssessmentSession, answers_to_review, current_answers


class UpdateAccount(Result):
    """Binding obligations added or removed, new questions to answer, answers to review.

    Obligations are rule ids whose binding level (prohibition or obligation) appears or
    disappears; new questions are those that apply now, are unanswered and did not exist
    in the earlier version; answers to review chose an option retired since.
    """

    previous_version: str
    current_version: str
    obligations_added: list[str]
    obligations_removed: list[str]
    questions_new: list[str]
    answers_to_review: list[str]

    def text(self) -> str:
        """ "Depuis la mise à jour du questionnaire : 2 obligations ajoutées, 1 retirée, …"."""
        parts = []
        added, removed = len(self.obligations_added), len(self.obligations_removed)
        if added:
            parts.append(_count(added, "obligation ajoutée", "obligations ajoutées"))
        if removed:
            noun = (
                ("retirée", "retirées") if added else ("obligation retirée", "obligations retirées")
            )
            parts.append(_count(removed, *noun))
        if self.questions_new:
            parts.append(
                _count(
                    len(self.questions_new),
                    "question nouvelle à répondre",
                    "questions nouvelles à répondre",
                )
            )
        if self.answers_to_review:
            parts.append(
                _count(len(self.answers_to_review), "réponse à revoir", "réponses à revoir")
            )
        lead = f"Depuis la mise à jour du questionnaire (version {self.previous_version} → "
        lead += f"{self.current_version}){NNBSP}: "
        if not parts:
            return lead + "rien ne change pour cette évaluation."
        return lead + ", ".join(parts) + "."


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def _binding(evaluation: Evaluation) -> list[str]:
    return [ob.id for ob in evaluation.obligations if is_binding(ob.level)]


def account_of_changes(
    previous: Content,
    current: Content,
    stored: Mapping[str, Answer],
    commune: Commune | None = None,
    on: date | None = None,
) -> UpdateAccount:
    """Compare what `previous` and `current` make of the same stored answers.

    Each version reads the answers as it would (its own renames and retired options);
    nothing is written back.
    """
    before = evaluate(previous, current_answers(previous, stored), commune, on)
    answers = current_answers(current, stored)
    after = evaluate(current, answers, commune, on)
    old_binding, new_binding = _binding(before), _binding(after)
    earlier = {question.id for question in previous.questions()}
    earlier |= {new for old, new in current.renamed_questions.items() if old in earlier}
    visible = [question.id for question in visible_questions(current, answers, commune)]
    unanswered = [qid for qid in visible if not (qid in answers and answers[qid].is_answered)]
    return UpdateAccount(
        previous_version=previous.version,
        current_version=current.version,
        obligations_added=[rule_id for rule_id in new_binding if rule_id not in old_binding],
        obligations_removed=[rule_id for rule_id in old_binding if rule_id not in new_binding],
        questions_new=[qid for qid in unanswered if qid not in earlier],
        answers_to_review=[qid for qid in answers_to_review(current, stored) if qid in visible],
    )


def session_account(session: AssessmentSession) -> UpdateAccount | None:
    """The account for a stored assessment answered with an earlier, archived version.

    None when it was answered with the current version, with another questionnaire, or
    with a version that is not archived (then only the version notice is shown).
    """
    record, content = session.record, session.content
    if record.content_id != content.id or record.content_version == content.version:
        return None
    previous = load_archived_content(record.content_version)
    if previous is None:
        return None
    stored = session.store.answers.of(session.assessment_id)
    return account_of_changes(previous, content, stored, session.commune, session.on)


def account_details(account: UpdateAccount, content: Content) -> list[str]:
    """What the counts stand for, one French sentence per kind: titles and question labels."""

    def titles(rule_ids: list[str]) -> str:
        return ", ".join(quoted(rule.title) for rid in rule_ids if (rule := content.rule(rid)))

    def labels(question_ids: list[str]) -> str:
        found = (content.question(qid) for qid in question_ids)
        return ", ".join(quoted(question.label) for question in found if question)

    lines = []
    if account.obligations_added:
        lines.append(f"Ajoutées{NNBSP}: {titles(account.obligations_added)}.")
    if account.obligations_removed:
        lines.append(f"Retirées{NNBSP}: {titles(account.obligations_removed)}.")
    if account.answers_to_review:
        lines.append(
            f"À revoir, car un choix proposé a changé{NNBSP}: {labels(account.answers_to_review)}."
        )
    return lines
