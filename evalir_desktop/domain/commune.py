"""The town profile and the checks on French administrative identifiers."""

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

DpdChoice = Literal["oui", "non", "mutualise", "inconnu"]
DPD_LABELS = {"oui": "Oui", "non": "Non", "mutualise": "Oui, mutualisé", "inconnu": "Non renseigné"}
INSEE_PATTERN = re.compile(r"^(\d{5}|2[AB]\d{3})$")


def insee_problem(code: str) -> str | None:
    """Return a French explanation of what is wrong with an INSEE code, or None."""
    code = code.strip().upper()
    if not INSEE_PATTERN.match(code):
        return (
            "Le code INSEE doit comporter 5 caractères : 5 chiffres "
            "(ou 2A / 2B suivis de 3 chiffres pour la Corse), par exemple 42218."
        )
    return None


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siren_problem(siren: str) -> str | None:
    """Return a French explanation of what is wrong with a SIREN number, or None."""
    siren = siren.replace(" ", "")
    if not re.fullmatch(r"\d{9}", siren):
        return "Le numéro SIREN doit comporter exactement 9 chiffres."
    if not luhn_valid(siren):
        return "Ce numéro SIREN n'est pas valide (erreur de saisie probable) : vérifiez-le."
    return None


class Commune(BaseModel):
    """A town profile: who assesses, and the figures some legal thresholds read."""

    model_config = ConfigDict(str_strip_whitespace=True, validate_assignment=True)

    nom: str = Field(min_length=1, max_length=200)
    insee: str
    population: int | None = Field(default=None, ge=0, le=10_000_000)
    agents_etp: float | None = Field(default=None, ge=0, le=1_000_000)
    epci_nom: str = Field(default="", max_length=200)
    epci_siren: str = ""
    dpd_designe: DpdChoice = "inconnu"
    contact_nom: str = Field(default="", max_length=200)
    contact_email: str = Field(default="", max_length=200)
    contact_telephone: str = Field(default="", max_length=50)

    @field_validator("insee")
    @classmethod
    def _check_insee(cls, value: str) -> str:
        value = value.strip().upper()
        problem = insee_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("epci_siren")
    @classmethod
    def _check_siren(cls, value: str) -> str:
        value = value.replace(" ", "")
        if value:
            problem = siren_problem(value)
            if problem:
                raise ValueError(problem)
        return value
