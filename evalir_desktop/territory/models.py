"""Pydantic models of an import into a territory file: one report per town file."""

from typing import Literal

from pydantic import BaseModel, Field

from evalir_desktop.domain.conflicts import ConflictDetails
from evalir_desktop.domain.records import AssessmentRef
from evalir_desktop.french import counted

FileStatus = Literal["imported", "unchanged", "refused", "conflict", "cancelled"]

STILL_REMOVED = "retirée du territoire, renvoyée sans changement, laissée de côté"
STILL_REMOVED_MANY = "retirées du territoire, renvoyées sans changement, laissées de côté"
FILE_STATUS_LABELS = {
    "imported": "importé",
    "unchanged": "aucun changement",
    "refused": "refusé",
    "conflict": "en conflit, non importé",
    "cancelled": "non traité (import annulé)",
}


class FileReport(BaseModel):
    """What happened to one town file; `reason` is a French sentence when refused."""

    path: str
    file_name: str
    status: FileStatus
    reason: str = ""
    sha256: str = ""
    commune: str = ""
    insee: str = ""
    source_id: str = ""
    added: list[AssessmentRef] = Field(default_factory=list)
    updated: list[AssessmentRef] = Field(default_factory=list)
    unchanged: list[AssessmentRef] = Field(default_factory=list)
    kept_newer: list[AssessmentRef] = Field(default_factory=list)
    removed_from_source: list[AssessmentRef] = Field(default_factory=list)
    returned: list[AssessmentRef] = Field(default_factory=list)
    still_removed: list[AssessmentRef] = Field(default_factory=list)
    conflict: ConflictDetails | None = None  # with status "conflict": both sides

    @property
    def status_label(self) -> str:
        return FILE_STATUS_LABELS[self.status]

    def summary(self) -> str:
        """One French line for the window's list and the command line."""
        if self.status in ("refused", "conflict", "cancelled"):
            return f"{self.file_name} : {self.status_label}. {self.reason}".strip()
        town = f"{self.commune} ({self.insee})" if self.commune else self.file_name
        listed = self.added or self.updated or self.unchanged or self.kept_newer
        if not (listed or self.still_removed):
            return f"{self.file_name} — {town} : {self.status_label}. {self.reason}".strip()
        parts = [
            counted(len(self.added), "ajoutée", "ajoutées"),
            counted(len(self.updated), "mise à jour", "mises à jour"),
            counted(len(self.unchanged), "inchangée", "inchangées"),
        ]
        if self.kept_newer:
            parts.append(
                counted(
                    len(self.kept_newer),
                    "plus récente déjà présente, conservée",
                    "plus récentes déjà présentes, conservées",
                )
            )
        for refs, one, many in (
            (self.returned, "retirée du territoire puis revenue", "retirées puis revenues"),
            (self.still_removed, STILL_REMOVED, STILL_REMOVED_MANY),
            (self.removed_from_source, "absente de ce fichier", "absentes de ce fichier"),
        ):
            if refs:
                parts.append(counted(len(refs), one, many))
        details = ", ".join(parts)
        prefix = f"{self.file_name} — {town} : {self.status_label}"
        note = f" {self.reason}" if self.reason else ""
        return f"{prefix} ; évaluations : {details}.{note}"


class ImportReport(BaseModel):
    """The report of one import run, file by file, in the order they were given."""

    territory: str
    files: list[FileReport] = Field(default_factory=list)
    cancelled: bool = False

    def by_status(self, status: FileStatus) -> list[FileReport]:
        return [item for item in self.files if item.status == status]

    @property
    def refused(self) -> list[FileReport]:
        return self.by_status("refused")

    @property
    def conflicts(self) -> list[FileReport]:
        return self.by_status("conflict")
