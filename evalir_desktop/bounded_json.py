"""JSON read from outside (a product dossier, an `--answers` file, a value typed on the
command line), bounded before and while it is parsed, never after.

Python's parser ends in `RecursionError` on a value nested a few hundred levels deep,
in `ValueError` past 4,300 integer digits, and holds whatever size it is given. So:
- the size is checked first;
- a linear scan (strings skipped whole) refuses nesting deeper than `max_depth` and any
  string longer than `max_string` before the parser sees the text;
- the parser's hooks refuse an integer over `max_digits` digits before converting it,
  a float that overflows to infinity, and `NaN` / `Infinity`;
- the parsed value is walked once: at most `max_values` values, no lone surrogate
  (which could not be written to a file or a terminal).
Every refusal is `JsonRefused`, whose text is French and names the file.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from evalir_desktop.french import NNBSP, quoted

# a whole JSON string (escapes included), or one bracket; anything else is skipped
TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


@dataclass(frozen=True)
class JsonLimits:
    """What one kind of JSON document may hold."""

    max_bytes: int
    max_depth: int = 20
    max_string: int = 100_000
    max_digits: int = 20
    max_values: int = 100_000


class JsonRefused(ValueError):
    """A JSON text refused before it became data; str() is the French sentence naming
    the file, `reason` the cause alone (« ce n'est pas un texte JSON valide. »)."""

    def __init__(self, message: str, reason: str = ""):
        super().__init__(message)
        self.reason = reason or message


def _refused(name: str, reason: str) -> JsonRefused:
    return JsonRefused(f"{quoted(name)} est refusé{NNBSP}: {reason}", reason)


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", NNBSP)


def _scan(text: str, limits: JsonLimits, name: str) -> None:
    depth = 0
    for match in TOKENS.finditer(text):
        token = match.group()
        if token[0] == '"':
            if len(token) - 2 > limits.max_string:
                raise _refused(
                    name,
                    f"un texte y fait {_grouped(len(token) - 2)} caractères, au-delà des "
                    f"{_grouped(limits.max_string)} admis.",
                )
        elif token in "[{":
            depth += 1
            if depth > limits.max_depth:
                raise _refused(
                    name,
                    f"des valeurs y sont imbriquées sur plus de {limits.max_depth} niveaux, "
                    "ce qu'aucun fichier écrit par EVALIR ne contient.",
                )
        else:
            depth = max(0, depth - 1)


def _walk(value, limits: JsonLimits, name: str) -> None:
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        count += 1
        if count > limits.max_values:
            raise _refused(name, f"il contient plus de {_grouped(limits.max_values)} valeurs.")
        if isinstance(item, str):
            _check_text(item, name)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, inner in item.items():
                _check_text(key, name)
                stack.append(inner)


def _check_text(text: str, name: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise _refused(name, "un texte y contient un caractère invalide.") from error


def loads_bounded(data: bytes | str, limits: JsonLimits, name: str):
    """Parse `data` within `limits`; JsonRefused (French, naming `name`) otherwise."""
    if len(data) > limits.max_bytes:
        raise _refused(
            name,
            f"il pèse {len(data) // 1000} ko, au-delà des {limits.max_bytes // 1000} ko admis.",
        )
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise _refused(name, "il n'est pas écrit en UTF-8.") from error
    else:
        text = data
    _scan(text, limits, name)

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > limits.max_digits:
            raise _refused(name, f"un nombre y a plus de {limits.max_digits} chiffres.")
        return int(digits)

    def decimal(digits: str) -> float:
        if len(digits) > limits.max_digits * 2:
            raise _refused(name, f"un nombre y a plus de {limits.max_digits * 2} chiffres.")
        number = float(digits)
        if not math.isfinite(number):
            raise _refused(name, "un nombre y est infini.")
        return number

    def constant(word: str):
        raise _refused(name, f"la valeur {word} n'est pas un nombre.")

    try:
        value = json.loads(text, parse_int=integer, parse_float=decimal, parse_constant=constant)
    except JsonRefused:
        raise
    except RecursionError as error:  # a scan bug must still never reach the user raw
        raise _refused(name, "des valeurs y sont trop imbriquées.") from error
    except ValueError as error:
        where = getattr(error, "lineno", None)
        at = f" (ligne {where})" if where else ""
        raise _refused(name, f"ce n'est pas un texte JSON valide{at}.") from error
    _walk(value, limits, name)
    return value
