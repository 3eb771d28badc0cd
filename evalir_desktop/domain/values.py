"""Values read from a file, checked like input: answers' JSON, timestamps, rows.

A file from elsewhere is structurally valid yet may hold anything: NaN, 5,000 nested
lists, a date such as 9999-99-99, a population of 10^18. Nothing here raises anything
but ValueError (or pydantic's ValidationError, a ValueError), so that one bad value
refuses its row, never the program.
"""

import json
import math
from datetime import datetime

from pydantic import ValidationError

MAX_VALUE_CHARS = 100_000
MAX_DEPTH = 2  # an answer is a scalar or a list of option ids


def _refuse_constant(name: str):
    raise ValueError(f"valeur non numérique ({name})")


def decode_value(text: str | None):
    """The JSON value of an answer as stored (None when there is none); ValueError if
    it is not one our program writes."""
    if text is None:
        return None
    if not isinstance(text, str) or len(text) > MAX_VALUE_CHARS:
        raise ValueError("valeur trop longue ou illisible")
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError as error:
        raise ValueError("valeur imbriquée trop profondément") from error
    check_plain(value)
    return value


def check_plain(value, depth: int = 0) -> None:
    """Refuse what an answer never holds: non-finite numbers, deep nesting, objects."""
    if depth > MAX_DEPTH:
        raise ValueError("valeur imbriquée trop profondément")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("nombre infini ou non numérique")
    if isinstance(value, dict):
        raise ValueError("valeur d'un type inattendu")
    if isinstance(value, list):
        for item in value:
            check_plain(item, depth + 1)


def check_timestamp(text: str) -> str:
    """An ISO date-time as our program writes it (pydantic validator)."""
    datetime.fromisoformat(text)
    return text


def field_of(error: ValidationError) -> str:
    first = error.errors()[0]
    return ".".join(str(part) for part in first["loc"]) or "?"
