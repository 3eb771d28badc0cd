"""Reviewers' opinions step by step: which steps are to correct and what to revise (no Qt).

A reviewer (DPD, DGS, élu) says of one step « acceptable », « à améliorer » or « à
corriger », with a comment. A step is marked « à corriger » as long as one reviewer's
current opinion says so; what to revise lists that reviewer's comment, then the answers
of the step that lower its maturity and those still unknown. The window, the reports,
`evalir evaluate --json` and the version comparison all read them from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evalir_desktop.assessment import Evaluation
from evalir_desktop.assessment.compare import OpinionChange
from evalir_desktop.content import Content
from evalir_desktop.domain.annexes import (
    REVIEWER_ROLE_SHORT,
    VERDICT_LABELS,
    OpinionRecord,
)
from evalir_desktop.french import NNBSP, french_date
from evalir_desktop.session.steps import steps

SEVERITY = {"acceptable": 0, "a_ameliorer": 1, "a_corriger": 2}
NO_OPINION = "Pas d'avis"


@dataclass(frozen=True)
class StepReview:
    """The current opinions on one step, and what to revise when one says « à corriger »."""

    step_id: str
    title: str
    opinions: tuple[OpinionRecord, ...]
    to_revise: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        """The strictest current opinion: one « à corriger » marks the step."""
        return max((o.verdict for o in self.opinions), key=SEVERITY.__getitem__)

    @property
    def to_correct(self) -> bool:
        return self.verdict == "a_corriger"

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]


def opinion_line(opinion: OpinionRecord) -> str:
    """« DPD (Jon Etxeberria), le 18 novembre 2026 : À corriger »."""
    who = REVIEWER_ROLE_SHORT[opinion.reviewer_role]
    if opinion.reviewer_name:
        who += f" ({opinion.reviewer_name})"
    return f"{who}, le {french_date(opinion.given_on)}{NNBSP}: {opinion.verdict_label}"


def revise_items(step_id: str, opinions: Sequence[OpinionRecord], evaluation: Evaluation):
    """What to revise on a step to correct: the reviewers' comments, then the answers
    that lower the step's maturity, then its unknowns."""
    items = [
        f"{REVIEWER_ROLE_SHORT[o.reviewer_role]}{NNBSP}: {' '.join(o.comment.split())}"
        for o in opinions
        if o.verdict == "a_corriger" and o.comment.strip()
    ]
    axis = evaluation.axis(step_id)
    if axis is not None:
        items += [f"Réponse à revoir{NNBSP}: {low.label} ({low.display})" for low in axis.lowering]
    items += [
        f"À documenter{NNBSP}: {item.label}"
        for item in evaluation.unknowns
        if item.axis_id == step_id
    ]
    return tuple(items)


def step_reviews(
    content: Content, evaluation: Evaluation, opinions: Sequence[OpinionRecord]
) -> list[StepReview]:
    """One review per step that has opinions, in the order of the steps; opinions on a
    step the questionnaire no longer has come last, under their id."""
    by_step: dict[str, list[OpinionRecord]] = {}
    for opinion in opinions:
        by_step.setdefault(opinion.step_id, []).append(opinion)
    titles = {step.id: step.title for step in steps(content)}
    order = [*titles, *sorted(set(by_step) - set(titles))]
    reviews = []
    for step_id in order:
        mine = by_step.get(step_id)
        if not mine:
            continue
        review = StepReview(step_id, titles.get(step_id, step_id), tuple(mine))
        if review.to_correct:
            review = StepReview(
                review.step_id,
                review.title,
                review.opinions,
                revise_items(step_id, mine, evaluation),
            )
        reviews.append(review)
    return reviews


def steps_to_correct(reviews: Sequence[StepReview]) -> list[StepReview]:
    return [review for review in reviews if review.to_correct]


def reviews_json(reviews: Sequence[StepReview]) -> list[dict]:
    """The opinions for `evalir evaluate --json`, step by step."""
    return [
        {
            "etape": review.step_id,
            "titre": review.title,
            "avis_le_plus_strict": review.verdict,
            "a_corriger": review.to_correct,
            "a_revoir": list(review.to_revise),
            "avis": [
                {
                    "relecteur": opinion.reviewer_role,
                    "nom": opinion.reviewer_name,
                    "avis": opinion.verdict,
                    "commentaire": opinion.comment,
                    "date": opinion.given_on.isoformat(),
                }
                for opinion in review.opinions
            ],
        }
        for review in reviews
    ]


def compare_opinions(
    content: Content, before: Sequence[OpinionRecord], after: Sequence[OpinionRecord]
) -> list[OpinionChange]:
    """Opinions given, withdrawn or changed from one version to the next, step by step
    and reviewer by reviewer (a changed comment alone counts as a change)."""
    old = {(o.step_id, o.reviewer_role): o for o in before}
    new = {(o.step_id, o.reviewer_role): o for o in after}
    titles = {step.id: step.title for step in steps(content)}
    rank = {step_id: index for index, step_id in enumerate(titles)}
    keys = sorted(set(old) | set(new), key=lambda key: (rank.get(key[0], len(rank)), key))
    changes = []
    for key in keys:
        was, now = old.get(key), new.get(key)
        if was and now and (was.verdict, was.comment) == (now.verdict, now.comment):
            continue
        changes.append(
            OpinionChange(
                step_id=key[0],
                title=titles.get(key[0], key[0]),
                reviewer=REVIEWER_ROLE_SHORT[key[1]],
                before=was.verdict_label if was else NO_OPINION,
                after=now.verdict_label if now else NO_OPINION,
                comment=now.comment if now else "",
            )
        )
    return changes
