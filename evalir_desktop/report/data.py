"""Everything one report prints, read once from the store and evaluated by the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from evalir_desktop.assessment import Evaluation
from evalir_desktop.content import Content, Question, load_content, visible_questions
from evalir_desktop.domain.annexes import AttachmentRecord, TrainingRecord
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import (
    STATUS_LABELS,
    ActionRecord,
    AssessmentRecord,
    DecisionRecord,
)
from evalir_desktop.report.document import PageInfo
from evalir_desktop.report.fingerprint import fingerprint
from evalir_desktop.report.typography import fr_date
from evalir_desktop.session.reviews import StepReview
from evalir_desktop.session.session import AssessmentSession, Summary, summarize

UNNAMED_TOWN = "Commune (profil non renseigné)"


@dataclass(frozen=True)
class ReportData:
    """An assessment with its town, answers, actions, decision and evaluation."""

    assessment: AssessmentRecord
    commune: Commune | None
    answers: dict[str, Answer]
    actions: list[ActionRecord]
    decision: DecisionRecord | None
    content: Content
    evaluation: Evaluation
    printed_on: date = field(default_factory=date.today)
    origins: dict[str, str] = field(default_factory=dict)  # question id -> « Repris du… »
    attachments: list[AttachmentRecord] = field(default_factory=list)
    reviews: list[StepReview] = field(default_factory=list)
    trainings: list[TrainingRecord] = field(default_factory=list)  # the town's (Art. 4)

    @property
    def town(self) -> str:
        return self.commune.nom if self.commune else UNNAMED_TOWN

    @property
    def project(self) -> str:
        return self.assessment.title

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.assessment.status, self.assessment.status)

    @cached_property
    def fingerprint(self) -> str:
        extra = {
            "attachments": sorted(f"{a.sha256} {a.question_id} {a.name}" for a in self.attachments),
            "opinions": sorted(
                f"{o.step_id} {o.reviewer_role} {o.verdict} {o.given_on} {o.comment}"
                for review in self.reviews
                for o in review.opinions
            ),
        }
        return fingerprint(
            self.assessment, self.answers, self.actions, self.decision, self.commune, extra=extra
        )

    @property
    def date_label(self) -> str:
        return fr_date(self.printed_on)

    def page_info(self, document: str, cover: bool = False) -> PageInfo:
        """What the header and footer of every page of `document` repeat."""
        return PageInfo(
            town=self.town,
            project=self.project,
            printed_on=self.date_label,
            fingerprint=self.fingerprint,
            content_version=self.content.version,
            document=document,
            cover=cover,
        )

    def summary(self) -> Summary:
        return summarize(self.evaluation, self.decision is not None and self.decision.is_validated)

    def visible_questions(self) -> list[Question]:
        return visible_questions(self.content, self.answers, self.commune)

    def axis_labels(self) -> dict[str, str]:
        return {axis.id: axis.short_title or axis.title for axis in self.content.axes}

    def axis_title(self, axis_id: str) -> str:
        axis = self.content.axis(axis_id)
        return axis.title if axis else axis_id

    def text_answer(self, question_id: str) -> str:
        """The answer to a text question, or "" (unknown and empty answers included)."""
        answer = self.answers.get(question_id)
        if answer is None or answer.unknown or not isinstance(answer.value, str):
            return ""
        return answer.value.strip()


def report_data(
    store, assessment_id: str, content: Content | None = None, today: date | None = None
) -> ReportData:
    """Read one assessment from an open Store and evaluate it with the given content, on
    the day the report is printed (`today`)."""
    return session_report_data(
        AssessmentSession(store, content or load_content(), assessment_id, today), today
    )


def session_report_data(session: AssessmentSession, today: date | None = None) -> ReportData:
    """What a report prints of an assessment, as its session reads and evaluates it."""
    return ReportData(
        assessment=session.record,
        commune=session.commune,
        answers=session.answers,
        actions=session.actions,
        decision=session.decision,
        content=session.content,
        evaluation=session.evaluation,
        printed_on=today or date.today(),
        origins={qid: origin.label for qid, origin in session.origins.items()},
        attachments=session.attachments,
        reviews=session.reviews(),
        trainings=session.trainings,
    )
