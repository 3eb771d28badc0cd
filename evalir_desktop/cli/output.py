"""Printing helpers shared by the sub-commands."""

import contextlib
import json
import sys
from collections.abc import Iterator

from pydantic import ValidationError

from evalir_desktop.text import clean_text

FIELD_LABELS = {
    "nom": "nom",
    "insee": "code INSEE",
    "population": "population",
    "agents_etp": "nombre d'agents",
    "epci_siren": "SIREN de l'intercommunalité",
    "epci_nom": "nom de l'intercommunalité",
}


REPLACE_HELP = (
    "remplacer le fichier SORTIE s'il existe déjà (jamais le fichier d'origine ni un "
    "fichier EVALIR)"
)


def add_replace_option(command) -> None:
    """`--remplacer`: the only way for a command to write over an existing file."""
    command.add_argument("--remplacer", action="store_true", help=REPLACE_HELP)


class SafeStream:
    """A text stream that never lets a file's control characters, terminal escapes or
    bidirectional overrides reach the terminal."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(clean_text(text))

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


@contextlib.contextmanager
def printed_safely() -> Iterator[None]:
    """Filter what the command prints, for the duration of the command."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def validation_message(error: ValidationError) -> str:
    """Turn pydantic errors into one French sentence per field."""
    parts = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"])
        label = FIELD_LABELS.get(field, field)
        message = item.get("ctx", {}).get("error") or french_reason(item["type"])
        parts.append(f"{label} : {message}")
    return " ; ".join(str(part) for part in parts)


def french_reason(error_type: str) -> str:
    return {
        "int_parsing": "un nombre entier est attendu",
        "float_parsing": "un nombre est attendu",
        "greater_than_equal": "la valeur ne peut pas être négative",
        "less_than_equal": "la valeur est trop grande",
        "string_too_short": "ce champ ne peut pas être vide",
        "string_too_long": "le texte est trop long",
        "missing": "ce champ est obligatoire",
        "string_pattern_mismatch": "la valeur n'est pas reconnue",
        "int_from_float": "un nombre entier est attendu",
    }.get(error_type, "valeur incorrecte")
