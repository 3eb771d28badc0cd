"""What the officer is shown when a town file conflicts with what the territory holds:
both sides summarised, and the reason in French."""

from typing import Literal

from pydantic import BaseModel, Field


class AssessmentLine(BaseModel):
    """One assessment of a town, as a conflict summary names it."""

    id: str
    title: str
    updated_at: str


class TownSummary(BaseModel):
    """One side of a conflict: the territory's data for a town, or the received file."""

    file_name: str = ""
    prepared_at: str = ""  # when the town made the copy
    imported_at: str = ""  # when the territory merged it (the territory's side only)
    commune: str
    insee: str
    town_id: str = ""
    contact: str = ""
    epci: str = ""  # the intercommunality the town declares, « Nom » (SIREN …)
    assessments: list[AssessmentLine] = Field(default_factory=list)


class ConflictDetails(BaseModel):
    """Why a file was not merged, with both sides summarised for the officer.

    `kind` "epci": the file's town declares another intercommunality than the
    territory's (`territory` names it); `current` is then the town's data in the territory,
    if it holds any.
    """

    reason: str
    current: TownSummary | None
    incoming: TownSummary
    kind: Literal["commune", "epci"] = "commune"
    territory: str = ""


class TownConflict(Exception):
    """The file conflicts with what the territory holds for its town; nothing merged."""

    def __init__(self, details: ConflictDetails):
        super().__init__(details.reason)
        self.details = details
