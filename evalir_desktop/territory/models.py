"""Pydantic models of an import into a territory file: one report per town file."""

from typing import Literal

from pydantic import BaseModel, Field

from evalir_desktop.store.identity import ConflictDetails
from evalir_desktop.store.models import AssessmentRef

FileStatus = Literal["imported", "unchanged", "refused", "conflict", "cancelled"]

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
    conflict: ConflictDetails | None = None  # with status "conflict": both sides

    @property
    def status_label(self) -> str:
        return FILE_STATUS_LABELS[self.status]

    def summary(self) -> str:
        """One French line for the window's list and the command line."""
        if self.status in ("refused", "conflict", "cancelled"):
            return f"{self.file_name} : {self.status_label}. {self.reason}".strip()
        town = f"{self.commune} ({self.insee})" if self.commune else self.file_name
        if not (self.added or self.updated or self.unchanged or self.kept_newer):
            return f"{self.file_name} — {town} : {self.status_label}. {self.reason}".strip()
        parts = [
            f"{len(self.added)} ajoutée(s)",
            f"{len(self.updated)} mise(s) à jour",
            f"{len(self.unchanged)} inchangée(s)",
        ]
        if self.kept_newer:
            parts.append(f"{len(self.kept_newer)} plus récente(s) déjà présente(s), conservée(s)")
        if self.removed_from_source:
            parts.append(f"{len(self.removed_from_source)} absente(s) de ce fichier")
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
