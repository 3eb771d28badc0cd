"""The summaries of many assessments at once, with one query per kind of row (no Qt).

The home list shows a summary per assessment; reading each assessment's answers on its
own would cost one query per row. Here a batch of assessments is read in one query for
the answers and one for the validations, then each is evaluated as `AssessmentSession`
does (same answers under the current ids, same evaluation, same counts).
"""

from evalir_desktop.assessment import evaluate
from evalir_desktop.content import Content
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import AssessmentRecord
from evalir_desktop.session.session import Summary, current_answers, summarize
from evalir_desktop.store import Store


def summaries(
    store: Store, content: Content, records: list[AssessmentRecord]
) -> dict[str, Summary]:
    """The summary of each of `records`, by assessment id."""
    ids = [record.id for record in records]
    answers = store.answers.of_many(ids)
    validated = store.plan.validated_of(ids)
    towns: dict[str, Commune | None] = {}
    found = {}
    for record in records:
        if record.commune_id not in towns:
            towns[record.commune_id] = (
                store.town.commune_by_id(record.commune_id) or store.town.commune()
            )
        evaluation = evaluate(
            content, current_answers(content, answers[record.id]), towns[record.commune_id]
        )
        found[record.id] = summarize(evaluation, record.id in validated)
    return found
