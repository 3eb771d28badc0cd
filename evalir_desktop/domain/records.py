"""Pydantic models of the rows that enter or leave a `.evalir` file."""

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from evalir_desktop.domain.values import check_timestamp

AssessmentStatus = Literal["idee", "pilote", "en_service", "arrete"]
STATUS_LABELS = {
    "idee": "Idée",
    "pilote": "Expérimentation",
    "en_service": "En service",
    "arrete": "Arrêté",
}
ActionStatus = Literal["a_faire", "en_cours", "fait", "abandonne"]
ACTION_STATUS_LABELS = {
    "a_faire": "À faire",
    "en_cours": "En cours",
    "fait": "Fait",
    "abandonne": "Abandonné",
}
ActionPriority = Literal[1, 2, 3]
ACTION_PRIORITY_LABELS = {1: "Haute", 2: "Moyenne", 3: "Basse"}
DecisionOutcome = Literal["", "engager", "engager_sous_conditions", "reporter", "renoncer"]
OUTCOME_LABELS = {
    "engager": "Engager le projet",
    "engager_sous_conditions": "Engager le projet sous conditions",
    "reporter": "Reporter la décision",
    "renoncer": "Renoncer au projet",
}
NO_OUTCOME_LABEL = "Pas encore décidé"
Role = Literal["commune", "territory"]
SourceOutcome = Literal["merged", "replaced", "kept_current", "not_imported"]

AI_TYPE_LABELS = {
    "": "Non précisé",
    "texte_generatif": "Texte généré (IA générative)",
    "voix": "Parole (transcription, synthèse vocale)",
    "vision": "Image et vidéo (vision)",
    "prediction": "Prévision",
    "classement": "Classement ou notation",
    "autre": "Autre",
}


Timestamp = Annotated[str, Field(max_length=40), AfterValidator(check_timestamp)]
Stamp = Annotated[  # a timestamp not yet given: filled when the row is saved
    str, Field(max_length=40), AfterValidator(lambda text: text and check_timestamp(text))
]


class Record(BaseModel):
    """A row read from a file: unknown columns (a newer program's) are ignored."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class AssessmentRecord(Record):
    id: str
    commune_id: str
    title: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=20_000)
    service: str = Field(default="", max_length=300)
    status: AssessmentStatus = "idee"
    ai_type: str = Field(default="", max_length=100)
    supplier: str = Field(default="", max_length=300)
    template_id: str | None = None
    content_id: str
    content_version: str
    last_step: str | None = None
    previous_version_id: str | None = None
    version_number: int = Field(default=1, ge=1)
    created_at: Timestamp
    updated_at: Timestamp
    deleted_at: Timestamp | None = None


class ActionRecord(Record):
    id: str
    assessment_id: str
    title: str = Field(min_length=1, max_length=2_000)
    axis_id: str = ""
    owner: str = Field(default="", max_length=300)
    due_date: date | None = None
    priority: ActionPriority = 2
    status: ActionStatus = "a_faire"
    recommendation_id: str | None = None
    note: str = Field(default="", max_length=5_000)  # follow-up note (since schema v4)
    updated_at: Stamp = ""


class DecisionRecord(Record):
    id: str = ""
    assessment_id: str
    validated_by: str = Field(default="", max_length=300)
    validated_role: str = Field(default="", max_length=300)
    validated_on: date | None = None
    council_date: date | None = None
    deliberation_number: str = Field(default="", max_length=100)
    outcome: DecisionOutcome = ""
    text: str = Field(default="", max_length=20_000)
    updated_at: Stamp = ""

    @property
    def is_validated(self) -> bool:
        return self.validated_on is not None


class HistoryEntry(Record):
    id: int
    at: str
    who: str
    assessment_id: str | None
    entity: str
    entity_id: str
    change: str


class SourceRecord(Record):
    id: str
    file_name: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    commune_insee: str = ""
    imported_at: str
    program_version: str = ""
    schema_version: int
    town_id: str = ""  # the identity the file carried ('' for a file older than it)
    shared_at: str = ""  # when the town made the copy
    outcome: SourceOutcome = "merged"


class AssessmentRef(BaseModel):
    """An assessment named in a report: its UUID and title."""

    id: str
    title: str


class DossierEntry(BaseModel):
    """One dossier written: for which product, from which assessment, when, which file."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    product_key: str = Field(min_length=1, max_length=700)
    assessment_id: str = Field(min_length=1, max_length=100)
    commune: str = Field(default="", max_length=200)
    file_name: str = Field(default="", max_length=300)
    at: Timestamp


class AbsentAssessment(BaseModel):
    """An assessment missing from the latest file merged for its town."""

    model_config = ConfigDict(frozen=True)

    assessment_id: str
    title: str
    commune: str
    insee: str
    file_name: str
    imported_at: str
