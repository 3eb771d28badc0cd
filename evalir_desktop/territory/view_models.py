"""Pydantic models of the territory views, shared by the window, the PDF and the CSV."""

import unicodedata
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from evalir_desktop.domain.records import AI_TYPE_LABELS

GroupKind = Literal["projet", "type_ia", "fournisseur", "besoin"]
KIND_LABELS = {
    "projet": "Même projet",
    "type_ia": "Même type d'IA",
    "fournisseur": "Même fournisseur",
    "besoin": "Même besoin",
}


def sort_key(text: str) -> str:
    """French alphabetical order: « Écotay » sorts with the E, not after the Z."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return plain.casefold()


def ai_type_label(code: str) -> str:
    return AI_TYPE_LABELS.get(code, code)


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class TownRef(View):
    """A town of the territory."""

    commune_id: str
    nom: str
    insee: str
    label: str = ""  # the name, with the INSEE code when another town has the same name

    @property
    def shown(self) -> str:
        return self.label or self.nom


class AssessmentRow(View):
    """One line of the towns × assessments table."""

    commune_id: str
    commune: str
    insee: str
    population: int | None
    assessment_id: str
    title: str
    template_id: str | None
    template_title: str
    service: str
    ai_type: str
    ai_type_label: str
    supplier: str
    status: str
    status_label: str
    completion: int = Field(description="percentage of applicable questions answered")
    obligation_count: int = Field(description="obligations and prohibitions (binding levels)")
    to_check_count: int = Field(description="points « à vérifier » and points of vigilance")
    obligation_ids: list[str]
    unknown_count: int
    unknown_ids: list[str] = Field(default_factory=list)
    decision: str = Field(description="council outcome code, '' when none recorded")
    decision_label: str
    validated_on: str | None
    updated_at: str


class ObligationCount(View):
    """One obligation (or prohibition, warning) and the towns that face it."""

    id: str
    title: str
    level: str
    level_label: str
    reference: str
    town_count: int
    assessment_count: int
    towns: list[TownRef]


class AxisInfo(View):
    id: str
    title: str
    short_title: str = ""


class TownMaturity(View):
    """Axis maturity of one town: mean of its assessments' scores (None: nothing scored)."""

    town: TownRef
    assessment_count: int
    scores: dict[str, float | None]


class AxisAverage(View):
    """Mean over the towns that have a score on this axis (each town weighs the same)."""

    id: str
    title: str
    average: float | None
    town_count: int


class UnknownCount(View):
    """A question answered « Je ne sais pas » in several assessments."""

    question_id: str
    label: str
    axis_id: str
    role: str
    role_label: str
    assessment_count: int
    town_count: int


class ProjectRef(View):
    """One assessment, by identifier and title."""

    assessment_id: str
    title: str


class GroupMember(View):
    """One town of a group, listed once, with its projects concerned (none when the need
    is the town's own, such as having no data protection officer)."""

    town: TownRef
    projects: list[ProjectRef] = Field(default_factory=list)


class MutualisationGroup(View):
    """Towns that could work together: what they share and what could be shared.

    `members` holds each town of `towns` once, in the same order: the count shown is the
    number of towns listed.
    """

    kind: GroupKind
    kind_label: str
    key: str
    title: str
    explanation: str
    towns: list[TownRef]
    members: list[GroupMember]
    details: list[str] = Field(default_factory=list)

    @property
    def town_count(self) -> int:
        return len(self.towns)


class UpcomingObligation(View):
    """An obligation not yet applicable (or not yet at its final limit), and its towns."""

    id: str
    title: str
    level_label: str
    assessment_count: int
    towns: list[TownRef]


class UpcomingDate(View):
    """One date of the territory's timeline: what becomes applicable, or is due, then."""

    on: date
    kind: Literal["debut", "limite"] = Field(description="start of application, final limit")
    label: str
    months_left: int
    obligations: list[UpcomingObligation]

    @property
    def town_count(self) -> int:
        return len({town.commune_id for ob in self.obligations for town in ob.towns})


class ProductUse(View):
    """One assessment of a product: its town, how many answers it gives about the tool."""

    town: TownRef
    assessment_id: str
    title: str
    product_answers: int
    completion: int
    reused_from: str = Field(default="", description="« dossier d'Écotay, 15/11/2026 » or ''")


class ProductRow(View):
    """A product (supplier and use) with the towns that use it and its shared dossier."""

    key: str
    name: str
    supplier: str
    towns: list[TownRef]
    uses: list[ProductUse]
    dossier: str = Field(description="whether a shared dossier exists, in French")
    has_dossier: bool
    best: ProductUse | None = Field(description="the use with most answers about the tool")


class AbsentRow(View):
    """An assessment the territory shows that its town's latest file no longer holds."""

    assessment_id: str
    title: str
    commune: str
    insee: str
    file_name: str
    since: str = Field(description="when that file was imported, « 01/12/2026 à 15:26 »")


class TownLiteracy(View):
    """One town's AI literacy record as the territory counts it (Art. 4)."""

    commune_id: str
    nom: str
    insee: str
    trainings: int
    people: int
    latest: date | None = None
    agents: bool = False  # a training for agents was recorded
    elus: bool = False  # a training for elected officials was recorded


class LiteracyCount(View):
    """The AI literacy records of the towns of a territory."""

    towns: list[TownLiteracy] = Field(default_factory=list)

    @property
    def trained_towns(self) -> int:
        return sum(1 for town in self.towns if town.trainings)

    @property
    def people(self) -> int:
        return sum(town.people for town in self.towns)

    def summary(self) -> str:
        """« 3 communes sur 5 ont inscrit une formation à l'IA ; 41 personnes formées »."""
        total, trained, people = len(self.towns), self.trained_towns, self.people
        if not total:
            return "Aucune commune dans le territoire."
        towns = f"{trained} commune" + ("s" if trained > 1 else "")
        verb = "ont" if trained > 1 else "a"
        trained_people = f"{people} personne" + ("s formées" if people > 1 else " formée")
        return (
            f"{towns} sur {total} {verb} inscrit au moins une formation à l'IA\u202f; "
            f"{trained_people} en tout."
        )


class Trend(View):
    """The territory's average maturity on one axis, then and now."""

    title: str
    before: float
    after: float


class Evolution(View):
    """What changed in the territory since the last report (or the previous import)."""

    since: str = Field(description="the date compared with, « 1er décembre 2026 »")
    since_what: str = Field(description="« le dernier rapport » or « l'import précédent »")
    new_projects: int
    gone_projects: int
    lifted: int = Field(description="obligations that no longer apply to an assessment")
    new_obligations: int
    trends: list[Trend] = Field(default_factory=list)
    sentence: str


class TerritoryView(View):
    """Everything the territory window and report show, computed once."""

    content_id: str
    content_version: str
    epci: str = Field(default="", description="the intercommunality most towns name")
    towns: list[TownRef]
    rows: list[AssessmentRow]
    obligations: list[ObligationCount]
    axes: list[AxisInfo]
    maturity: list[TownMaturity]
    averages: list[AxisAverage]
    unknowns: list[UnknownCount]
    opportunities: list[MutualisationGroup]
    upcoming: list[UpcomingDate] = Field(default_factory=list)
    products: list[ProductRow] = Field(default_factory=list)
    version_note: str = Field(default="", description="the questionnaire versions used")
    absent: list[AbsentRow] = Field(default_factory=list)
    literacy: LiteracyCount = Field(default_factory=LiteracyCount)
    evolution: Evolution | None = None
