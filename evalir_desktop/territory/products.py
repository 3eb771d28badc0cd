"""Products of the territory: which towns use each tool, and whether a shared dossier exists.

A product is a supplier and a use: the use-case template when there is one, else the type
of AI (« Docaposte, agent conversationnel de l'accueil »). Its shared dossier exists when
the intercommunality wrote one (recorded in the territory file) or when a town's
assessment reused one (its answers carry the dossier's origin). The dossier to write is
the one of the most complete assessment: the most answers about the tool, then the most
complete overall, then the most recent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from evalir_desktop.content import Content
from evalir_desktop.domain.records import AssessmentRecord
from evalir_desktop.territory.aggregate import Evaluated
from evalir_desktop.territory.mutualisation import normalise
from evalir_desktop.territory.view_models import ProductRow, ProductUse, ai_type_label, sort_key


@dataclass(frozen=True)
class WrittenDossier:
    """A dossier the intercommunality wrote from this territory file."""

    product_key: str
    assessment_id: str
    commune: str
    written_on: str  # dd/mm/yyyy


def product_key(record: AssessmentRecord) -> str:
    """« docaposte|agent_conversationnel_accueil »; '' when no supplier is named."""
    supplier = normalise(record.supplier)
    if not supplier:
        return ""
    use = record.template_id or f"type:{record.ai_type or 'autre'}"
    return f"{supplier}|{use}"


def _name(members: list[Evaluated], content: Content) -> str:
    named = Counter(m.product_name for m in members if m.product_name)
    if named:
        return named.most_common(1)[0][0]
    template = content.template(members[0].record.template_id or "")
    if template is not None:
        return template.title
    return f"{ai_type_label(members[0].record.ai_type)} — {members[0].record.supplier.strip()}"


def _use(item: Evaluated) -> ProductUse:
    return ProductUse(
        town=item.town,
        assessment_id=item.record.id,
        title=item.record.title,
        product_answers=item.product_answers,
        completion=item.evaluation.completion,
        reused_from=item.reused.dossier if item.reused else "",
    )


def _dossier_state(members: list[Evaluated], written: list[WrittenDossier]) -> tuple[str, bool]:
    """The French sentence saying whether a dossier exists, and whether one does."""
    parts = []
    if written:
        last = written[-1]
        parts.append(f"écrit par l'intercommunalité le {last.written_on} ({last.commune})")
    reused = Counter(m.reused.dossier for m in members if m.reused is not None)
    for dossier, count in sorted(reused.items()):
        towns = "une commune" if count == 1 else f"{count} communes"
        parts.append(f"{dossier}, repris par {towns}")
    if not parts:
        return "Aucun dossier partagé", False
    return "Oui\u202f: " + "\u202f; ".join(parts), True


def most_complete(members: list[Evaluated]) -> Evaluated:
    return max(
        members,
        key=lambda m: (m.product_answers, m.evaluation.completion, m.record.updated_at),
    )


def product_rows(
    items: Iterable[Evaluated], content: Content, written: Iterable[WrittenDossier] = ()
) -> list[ProductRow]:
    """Every product named in the territory, those used by most towns first."""
    groups: dict[str, list[Evaluated]] = {}
    for item in items:
        key = product_key(item.record)
        if key:
            groups.setdefault(key, []).append(item)
    by_key: dict[str, list[WrittenDossier]] = {}
    for dossier in written:
        by_key.setdefault(dossier.product_key, []).append(dossier)
    rows = []
    for key, members in groups.items():
        towns = {m.town.commune_id: m.town for m in members}
        best = most_complete(members)
        state, exists = _dossier_state(members, by_key.get(key, []))
        rows.append(
            ProductRow(
                key=key,
                name=_name(members, content),
                supplier=Counter(m.record.supplier.strip() for m in members).most_common(1)[0][0],
                towns=sorted(towns.values(), key=lambda town: sort_key(town.nom)),
                uses=[_use(m) for m in members],
                dossier=state,
                has_dossier=exists,
                best=_use(best) if best.product_answers else None,
            )
        )
    return sorted(rows, key=lambda r: (-len(r.towns), sort_key(r.supplier), sort_key(r.name)))
