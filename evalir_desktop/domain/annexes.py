"""Pydantic models of the rows beside the answers: attachments, reviewers' opinions, trainings."""

from datetime import date
from typing import Literal

from pydantic import Field

from evalir_desktop.domain.records import Record, Stamp, Timestamp

SHA256_PATTERN = r"^[0-9a-f]{64}$"

AttachmentKind = Literal["contrat", "devis", "aipd", "documentation", "deliberation", "autre"]
ATTACHMENT_KIND_LABELS = {
    "contrat": "Contrat",
    "devis": "Devis",
    "aipd": "Analyse d'impact (AIPD)",
    "documentation": "Documentation du fournisseur",
    "deliberation": "Délibération ou compte rendu du conseil",
    "autre": "Autre document",
}
ReviewerRole = Literal["dpd", "dgs", "elu"]
REVIEWER_ROLE_LABELS = {  # one spelling per role: those of content.models.ROLE_LABELS
    "dpd": "Délégué à la protection des données",
    "dgs": "Secrétaire de mairie ou directeur général des services",
    "elu": "Élu",
}
REVIEWER_ROLE_SHORT = {"dpd": "DPD", "dgs": "DGS", "elu": "Élu"}
Verdict = Literal["acceptable", "a_ameliorer", "a_corriger"]
VERDICT_LABELS = {
    "acceptable": "Acceptable",
    "a_ameliorer": "À améliorer",
    "a_corriger": "À corriger",
}
TrainingAudience = Literal["agents", "elus", "agents_et_elus"]
AUDIENCE_LABELS = {
    "agents": "Agents",
    "elus": "Élus",
    "agents_et_elus": "Agents et élus",
}


class AttachmentRecord(Record):
    """A file attached to an assessment ('' question) or to one of its questions; its
    content lives once per SHA-256 in `attachment_blob` and is read only on demand."""

    id: str = Field(min_length=1, max_length=100)
    assessment_id: str = Field(min_length=1, max_length=100)
    question_id: str = Field(default="", max_length=200)
    kind: AttachmentKind = "autre"
    name: str = Field(min_length=1, max_length=255)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=SHA256_PATTERN)
    comment: str = Field(default="", max_length=2_000)
    who: str = Field(default="", max_length=300)
    added_at: Timestamp
    deleted_at: Timestamp | None = None
    updated_at: Timestamp

    @property
    def kind_label(self) -> str:
        return ATTACHMENT_KIND_LABELS[self.kind]


class OpinionRecord(Record):
    """A reviewer's opinion on one step of an assessment: one per role and step."""

    id: str = Field(default="", max_length=100)
    assessment_id: str = Field(min_length=1, max_length=100)
    step_id: str = Field(min_length=1, max_length=200)
    reviewer_role: ReviewerRole
    reviewer_name: str = Field(default="", max_length=300)
    verdict: Verdict
    comment: str = Field(default="", max_length=20_000)
    given_on: date
    updated_at: Stamp = ""

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def role_label(self) -> str:
        return REVIEWER_ROLE_LABELS[self.reviewer_role]


class TrainingRecord(Record):
    """One training of the town's AI literacy record (AI Act Art. 4): what, when, for
    whom, how many people; the names of the people trained are free text."""

    id: str = Field(default="", max_length=100)
    commune_id: str = Field(default="", max_length=100)
    title: str = Field(min_length=1, max_length=300)
    audience: TrainingAudience = "agents"
    held_on: date | None = None
    people: int = Field(default=1, ge=0, le=100_000)
    participants: str = Field(default="", max_length=5_000)
    notes: str = Field(default="", max_length=5_000)
    updated_at: Stamp = ""

    @property
    def audience_label(self) -> str:
        return AUDIENCE_LABELS[self.audience]
