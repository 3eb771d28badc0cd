"""Territory aggregates as pure functions: table, obligations, maturity, unknowns.

`load_evaluated` reads a territory file once and evaluates each assessment with the
engine; every other function here is pure and takes that list, so that the window, the
PDF report and the CSV export show exactly the same figures.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean

from evalir_desktop.assessment import Evaluation
from evalir_desktop.content import Content
from evalir_desktop.content.models import LEVEL_ORDER, is_binding
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.origin import Origin, parse_origin
from evalir_desktop.domain.records import (
    OUTCOME_LABELS,
    STATUS_LABELS,
    AssessmentRecord,
    DecisionRecord,
)
from evalir_desktop.store import Store
from evalir_desktop.territory.evaluations import cache_key, compute
from evalir_desktop.territory.view_models import (
    AssessmentRow,
    AxisAverage,
    AxisInfo,
    ObligationCount,
    TownMaturity,
    TownRef,
    UnknownCount,
    ai_type_label,
    sort_key,
)


@dataclass(frozen=True)
class Evaluated:
    """One assessment of the territory with its town, decision and evaluation; how many
    answers it gives about the tool, and the product dossier it reused, if any."""

    town: TownRef
    commune: Commune
    record: AssessmentRecord
    decision: DecisionRecord | None
    evaluation: Evaluation
    product_answers: int = 0
    product_name: str = ""
    reused: Origin | None = None


def reused_origin(authors: dict) -> Origin | None:
    """The dossier most of an assessment's reused answers come from."""
    origins = Counter(parse_origin(author.who) for author in authors.values())
    origins.pop(None, None)
    return origins.most_common(1)[0][0] if origins else None


def town_labels(towns: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """How each (name, INSEE) is shown: homonyms (three « Sainte-Foy ») carry their INSEE code."""
    counts = Counter(sort_key(name) for name, _insee in set(towns))
    return {
        (name, insee): f"{name} (INSEE {insee})" if counts[sort_key(name)] > 1 else name
        for name, insee in towns
    }


def load_evaluated(store: Store, content: Content, cache: dict | None = None) -> list[Evaluated]:
    """Read every assessment not in the trash and evaluate it; sorted by town, title.

    Each is evaluated with the questionnaire it was answered with when known (see
    `territory.content_versions`), else with `content`.

    `cache` (kept by the caller between calls, see `territory.evaluations`) skips the
    evaluation of assessments whose answers and town profile have not changed since; when
    it holds them all, the answers are not read at all.
    """
    towns: dict[str, tuple[TownRef, Commune, str]] = {}
    rows = store.territory.commune_rows()
    labels = town_labels([(row.nom, row.insee) for row in rows])
    for row in rows:
        label = labels[(row.nom, row.insee)]
        ref = TownRef(commune_id=row.id, nom=row.nom, insee=row.insee, label=label)
        commune = Commune.model_validate(row.model_dump(include=set(Commune.model_fields)))
        towns[row.id] = (ref, commune, row.updated_at)
    records = [record for record in store.assessments.all() if record.commune_id in towns]
    keys = {r.id: cache_key(r, content, towns[r.commune_id][2]) for r in records}
    cache = {} if cache is None else cache
    missing = any(key not in cache for key in keys.values())
    answers = (
        store.territory.all_answers() if missing else {}
    )  # all evaluated before: not read again
    decisions = store.territory.all_decisions()
    reused = store.answers.dossier_authors()
    items = []
    for record in records:
        ref, commune, _commune_at = towns[record.commune_id]
        computed = cache.get(keys[record.id])
        if computed is None:
            computed = compute(record, content, answers.get(record.id, {}), commune)
            cache[keys[record.id]] = computed
        items.append(
            Evaluated(
                ref,
                commune,
                record,
                decisions.get(record.id),
                computed.evaluation,
                computed.product_answers,
                computed.product_name,
                reused_origin(reused.get(record.id, {})),
            )
        )
    items.sort(key=lambda item: (sort_key(item.town.nom), sort_key(item.record.title)))
    return items


def distinct_towns(items: Iterable[Evaluated]) -> list[TownRef]:
    seen: dict[str, TownRef] = {}
    for item in items:
        seen.setdefault(item.town.commune_id, item.town)
    return sorted(seen.values(), key=lambda town: sort_key(town.nom))


def decision_label(decision: DecisionRecord | None) -> str:
    if decision is None:
        return "Pas encore de décision"
    if decision.outcome:
        return OUTCOME_LABELS[decision.outcome]
    return "Validée, en attente du conseil" if decision.is_validated else "Pas encore de décision"


def assessment_rows(items: Iterable[Evaluated], content: Content) -> list[AssessmentRow]:
    """The towns × assessments table, one row per assessment."""
    titles = {template.id: template.title for template in content.templates}
    rows = []
    for item in items:
        record, obligations = item.record, item.evaluation.obligations
        binding = [o for o in obligations if is_binding(o.level)]
        rows.append(
            AssessmentRow(
                commune_id=item.town.commune_id,
                commune=item.town.shown,
                insee=item.town.insee,
                population=item.commune.population,
                assessment_id=record.id,
                title=record.title,
                template_id=record.template_id,
                template_title=titles.get(record.template_id or "", ""),
                service=record.service,
                ai_type=record.ai_type,
                ai_type_label=ai_type_label(record.ai_type),
                supplier=record.supplier,
                status=record.status,
                status_label=STATUS_LABELS[record.status],
                completion=item.evaluation.completion,
                obligation_count=len(binding),
                to_check_count=len(obligations) - len(binding),
                obligation_ids=[o.id for o in obligations],
                unknown_count=len(item.evaluation.unknowns),
                unknown_ids=[unknown.question_id for unknown in item.evaluation.unknowns],
                decision=item.decision.outcome if item.decision else "",
                decision_label=decision_label(item.decision),
                validated_on=(
                    item.decision.validated_on.isoformat()
                    if item.decision and item.decision.validated_on
                    else None
                ),
                updated_at=record.updated_at,
            )
        )
    return rows


def filter_rows(
    rows: Iterable[AssessmentRow],
    *,
    text: str = "",
    status: str | None = None,
    ai_type: str | None = None,
    supplier: str | None = None,
    insee: str | None = None,
) -> list[AssessmentRow]:
    """Rows matching every given filter; `text` searches town, title, supplier, service,
    ignoring case and accents."""
    needle = sort_key(text.strip())
    kept = []
    for row in rows:
        haystack = sort_key(f"{row.commune} {row.title} {row.supplier} {row.service}")
        if needle and needle not in haystack:
            continue
        if status and row.status != status or ai_type is not None and row.ai_type != ai_type:
            continue
        if supplier and sort_key(row.supplier.strip()) != sort_key(supplier.strip()):
            continue
        if insee and row.insee != insee:
            continue
        kept.append(row)
    return kept


def obligation_counts(items: Iterable[Evaluated]) -> list[ObligationCount]:
    """Each obligation met in the territory with its towns; gravest, then most frequent."""
    found: dict[str, list] = {}
    for item in items:
        for obligation in item.evaluation.obligations:
            found.setdefault(obligation.id, [obligation, {}, 0])
            found[obligation.id][1].setdefault(item.town.commune_id, item.town)
            found[obligation.id][2] += 1
    counts = [
        ObligationCount(
            id=obligation.id,
            title=obligation.title,
            level=obligation.level,
            level_label=obligation.level_label,
            reference=obligation.reference,
            town_count=len(towns),
            assessment_count=assessments,
            towns=sorted(towns.values(), key=lambda town: sort_key(town.nom)),
        )
        for obligation, towns, assessments in found.values()
    ]
    return sorted(counts, key=lambda c: (LEVEL_ORDER.get(c.level, 9), -c.town_count, c.id))


def scored_axes(content: Content) -> list[AxisInfo]:
    return [
        AxisInfo(id=axis.id, title=axis.title, short_title=axis.short_title or axis.title)
        for axis in content.axes
        if axis.scored
    ]


def main_epci(items: Iterable[Evaluated]) -> str:
    """The intercommunality named by most towns (towns count once)."""
    names = Counter()
    seen = set()
    for item in items:
        if item.town.commune_id not in seen and item.commune.epci_nom:
            seen.add(item.town.commune_id)
            names[item.commune.epci_nom] += 1
    return names.most_common(1)[0][0] if names else ""


def axis_maturity(
    items: Iterable[Evaluated], content: Content
) -> tuple[list[TownMaturity], list[AxisAverage]]:
    """Per town, the mean axis score of its assessments; then the mean over towns."""
    axes = scored_axes(content)
    per_town: dict[str, tuple[TownRef, list[Evaluation]]] = {}
    for item in items:
        per_town.setdefault(item.town.commune_id, (item.town, []))[1].append(item.evaluation)
    maturity = []
    for town, evaluations in sorted(per_town.values(), key=lambda v: sort_key(v[0].nom)):
        scores = {}
        for axis in axes:
            values = [
                result.score
                for evaluation in evaluations
                if (result := evaluation.axis(axis.id)) is not None and result.score is not None
            ]
            scores[axis.id] = round(fmean(values), 1) if values else None
        maturity.append(TownMaturity(town=town, assessment_count=len(evaluations), scores=scores))
    averages = []
    for axis in axes:
        values = [m.scores[axis.id] for m in maturity if m.scores[axis.id] is not None]
        averages.append(
            AxisAverage(
                id=axis.id,
                title=axis.title,
                average=round(fmean(values), 1) if values else None,
                town_count=len(values),
            )
        )
    return maturity, averages


def frequent_unknowns(items: Iterable[Evaluated], limit: int = 15) -> list[UnknownCount]:
    """Questions most often answered « Je ne sais pas », by towns then assessments."""
    found: dict[str, list] = {}
    for item in items:
        for unknown in item.evaluation.unknowns:
            entry = found.setdefault(unknown.question_id, [unknown, set(), 0])
            entry[1].add(item.town.commune_id)
            entry[2] += 1
    counts = [
        UnknownCount(
            question_id=unknown.question_id,
            label=unknown.label,
            axis_id=unknown.axis_id,
            role=unknown.role,
            role_label=unknown.role_label,
            assessment_count=assessments,
            town_count=len(towns),
        )
        for unknown, towns, assessments in found.values()
    ]
    counts.sort(key=lambda c: (-c.town_count, -c.assessment_count, c.question_id))
    return counts[:limit]
