"""One stored assessment as every screen, document and command reads it (no Qt).

The chain "read the stored answers, move those of renamed questions to their current id,
evaluate with the content and the town profile" is written once, here. The window, the
reports, the command line, the version comparison and the territory all go through it,
so they show the same answers, the same obligations and the same counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from evalir_desktop.assessment import Evaluation, evaluate
from evalir_desktop.content import Content, Question, visible_questions
from evalir_desktop.content.models import is_binding
from evalir_desktop.content.validation import validate_answer
from evalir_desktop.domain.annexes import AttachmentRecord, OpinionRecord, TrainingRecord
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.origin import Origin, parse_origin
from evalir_desktop.domain.records import ActionRecord, AssessmentRecord, DecisionRecord
from evalir_desktop.session.reviews import StepReview, step_reviews
from evalir_desktop.session.steps import Progress, progress
from evalir_desktop.store import Store


def current_answers(content: Content, stored: Mapping[str, Answer]) -> dict[str, Answer]:
    """The answers as the current content reads them: current ids, no retired option.

    A question renamed in a new content version keeps its stored answers: they are read
    under the new id, never rewritten in the file. An answer already stored under the new
    id is newer and wins; the old one then stays under its old id, ignored downstream like
    answers to ids that are neither current nor renamed. An answer that chose an option
    retired since (`[content.retired_options]`) is read without it, so the question is
    asked again; its comment is kept. An answer that does not fit its question is left out.
    """
    result = _renamed(content, stored)
    for question_id in _with_retired(content, result):
        result[question_id] = _without_retired(result[question_id], content, question_id)
    return {
        question_id: answer
        for question_id, answer in result.items()
        if _fits(content.question(question_id), answer)
    }


def answers_to_review(content: Content, stored: Mapping[str, Answer]) -> list[str]:
    """The questions whose stored answer chose an option retired since: to answer again."""
    return _with_retired(content, _renamed(content, stored))


def _renamed(content: Content, stored: Mapping[str, Answer]) -> dict[str, Answer]:
    result = dict(stored)
    for old_id, new_id in content.renamed_questions.items():
        if old_id in result and new_id not in stored:
            result[new_id] = result.pop(old_id)
    return result


def _fits(question: Question | None, answer: Answer) -> bool:
    """An answer read from a file is checked as input is: one of another type (a file
    from elsewhere) is left out rather than trusted by the evaluation."""
    return question is None or validate_answer(question, answer) is None


def _chosen(answer: Answer) -> list:
    return answer.value if isinstance(answer.value, list) else [answer.value]


def _with_retired(content: Content, answers: Mapping[str, Answer]) -> list[str]:
    return [
        question_id
        for question_id, retired in content.retired_options.items()
        if question_id in answers
        and any(option in retired for option in _chosen(answers[question_id]))
    ]


def _without_retired(answer: Answer, content: Content, question_id: str) -> Answer:
    """The answer without its retired options; unanswered when nothing else was chosen."""
    retired = content.retired_options[question_id]
    kept = [option for option in _chosen(answer) if option not in retired]
    value = kept if isinstance(answer.value, list) and kept else None
    return answer.model_copy(update={"value": value})


def evaluate_stored(
    content: Content, stored: Mapping[str, Answer], commune: Commune | None
) -> Evaluation:
    """Evaluate answers as read from a file (renamed questions under their current id)."""
    return evaluate(content, current_answers(content, stored), commune)


@dataclass(frozen=True)
class Summary:
    """What the home list, `evalir info`, the territory and the report count.

    `obligations` counts the binding levels only (interdit and obligation): points to
    check, vigilance points and recommendations are not obligations.
    """

    completion: int
    obligations: int
    unknowns: int
    frozen: bool


def summarize(evaluation: Evaluation, frozen: bool) -> Summary:
    answered = sum(axis.answered for axis in evaluation.axes)
    return Summary(
        completion=evaluation.completion if answered else 0,
        obligations=sum(1 for ob in evaluation.obligations if is_binding(ob.level)),
        unknowns=len(evaluation.unknowns),
        frozen=frozen,
    )


class AssessmentSession:
    """One assessment of an open store: its answers, evaluation, summary and changes.

    What is read from the file is kept until the file changes: every change made through
    the store (by this session or any other) bumps `Store.revision`, and the next read
    reloads and re-evaluates.
    """

    def __init__(self, store: Store, content: Content, assessment_id: str, on: date | None = None):
        self.store = store
        self.content = content
        self.assessment_id = assessment_id
        self.on = on  # the reference date of the evaluation; None: the day it is computed
        self._revision: int | None = None
        self._cache: dict[str, object] = {}

    def _cached(self, key: str, compute):
        if self._revision != self.store.revision:
            self._cache.clear()
            self._revision = self.store.revision
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    # -- what is stored ------------------------------------------------------------

    @property
    def record(self) -> AssessmentRecord:
        return self._cached("record", lambda: self.store.assessments.get(self.assessment_id))

    @property
    def commune(self) -> Commune | None:
        """The town the assessment belongs to (a territory file holds several)."""

        def read() -> Commune | None:
            return (
                self.store.town.commune_by_id(self.record.commune_id) or self.store.town.commune()
            )

        return self._cached("commune", read)

    @property
    def answers(self) -> dict[str, Answer]:
        """The stored answers, under the current question ids."""

        def read() -> dict[str, Answer]:
            return current_answers(self.content, self.store.answers.of(self.assessment_id))

        return self._cached("answers", read)

    @property
    def origins(self) -> dict[str, Origin]:
        """The answers taken from a product dossier and unchanged since, by current id."""

        def read() -> dict[str, Origin]:
            authors = self.store.answers.authors(self.assessment_id)
            found = {}
            for question_id, author in authors.items():
                current = self.content.renamed_questions.get(question_id, question_id)
                origin = parse_origin(author.who)
                if origin is not None and (current == question_id or current not in authors):
                    found[current] = origin
            return {key: origin for key, origin in found.items() if key in self.answers}

        return self._cached("origins", read)

    @property
    def actions(self) -> list[ActionRecord]:
        return self._cached("actions", lambda: self.store.plan.actions(self.assessment_id))

    @property
    def decision(self) -> DecisionRecord | None:
        return self._cached("decision", lambda: self.store.plan.decision(self.assessment_id))

    @property
    def attachments(self) -> list[AttachmentRecord]:
        """The files attached to the assessment or to its questions (not in the trash)."""
        return self._cached("attachments", lambda: self.store.attachments.of(self.assessment_id))

    @property
    def opinions(self) -> list[OpinionRecord]:
        return self._cached("opinions", lambda: self.store.opinions.of(self.assessment_id))

    @property
    def trainings(self) -> list[TrainingRecord]:
        """The AI literacy record of the assessment's town."""
        return self._cached("trainings", lambda: self.store.trainings.of(self.record.commune_id))

    @property
    def frozen(self) -> bool:
        """Validated: the answers and the qualification no longer change."""
        return self.decision is not None and self.decision.is_validated

    # -- what is computed ----------------------------------------------------------

    @property
    def evaluation(self) -> Evaluation:
        def compute() -> Evaluation:
            return evaluate(self.content, self.answers, self.commune, self.on)

        return self._cached("evaluation", compute)

    def summary(self) -> Summary:
        return summarize(self.evaluation, self.frozen)

    def reviews(self) -> list[StepReview]:
        """The reviewers' opinions step by step, with what to revise (`session.reviews`)."""

        def compute() -> list[StepReview]:
            return step_reviews(self.content, self.evaluation, self.opinions)

        return self._cached("reviews", compute)

    def visible_questions(self) -> list[Question]:
        return visible_questions(self.content, self.answers, self.commune)

    def progress(self) -> Progress:
        return progress(self.content, self.answers, self.commune, self.decision, len(self.actions))

    # -- changes -------------------------------------------------------------------

    def save_answer(self, question_id: str, answer: Answer) -> None:
        """Save an answer to a current question (comment included) at once.

        Removing an answer also removes the one stored under a former id of the question;
        otherwise it would come back under the current id. An answer taken from a product
        dossier stays marked as such while only its comment changes.
        """
        if not answer.is_answered and not answer.comment:
            stored = self.store.answers.of(self.assessment_id)
            for old_id, new_id in self.content.renamed_questions.items():
                if new_id == question_id and old_id in stored:
                    self.store.answers.save(self.assessment_id, old_id, answer)
        origin = self.origins.get(question_id)
        before = self.answers.get(question_id)
        kept = (
            origin is not None
            and before is not None
            and answer.is_answered
            and (before.value, before.unknown) == (answer.value, answer.unknown)
        )
        who = origin.tag if kept else None
        self.store.answers.save(self.assessment_id, question_id, answer, who=who)

    def save_value(self, question_id: str, answer: Answer) -> None:
        """Save a new value (or "Je ne sais pas"), keeping the comment already written."""
        current = self.answers.get(question_id)
        comment = current.comment if current else ""
        self.save_answer(question_id, answer.model_copy(update={"comment": comment}))

    def save_comment(self, question_id: str, comment: str) -> None:
        current = self.answers.get(question_id) or Answer()
        self.save_answer(question_id, current.model_copy(update={"comment": comment}))
