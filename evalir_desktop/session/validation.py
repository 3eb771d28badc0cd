"""What remains open when an assessment is validated: questions without an answer and
« Je ne sais pas », step by step, said in French before the agent confirms (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field

from evalir_desktop.french import counted, quoted
from evalir_desktop.session.session import AssessmentSession


@dataclass(frozen=True)
class OpenPoints:
    """Counts by step title, in the order of the steps."""

    unanswered: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.unanswered or self.unknown)


def open_points(session: AssessmentSession) -> OpenPoints:
    """The questions that apply and have no answer, and the « Je ne sais pas », by step."""
    answers = session.answers
    unanswered: dict[str, int] = {}
    unknown: dict[str, int] = {}
    titles = {axis.id: axis.short_title or axis.title for axis in session.content.axes}
    for question in session.visible_questions():
        answer = answers.get(question.id)
        title = titles[question.axis_id]
        if answer is None or not answer.is_answered:
            unanswered[title] = unanswered.get(title, 0) + 1
        elif answer.unknown:
            unknown[title] = unknown.get(title, 0) + 1
    return OpenPoints(unanswered, unknown)


def _where(counts: dict[str, int]) -> str:
    return ", ".join(f"{title}\u202f: {count}" for title, count in counts.items())


def open_points_text(points: OpenPoints) -> str:
    """« Il reste 3 questions sans réponse (Données : 2, Suivi : 1) et 1 réponse « Je ne
    sais pas » à documenter (Frugalité : 1). » — or '' when nothing remains."""
    parts = []
    if points.unanswered:
        total = sum(points.unanswered.values())
        many = counted(total, "question sans réponse", "questions sans réponse")
        parts.append(f"{many} ({_where(points.unanswered)})")
    if points.unknown:
        total = sum(points.unknown.values())
        dont_know = quoted("Je ne sais pas")
        many = counted(total, f"réponse {dont_know}", f"réponses {dont_know}")
        parts.append(f"{many} à documenter ({_where(points.unknown)})")
    return f"Il reste {' et '.join(parts)}." if parts else ""
