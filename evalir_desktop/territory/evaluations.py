"""One evaluation per assessment of the territory, kept between reads while nothing changes.

An assessment is evaluated with the questionnaire it was answered with (see
`territory.content_versions`), its answers and its town's profile; the result is kept
under a key naming all three, so that a later read reuses it. An import fills the cache
from the town files it has just read and merged, so that keeping the territory's
snapshot does not read every answer back from the file.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from evalir_desktop.assessment import Evaluation
from evalir_desktop.content import Content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.origin import PRODUCT_NAME_QUESTION
from evalir_desktop.domain.records import AssessmentRecord
from evalir_desktop.session.session import evaluate_stored
from evalir_desktop.store import Store
from evalir_desktop.store.town_file import TownFile
from evalir_desktop.territory.content_versions import content_for


@dataclass(frozen=True)
class Computed:
    """What the territory computes once per assessment."""

    evaluation: Evaluation
    product_answers: int
    product_name: str


def count_product_answers(content: Content, answers: dict[str, Answer]) -> int:
    return sum(
        1
        for question_id, answer in answers.items()
        if (question := content.question(question_id)) is not None
        and question.product
        and not answer.unknown
        and answer.is_answered
    )


def named_product(answers: dict[str, Answer]) -> str:
    """The name of the product as the town wrote it (« Quel est le nom… ? »), or ''."""
    answer = answers.get(PRODUCT_NAME_QUESTION)
    if answer is None or answer.unknown or not isinstance(answer.value, str):
        return ""
    return answer.value.strip()[:300]


def cache_key(record: AssessmentRecord, installed: Content, commune_at: str) -> tuple:
    used = content_for(record, installed)
    return (used.id, used.version, record.id, record.updated_at, commune_at)


def compute(
    record: AssessmentRecord,
    installed: Content,
    answers: dict[str, Answer],
    commune: Commune | None,
) -> Computed:
    evaluation = evaluate_stored(content_for(record, installed), answers, commune)
    return Computed(evaluation, count_product_answers(installed, answers), named_product(answers))


def evaluate_town(
    installed: Content, town: TownFile, skip: set, commune_at: str, commune: Commune
) -> dict[tuple, Computed]:
    """Evaluate the assessments of a town file read in memory (but those in `skip`), as the
    territory holds them: under its profile `commune`, dated `commune_at`. Pure: runs in a
    helper thread."""
    found = {}
    for record in town.assessments:
        if record.id in skip or record.deleted_at is not None:
            continue
        answers = {row.question_id: row.answer() for row in town.answers.get(record.id, [])}
        found[cache_key(record, installed, commune_at)] = compute(
            record, installed, answers, commune
        )
    return found


class Prefill:
    """Evaluates each town file just merged in a helper thread, while the main thread
    merges the next ones (SQLite lets the other thread run while it writes)."""

    def __init__(self, cache: dict, store: Store, installed: Content):
        self.cache, self.store, self.installed = cache, store, installed
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evalir-evaluation")
        self.futures: list[Future] = []

    def merged(self, town: TownFile, skip: set) -> None:
        """A file was merged: evaluate its assessments (but `skip`, not the file's data)."""
        found = self.store.territory.commune_stamp(
            town.commune.insee
        )  # read here: SQL stays in this thread
        if found is not None:
            commune_at, commune = found
            self.futures.append(
                self.pool.submit(evaluate_town, self.installed, town, skip, commune_at, commune)
            )

    def finish(self) -> None:
        """Wait for the evaluations and keep them in the cache."""
        try:
            for future in self.futures:
                self.cache.update(future.result())
        finally:
            self.pool.shutdown(cancel_futures=True)
