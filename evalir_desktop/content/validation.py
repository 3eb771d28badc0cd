"""Check one answer against its question, and render answers in plain French."""

from __future__ import annotations

import math
import re

from evalir_desktop.bounded_json import JsonLimits, JsonRefused, loads_bounded
from evalir_desktop.content.models import Question
from evalir_desktop.domain.answers import UNKNOWN_TOKEN, Answer

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 20_000
UNKNOWN_LABEL = "Je ne sais pas"
NUMBER_PATTERN = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
SPACES = (" ", "\u202f", "\xa0", "\u2009")
NOT_A_NUMBER = "Indiquez un nombre, par exemple 1500 ou 2,5."

CLI_VALUE_LIMITS = JsonLimits(max_bytes=200_000, max_depth=4, max_string=100_000)


def parse_french_number(text: str) -> int | float | None:
    """Read a number as a French agent types it: « 1 500 », « 2,5 », « 1 500,25 ».

    An empty text is no answer (None). Anything else that is not a plain decimal number
    (letters, « NaN », « inf », two commas) raises ValueError with a French message.
    """
    cleaned = text.strip()
    for space in SPACES:
        cleaned = cleaned.replace(space, "")
    if not cleaned:
        return None
    if not NUMBER_PATTERN.match(cleaned):
        raise ValueError(NOT_A_NUMBER)
    cleaned = cleaned.replace(",", ".")
    if "." not in cleaned:
        return int(cleaned)
    number = float(cleaned)
    if not math.isfinite(number):
        raise ValueError(NOT_A_NUMBER)
    return int(number) if number.is_integer() else number


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_choice(question: Question, value) -> str | None:
    if not isinstance(value, str) or question.option(value) is None:
        allowed = ", ".join(option.id for option in question.options)
        return f"Réponse non prévue pour cette question. Valeurs possibles : {allowed}."
    return None


def _check_multiple(question: Question, value) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return 'Cette question attend une liste de choix, par exemple ["a", "b"].'
    for item in value:
        problem = _check_choice(question, item)
        if problem:
            return problem
    if len(set(value)) != len(value):
        return "Un même choix est indiqué deux fois."
    exclusive = [item for item in value if question.option(item).exclusive]
    if exclusive and len(value) > 1:
        label = question.option_label(exclusive[0])
        return f"Le choix « {label} » ne peut pas être combiné avec d'autres choix."
    return None


def _check_number(question: Question, value) -> str | None:
    if not _is_number(value) or not math.isfinite(value):
        return "Cette question attend un nombre."
    if question.type == "echelle" and int(value) != value:
        return "Cette question attend un nombre entier."
    if question.min is not None and value < question.min:
        return f"La valeur doit être au moins {question.min:g}."
    if question.max is not None and value > question.max:
        return f"La valeur doit être au plus {question.max:g}."
    return None


def validate_answer(question: Question, answer: Answer) -> str | None:
    """Return a French message saying what is wrong with `answer`, or None when it is valid.

    An answer with no value and no "Je ne sais pas" is valid: it clears the question.
    """
    if answer.unknown:
        if not question.unknown_allowed:
            return "Cette question n'accepte pas « Je ne sais pas » : une réponse est attendue."
        if answer.value not in (None, "", []):
            return "Une réponse « Je ne sais pas » ne peut pas porter aussi une valeur."
        return None
    value = answer.value
    if value is None:
        return None
    if question.type in ("oui_non", "choix_unique"):
        return _check_choice(question, value)
    if question.type == "choix_multiple":
        return _check_multiple(question, value)
    if question.type in ("echelle", "nombre"):
        return _check_number(question, value)
    if not isinstance(value, str):
        return "Cette question attend un texte."
    limit = SHORT_TEXT_MAX if question.type == "texte_court" else LONG_TEXT_MAX
    if len(value) > limit:
        return f"Le texte est trop long ({len(value)} caractères, {limit} au plus)."
    return None


def parse_value(question: Question, raw: str) -> Answer:
    """Turn a command-line value into an Answer: `inconnu`, JSON, or plain text."""
    if raw.strip() == UNKNOWN_TOKEN:
        return Answer(unknown=True)
    if question.type in ("texte_court", "texte_long"):
        return Answer(value=raw)
    if question.type in ("echelle", "nombre"):
        try:
            return Answer(value=parse_french_number(raw))
        except ValueError:
            return Answer(value=raw)  # refused by validate_answer with the usual message
    try:  # a value typed on the command line: bounded like any JSON from outside
        value = loads_bounded(raw, CLI_VALUE_LIMITS, "valeur")
    except JsonRefused:
        value = raw  # then refused or kept as text by validate_answer, as any text
    if question.type == "choix_multiple" and isinstance(value, str):
        value = [item.strip() for item in value.split(",") if item.strip()]
    return Answer(value=value)


def display_value(question: Question | None, value) -> str:
    """A French rendering of a stored value: option labels, numbers, text."""
    if value == UNKNOWN_TOKEN:
        return UNKNOWN_LABEL
    if value is None:
        return "Sans réponse"
    if question is not None and question.options:
        if isinstance(value, list):
            return ", ".join(question.option_label(item) for item in value) or "Aucun choix"
        if isinstance(value, str):
            return question.option_label(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def display_answer(question: Question | None, answer: Answer | None) -> str:
    if answer is None or not answer.is_answered:
        return "Sans réponse"
    return display_value(question, UNKNOWN_TOKEN if answer.unknown else answer.value)
