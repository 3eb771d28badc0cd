"""The product dossier file: a small JSON document, validated whole before any use.

A dossier travels from town to town by mail or USB key, so it is untrusted. JSON rather
than SQLite: a dossier is written once and read whole, it holds a few dozen answers, and
a JSON text can hold nothing but data (no trigger, no view, no journal to roll back, no
page to inspect), so the whole of it is checked by one pydantic model with unknown keys
refused. Reading never writes anything; starting an assessment from a dossier only adds
a new assessment (see `product.starting`).
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ValidationError,
    field_validator,
    model_validator,
)

from evalir_desktop.bounded_json import JsonLimits, JsonRefused, loads_bounded
from evalir_desktop.content.models import QuestionId
from evalir_desktop.domain.annexes import SHA256_PATTERN, AttachmentKind
from evalir_desktop.domain.attachment_rules import AttachmentRefused, check_type
from evalir_desktop.domain.commune import insee_problem
from evalir_desktop.domain.origin import of_town
from evalir_desktop.domain.values import check_plain, field_of
from evalir_desktop.output_guard import write_output
from evalir_desktop.store.attachment_records import sha256_of
from evalir_desktop.store.errors import describe
from evalir_desktop.text import clean_line, clean_text

FORMAT = "evalir-dossier-produit"
FORMAT_VERSION = 1
SUFFIX = ".evalir-produit"
FILE_FILTER = "Dossiers de produit EVALIR (*.evalir-produit)"
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # all the dossier's attachments together
MAX_BYTES = 1_000_000 + MAX_ATTACHMENT_BYTES * 4 // 3  # base64 makes 4 characters of 3 bytes
MAX_ANSWERS = 300
MAX_ATTACHMENTS = 50
CLOCK_TOLERANCE = timedelta(days=2)
SQLITE_HEADER = b"SQLite format 3\x00"
# a dossier is a flat document: a few levels, short texts, but base64 attachments
JSON_LIMITS = JsonLimits(
    max_bytes=MAX_BYTES, max_depth=12, max_string=MAX_ATTACHMENT_BYTES * 4 // 3 + 4
)
ADVICE = "Demandez à l'expéditeur de l'écrire de nouveau depuis EVALIR."

Line = Annotated[str, AfterValidator(lambda text: clean_line(text).strip())]


class DossierRefused(Exception):
    """A dossier file is refused; str() is the French reason and what to do."""


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class DossierSource(Part):
    """Where the answers come from: the town, its assessment, the questionnaire version."""

    commune: Line = Field(min_length=1, max_length=200)
    insee: str
    epci_nom: Line = Field(default="", max_length=200)
    epci_siren: str = Field(default="", pattern=r"^(\d{9})?$")
    assessment_id: str = Field(min_length=1, max_length=100)
    assessment_title: Line = Field(min_length=1, max_length=300)
    answered_on: date
    content_id: Line = Field(min_length=1, max_length=100)
    content_version: Line = Field(min_length=1, max_length=40)

    @field_validator("insee")
    @classmethod
    def _insee(cls, value: str) -> str:
        problem = insee_problem(value)
        if problem:
            raise ValueError(problem)
        return value.strip().upper()


class DossierProduct(Part):
    """The tool: its name, its supplier, its type of AI and a short description."""

    name: Line = Field(min_length=1, max_length=300)
    supplier: Line = Field(default="", max_length=300)
    ai_type: Line = Field(default="", max_length=100)
    description: str = Field(default="", max_length=20_000)


class DossierAnswer(Part):
    """One answer about the tool, as the town that wrote the dossier gave it."""

    question_id: QuestionId
    value: JsonValue
    comment: str = Field(default="", max_length=20_000)

    @field_validator("value")
    @classmethod
    def _plain(cls, value):
        if value in (None, "", []):
            raise ValueError("réponse vide")
        check_plain(value)
        return value


class DossierAttachment(Part):
    """A document about the tool attached to one of its questions (the supplier's hosting
    certificate, its accessibility statement), carried in base64 and checked whole."""

    question_id: QuestionId
    name: Line = Field(min_length=1, max_length=255)
    kind: AttachmentKind = "autre"
    comment: str = Field(default="", max_length=2_000)
    size: int = Field(ge=0, le=MAX_ATTACHMENT_BYTES)
    sha256: str = Field(pattern=SHA256_PATTERN)
    data: str = Field(max_length=MAX_ATTACHMENT_BYTES * 4 // 3 + 4, repr=False)

    @field_validator("name")
    @classmethod
    def _not_a_program(cls, name: str) -> str:
        try:
            check_type(name)
        except AttachmentRefused as refused:
            raise ValueError(str(refused)) from None
        return name

    @model_validator(mode="after")
    def _whole(self) -> DossierAttachment:
        content = self.content()
        if len(content) != self.size or sha256_of(content) != self.sha256:
            raise ValueError("pièce jointe abîmée (taille ou empreinte différente)")
        return self

    def content(self) -> bytes:
        try:
            return base64.b64decode(self.data, validate=True)
        except binascii.Error as error:
            raise ValueError("pièce jointe illisible") from error

    @classmethod
    def of(cls, question_id: str, record, content: bytes) -> DossierAttachment:
        return cls(
            question_id=question_id,
            name=record.name,
            kind=record.kind,
            comment=record.comment,
            size=len(content),
            sha256=sha256_of(content),
            data=base64.b64encode(content).decode("ascii"),
        )


class ProductDossier(Part):
    """A shared product dossier, exactly as written and read."""

    format: Literal["evalir-dossier-produit"]
    format_version: Literal[1]
    written_with: Line = Field(default="", max_length=50)
    written_at: datetime
    source: DossierSource
    product: DossierProduct
    answers: list[DossierAnswer] = Field(min_length=1, max_length=MAX_ANSWERS)
    attachments: list[DossierAttachment] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)

    @model_validator(mode="after")
    def _coherent(self) -> ProductDossier:
        ids = [answer.question_id for answer in self.answers]
        if len(ids) != len(set(ids)):
            raise ValueError("deux réponses à la même question")
        if sum(attachment.size for attachment in self.attachments) > MAX_ATTACHMENT_BYTES:
            raise ValueError("pièces jointes trop volumineuses pour un dossier de produit")
        if self.written_at.tzinfo is None:
            raise ValueError("date d'écriture sans fuseau horaire")
        return self

    @property
    def title(self) -> str:
        """« Agent conversationnel Docaposte — dossier d'Écotay-l'Olme »."""
        return f"{self.product.name} — dossier {of_town(self.source.commune)}"


def _cleaned(value):
    """Every string of the document without control characters or bidi overrides."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    return value


def _parse(data: bytes, name: str) -> dict:
    if data.startswith(SQLITE_HEADER):
        raise DossierRefused(
            f"« {name} » est un fichier EVALIR de commune ou de territoire, pas un dossier "
            "de produit. Ouvrez-le avec le menu Fichier, ou choisissez le fichier "
            f"« {SUFFIX} » reçu."
        )
    try:
        document = loads_bounded(data, JSON_LIMITS, name)
    except JsonRefused as error:
        raise DossierRefused(
            f"« {name} » n'est pas un dossier de produit EVALIR lisible\u202f: {error.reason} "
            f"{ADVICE}"
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DossierRefused(f"« {name} » n'est pas un dossier de produit EVALIR. {ADVICE}")
    version = document.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise DossierRefused(
            f"« {name} » a été écrit par une version plus récente d'EVALIR. Installez la "
            "dernière version du programme, puis ouvrez-le de nouveau."
        )
    return document


def read_dossier(path: str | Path, now: datetime | None = None) -> ProductDossier:
    """Read and check a dossier file; raise DossierRefused with a French reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DossierRefused(
                f"« {path.name} » est bien trop volumineux pour un dossier de produit "
                f"({size // 1000} ko). {ADVICE}"
            )
        data = path.read_bytes()
    except OSError as error:
        raise DossierRefused(
            f"« {path.name} » n'a pas pu être lu ({describe(error)}). Vérifiez son emplacement."
        ) from error
    document = _cleaned(_parse(data, path.name))
    try:
        dossier = ProductDossier.model_validate(document)
    except ValidationError as error:
        raise DossierRefused(
            f"« {path.name} » est refusé\u202f: une valeur n'est pas valide "
            f"(champ « {field_of(error)} »). {ADVICE}"
        ) from error
    now = now or datetime.now(UTC)
    if (
        dossier.written_at > now + CLOCK_TOLERANCE
        or dossier.source.answered_on > (now + CLOCK_TOLERANCE).date()
    ):
        raise DossierRefused(
            f"« {path.name} » est refusé\u202f: il porte une date dans le futur (l'horloge de "
            f"l'ordinateur qui l'a écrit est peut-être mal réglée). {ADVICE}"
        )
    return dossier


def dossier_path(path: str | Path) -> Path:
    """The path with the dossier suffix, so that a dossier never replaces an `.evalir` file."""
    path = Path(path)
    return path if path.name.lower().endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


def write_dossier(
    dossier: ProductDossier, path: str | Path, *, sources=(), replace: bool = False
) -> Path:
    """Write the dossier in one step through the output guard: a new `.evalir-produit`,
    never over the source, an EVALIR file or (without `replace`) any existing file."""
    target = dossier_path(path)
    text = json.dumps(dossier.model_dump(mode="json"), ensure_ascii=False, indent=1)
    payload = (text + "\n").encode("utf-8")
    return write_output(target, payload, sources=sources, replace=replace, creates=SUFFIX)
