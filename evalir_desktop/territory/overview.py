"""The one call the territory window and report make: every view of a territory file."""

from collections.abc import Sequence
from datetime import datetime

from evalir_desktop.content import Content
from evalir_desktop.french import short_local
from evalir_desktop.store import Store
from evalir_desktop.store.identity import local_moment
from evalir_desktop.territory.aggregate import (
    Evaluated,
    assessment_rows,
    axis_maturity,
    distinct_towns,
    frequent_unknowns,
    load_evaluated,
    main_epci,
    obligation_counts,
    scored_axes,
)
from evalir_desktop.territory.content_versions import version_note
from evalir_desktop.territory.history import evolution_of
from evalir_desktop.territory.literacy import literacy_count
from evalir_desktop.territory.mutualisation import opportunities
from evalir_desktop.territory.products import WrittenDossier, product_rows
from evalir_desktop.territory.timeline import upcoming
from evalir_desktop.territory.view_models import AbsentRow, LiteracyCount, TerritoryView


def written_dossiers(store: Store) -> list[WrittenDossier]:
    """The dossiers the intercommunality wrote from this territory file."""
    return [
        WrittenDossier(
            product_key=entry.product_key,
            assessment_id=entry.assessment_id,
            commune=entry.commune,
            written_on=short_local(datetime.fromisoformat(entry.at)),
        )
        for entry in store.dossiers.written()
    ]


def absent_rows(store: Store) -> list[AbsentRow]:
    """The assessments missing from their town's latest file, for the officer to review."""
    return [
        AbsentRow(
            assessment_id=absent.assessment_id,
            title=absent.title,
            commune=absent.commune,
            insee=absent.insee,
            file_name=absent.file_name,
            since=local_moment(absent.imported_at),
        )
        for absent in store.absences.absent()
    ]


def build_view(
    items: list[Evaluated],
    content: Content,
    written: Sequence[WrittenDossier] = (),
    literacy: LiteracyCount | None = None,
) -> TerritoryView:
    """Every territory view from already evaluated assessments."""
    maturity, averages = axis_maturity(items, content)
    return TerritoryView(
        content_id=content.id,
        content_version=content.version,
        epci=main_epci(items),
        towns=distinct_towns(items),
        rows=assessment_rows(items, content),
        obligations=obligation_counts(items),
        axes=scored_axes(content),
        maturity=maturity,
        averages=averages,
        unknowns=frequent_unknowns(items),
        opportunities=opportunities(items, content),
        upcoming=upcoming(items),
        products=product_rows(items, content, written),
        version_note=version_note(items, content),
        literacy=literacy or LiteracyCount(),
    )


def territory_view(
    store: Store, content: Content | None = None, cache: dict | None = None
) -> TerritoryView:
    """Read and evaluate a territory file, then compute every view (see `load_evaluated`
    for `cache`)."""
    if content is None:
        from evalir_desktop.content import load_content

        content = load_content()
    items = load_evaluated(store, content, cache)
    view = build_view(items, content, written_dossiers(store), literacy_count(store))
    extra = {"absent": absent_rows(store), "evolution": evolution_of(store, items, content)}
    return view.model_copy(update=extra)
