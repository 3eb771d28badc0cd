"""Mutualisation opportunities: towns with the same project, AI type, supplier or need.

Each group holds at least two towns and says, in French, what they could share. Needs
are read from the evaluation (obligations, recommendations) and the town profile, by
stable content ids; an id the content no longer has simply yields no group.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from evalir_desktop.content import Content
from evalir_desktop.territory.aggregate import Evaluated
from evalir_desktop.territory.view_models import (
    KIND_LABELS,
    GroupKind,
    GroupMember,
    MutualisationGroup,
    ProjectRef,
    TownRef,
    ai_type_label,
    sort_key,
)

MIN_TOWNS = 2
GENERIC_NEEDS = 5


@dataclass(frozen=True)
class Need:
    """An unmet need that the intercommunality can meet once for several towns."""

    key: str
    title: str
    explanation: str
    applies: Callable[[Evaluated], bool]
    per_town: bool = False


def _recommended(item: Evaluated, prefixes: tuple[str, ...]) -> bool:
    return any(r.question_id.startswith(prefixes) for r in item.evaluation.recommendations)


def _obliged(item: Evaluated, rule_id: str) -> bool:
    return rule_id in item.evaluation.obligation_ids()


NEEDS = [
    Need(
        "dpd",
        "Pas de délégué à la protection des données",
        "Ces communes n'ont pas de délégué à la protection des données (DPD) désigné, ou "
        "ne savent pas si elles en ont un. Un DPD mutualisé (intercommunalité, centre de "
        "gestion) couvrirait toutes ces communes pour un coût partagé.",
        lambda item: (
            item.commune.dpd_designe in ("non", "inconnu") or _obliged(item, "rgpd.dpd_absent")
        ),
        per_town=True,
    ),
    Need(
        "formation",
        "Former les agents et les élus à l'IA",
        "Dans ces communes, les agents ou les élus ne sont pas (ou pas tous) formés aux "
        "limites de l'IA, ce que le règlement européen exige. Une formation organisée par "
        "l'intercommunalité pour toutes ces communes à la fois coûte moins cher et crée "
        "un réseau d'entraide.",
        lambda item: _recommended(
            item, ("competences.formation_agents", "competences.sensibilisation_elus")
        ),
    ),
    Need(
        "expertise",
        "Manque de compétences ou de temps pour piloter le projet",
        "Ces communes manquent de compétences techniques ou juridiques, ou de temps, pour "
        "piloter leur projet. Un référent IA ou un chargé de mission partagé à "
        "l'intercommunalité pourrait les accompagner toutes.",
        lambda item: _recommended(item, ("competences.expertise", "competences.temps_projet")),
    ),
    Need(
        "aipd",
        "Analyse d'impact sur la protection des données à mener",
        "Ces projets exigent une analyse d'impact (AIPD). Une méthode et un modèle communs, "
        "relus par un DPD mutualisé, évitent à chaque commune de repartir de zéro.",
        lambda item: _obliged(item, "rgpd.aipd"),
    ),
]
COVERED_PREFIXES = (
    "competences.formation_agents",
    "competences.sensibilisation_elus",
    "competences.expertise",
    "competences.temps_projet",
)


def normalise(text: str) -> str:
    """A grouping key for free text: no accents, no case, single spaces."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", " ", plain.casefold()).strip()


def _group(
    kind: GroupKind,
    key: str,
    title: str,
    explanation: str,
    items: list[Evaluated],
    *,
    per_town: bool = False,
    details: list[str] | None = None,
) -> MutualisationGroup | None:
    towns: dict[str, TownRef] = {}
    projects: dict[str, dict[str, ProjectRef]] = {}
    for item in items:
        towns.setdefault(item.town.commune_id, item.town)
        mine = projects.setdefault(item.town.commune_id, {})
        if not per_town:
            mine.setdefault(
                item.record.id, ProjectRef(assessment_id=item.record.id, title=item.record.title)
            )
    if len(towns) < MIN_TOWNS:
        return None
    ordered = sorted(towns.values(), key=lambda town: sort_key(town.nom))
    members = [
        GroupMember(town=town, projects=list(projects[town.commune_id].values()))
        for town in ordered
    ]
    return MutualisationGroup(
        kind=kind,
        kind_label=KIND_LABELS[kind],
        key=key,
        title=title,
        explanation=explanation.replace("{n}", str(len(towns))),
        towns=ordered,
        members=members,
        details=details or [],
    )


def _by(items: Iterable[Evaluated], key: Callable[[Evaluated], str]) -> dict[str, list]:
    groups: dict[str, list[Evaluated]] = {}
    for item in items:
        value = key(item)
        if value:
            groups.setdefault(value, []).append(item)
    return groups


def project_groups(items: list[Evaluated], content: Content) -> list[MutualisationGroup]:
    """The same use-case template, or the same kind of project without template."""
    titles = {template.id: template.title for template in content.templates}
    groups = []
    keyed = _by(items, lambda i: i.record.template_id or f"titre:{normalise(i.record.title)}")
    for key, members in keyed.items():
        title = titles.get(key) or members[0].record.title
        group = _group(
            "projet",
            key,
            title,
            "{n} communes mènent ou étudient le même projet. Elles peuvent rédiger un "
            "cahier des charges commun, partager l'évaluation (analyse d'impact, information "
            "des habitants) et passer un groupement de commandes pour obtenir de meilleures "
            "conditions.",
            members,
        )
        groups.append(group)
    return [g for g in groups if g]


def ai_type_groups(items: list[Evaluated], taken: list[set[str]]) -> list[MutualisationGroup]:
    """The same type of AI, unless a project group already gathers the same towns."""
    groups = []
    for key, members in _by(items, lambda i: i.record.ai_type).items():
        if key == "autre":
            continue
        towns = {item.town.commune_id for item in members}
        if towns in taken:
            continue
        group = _group(
            "type_ia",
            key,
            ai_type_label(key),
            "{n} communes utilisent le même type d'IA. Elles peuvent suivre une même "
            "formation, adopter des règles d'usage communes et partager leurs retours "
            "d'expérience (erreurs constatées, bonnes pratiques).",
            members,
        )
        groups.append(group)
    return [g for g in groups if g]


def supplier_groups(items: list[Evaluated]) -> list[MutualisationGroup]:
    """The same supplier; details list what these towns could not answer about it."""
    groups = []
    for key, members in _by(items, lambda i: normalise(i.record.supplier)).items():
        questions: dict[str, str] = {}
        for item in members:
            for unknown in item.evaluation.unknowns:
                if unknown.role == "fournisseur":
                    questions.setdefault(unknown.question_id, unknown.label)
        name = members[0].record.supplier.strip()
        explanation = (
            "{n} communes travaillent avec le même fournisseur. Elles peuvent négocier "
            "ensemble les clauses du contrat (données, hébergement, réversibilité, "
            "documentation) et lui poser leurs questions en une seule fois."
        )
        if len(questions) == 1:
            explanation += " Une question reste sans réponse\u202f: voir la liste."
        elif questions:
            explanation += f" {len(questions)} questions restent sans réponse\u202f: voir la liste."
        group = _group(
            "fournisseur", key, name, explanation, members, details=list(questions.values())
        )
        groups.append(group)
    return [g for g in groups if g]


def need_groups(items: list[Evaluated]) -> list[MutualisationGroup]:
    """Curated unmet needs, then the most shared high-priority recommendations."""
    groups = []
    for need in NEEDS:
        members = [item for item in items if need.applies(item)]
        group = _group(
            "besoin", need.key, need.title, need.explanation, members, per_town=need.per_town
        )
        groups.append(group)
    shared: dict[str, dict[str, Evaluated]] = {}  # recommendation -> assessment id -> item
    texts = {}
    for item in items:
        for rec in item.evaluation.recommendations:
            if rec.priority == "haute" and not rec.question_id.startswith(COVERED_PREFIXES):
                shared.setdefault(rec.id, {}).setdefault(item.record.id, item)
                texts[rec.id] = rec
    generic = []
    for rec_id, by_assessment in shared.items():
        members = list(by_assessment.values())
        rec = texts[rec_id]
        explanation = (
            "{n} communes ont reçu la même recommandation prioritaire. Elle peut être "
            f"traitée une seule fois à l'échelle de l'intercommunalité. Pourquoi : {rec.why}"
        )
        generic.append(_group("besoin", rec_id, rec.text, explanation, members))
    generic = sorted((g for g in generic if g), key=lambda g: -g.town_count)
    return [g for g in groups if g] + generic[:GENERIC_NEEDS]


def opportunities(items: list[Evaluated], content: Content) -> list[MutualisationGroup]:
    """Every group of at least two towns, the largest first within each kind."""
    projects = project_groups(items, content)
    taken = [{town.commune_id for town in group.towns} for group in projects]
    result = []
    for groups in (projects, ai_type_groups(items, taken), supplier_groups(items)):
        result += sorted(groups, key=lambda g: (-g.town_count, sort_key(g.title)))
    result += sorted(need_groups(items), key=lambda g: -g.town_count)
    return result
