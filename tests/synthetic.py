"""Generate realistic town files (names, INSEE codes, answers) for tests and benchmarks.

Everything goes through the Store API, so the files are exactly what the program
writes. When the assessment content is available, its real question ids, options and
use-case templates are used so that every answer is valid; otherwise a small built-in
catalogue of the same shape stands in.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.store import Store
from tests.synthetic_names import (
    BASES,
    DEPARTMENTS,
    FALLBACK_AI_TYPES,
    FIRST_NAMES,
    FREE_PROJECTS,
    LAST_NAMES,
    OUTCOMES,
    PLAIN,
    ROLES,
    SAINTS,
    SERVICES,
    STATUSES,
    SUFFIXES,
    SUPPLIERS,
)


@dataclass(frozen=True)
class QuestionSpec:
    """The part of a question the generator needs to produce a valid answer."""

    id: str
    type: str
    options: tuple[str, ...] = ()
    exclusive: tuple[str, ...] = ()
    weights: tuple[float, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unknown_allowed: bool = True


@dataclass(frozen=True)
class TemplateSpec:
    id: str
    title: str
    ai_type: str
    service: str
    answers: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Catalogue:
    content_id: str
    content_version: str
    questions: tuple[QuestionSpec, ...]
    templates: tuple[TemplateSpec, ...]


FALLBACK = Catalogue(
    content_id="evalir-synthetique",
    content_version="0",
    questions=tuple(
        QuestionSpec(qid, "oui_non", ("oui", "non"))
        for qid in (
            "contexte.donnees_personnelles",
            "contexte.decision_individuelle",
            "gouvernance.validation_humaine",
            "gouvernance.referent",
            "donnees.aipd",
            "donnees.hebergement_ue",
            "transparence.information_usagers",
            "competences.formation_agents",
            "fournisseur.documentation",
            "fournisseur.reversibilite",
        )
    )
    + (QuestionSpec("gouvernance.maturite", "echelle", minimum=1, maximum=5),),
    templates=(
        TemplateSpec(
            "chatbot_accueil", "Agent conversationnel d'accueil", "texte_generatif", "Accueil"
        ),
        TemplateSpec(
            "transcription_conseil",
            "Transcription des conseils municipaux",
            "voix",
            "Secrétariat",
        ),
        TemplateSpec(
            "cameras_depots", "Caméras contre les dépôts sauvages", "vision", "Police municipale"
        ),
        TemplateSpec(
            "fuites_eau", "Prédiction des fuites d'eau", "prediction", "Eau et assainissement"
        ),
    ),
)


def catalogue_from_content(content) -> Catalogue:
    """Build the catalogue from the real assessment content."""
    questions = tuple(
        QuestionSpec(
            id=q.id,
            type=q.type,
            options=tuple(o.id for o in q.options),
            exclusive=tuple(o.id for o in q.options if o.exclusive),
            weights=tuple(25 + (o.score if o.score is not None else 50) for o in q.options),
            minimum=q.min,
            maximum=q.max,
            unknown_allowed=q.unknown_allowed,
        )
        for q in content.questions()
    )
    templates = tuple(
        TemplateSpec(t.id, t.title, t.ai_type, t.service, dict(t.answers))
        for t in content.templates
    )
    return Catalogue(content.id, content.version, questions, templates)


def default_catalogue() -> Catalogue:
    """The real content when it can be loaded, the built-in catalogue otherwise."""
    try:
        from evalir_desktop.content import load_content

        return catalogue_from_content(load_content())
    except Exception:  # content package or files not available yet
        return FALLBACK


def town_name(index: int, rng: random.Random) -> str:
    saint = rng.choice(SAINTS) + rng.choice(BASES)
    base = rng.choice(PLAIN) if rng.random() < 0.5 else saint
    return f"{base}{rng.choice(SUFFIXES)}" if index % 3 else base


def insee_code(index: int) -> str:
    """A well-formed INSEE code, distinct for each index below 9 990."""
    department = DEPARTMENTS[index % len(DEPARTMENTS)]
    return f"{department}{index // len(DEPARTMENTS) + 1:03d}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def random_answer(spec: QuestionSpec, rng: random.Random, unknown_rate: float) -> Answer:
    if spec.unknown_allowed and rng.random() < unknown_rate:
        return Answer(unknown=True, comment=rng.choice(["", "À demander au fournisseur."]))
    if spec.type in ("oui_non", "choix_unique"):
        return Answer(value=rng.choices(spec.options, weights=spec.weights or None)[0])
    if spec.type == "choix_multiple":
        plain = [o for o in spec.options if o not in spec.exclusive]
        if spec.exclusive and (not plain or rng.random() < 0.7):
            return Answer(value=[rng.choice(spec.exclusive)])  # « aucun », « je n'en ai pas »
        return Answer(value=rng.sample(plain, rng.randint(1, min(3, len(plain)))))
    if spec.type in ("echelle", "nombre"):
        low = int(spec.minimum if spec.minimum is not None else 0)
        high = int(spec.maximum if spec.maximum is not None else max(low, 1000))
        return Answer(value=rng.randint(low, high))
    if spec.type == "texte_court":
        return Answer(value=rng.choice(["Service accueil", "Prestataire local", "Régie"]))
    return Answer(value="Projet étudié en réunion d'équipe ; à présenter au conseil.")


def fill_assessment(
    store: Store,
    assessment_id: str,
    catalogue: Catalogue,
    rng: random.Random,
    *,
    coverage: float,
    unknown_rate: float,
    who: str,
    skip: set[str] | frozenset[str] = frozenset(),
) -> int:
    count = 0
    for spec in catalogue.questions:
        if spec.id in skip or rng.random() > coverage:
            continue
        store.answers.save(assessment_id, spec.id, random_answer(spec, rng, unknown_rate), who)
        count += 1
    return count


def generate_town(
    path: str | Path,
    index: int,
    *,
    assessments: int = 5,
    seed: int = 0,
    catalogue: Catalogue | None = None,
    name: str | None = None,
) -> Path:
    """Write one town file with `assessments` assessments; return its path."""
    rng = random.Random(f"{seed}-{index}")
    catalogue = catalogue or default_catalogue()
    agent = person(rng)
    path = Path(path)
    with Store.create(path, who=agent) as store, store.batch():
        population = rng.choice([180, 420, 950, 1800, 3500, 7200, 15000])
        store.town.save_commune(
            Commune(
                nom=name or town_name(index, rng),
                insee=insee_code(index),
                population=population,
                agents_etp=round(population / rng.randint(80, 160), 1),
                epci_nom="Communauté de communes des Monts du Forez",
                epci_siren="200065886",
                dpd_designe=rng.choice(["oui", "non", "mutualise", "inconnu"]),
                contact_nom=agent,
                contact_email="mairie@example.fr",
                contact_telephone="04 77 00 00 00",
            )
        )
        for _ in range(assessments):
            add_assessment(store, catalogue, rng, agent)
    return path


def add_assessment(store: Store, catalogue: Catalogue, rng: random.Random, agent: str) -> str:
    template = rng.choice(catalogue.templates) if catalogue.templates else None
    use_template = template is not None and rng.random() < 0.8
    ai_type = template.ai_type if use_template else rng.choice(FALLBACK_AI_TYPES)
    title = template.title if use_template else rng.choice(FREE_PROJECTS)
    record = store.assessments.create(
        title,
        content_id=catalogue.content_id,
        content_version=catalogue.content_version,
        template_id=template.id if use_template else None,
        status=rng.choice(STATUSES),
        ai_type=ai_type,
        supplier=rng.choice(SUPPLIERS),
        service=template.service if use_template and template.service else rng.choice(SERVICES),
        description="Évaluation préparée pour le conseil municipal.",
    )
    prefilled = set()
    if use_template:
        for question_id, value in template.answers.items():
            store.answers.save(record.id, question_id, Answer(value=value), agent)
            prefilled.add(question_id)
    fill_assessment(
        store,
        record.id,
        catalogue,
        rng,
        coverage=rng.choice([0.4, 0.7, 0.9, 1.0]),
        unknown_rate=rng.choice([0.0, 0.1, 0.25]),
        who=agent,
        skip=prefilled,
    )
    if rng.random() < 0.5:
        store.plan.add_action(
            record.id,
            "Former les agents concernés",
            owner=rng.choice([agent, "DGS", person(rng)]),
            due_date=date(2027, 1, 1) + timedelta(days=rng.randint(0, 300)),
        )
    if rng.random() < 0.35:
        store.plan.save_decision(
            DecisionRecord(
                assessment_id=record.id,
                validated_by=person(rng),
                validated_role=rng.choice(ROLES),
                validated_on=date(2026, rng.randint(1, 10), rng.randint(1, 28)),
                outcome=rng.choice(OUTCOMES),
                deliberation_number=f"2026-{rng.randint(1, 99):03d}",
            ),
            agent,
        )
    return record.id


def generate_towns(
    folder: str | Path,
    count: int,
    *,
    assessments: int = 5,
    seed: int = 0,
    catalogue: Catalogue | None = None,
) -> list[Path]:
    """Write `count` town files named like real shares into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    catalogue = catalogue or default_catalogue()
    paths = []
    for index in range(count):
        path = folder / f"commune-{index:03d}.evalir"
        paths.append(
            generate_town(path, index, assessments=assessments, seed=seed, catalogue=catalogue)
        )
    return paths
