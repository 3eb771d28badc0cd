"""French typography for user-facing text built in code: narrow no-break spaces, dates."""

from __future__ import annotations

import re
from datetime import date

NNBSP = "\u202f"  # narrow no-break space: before « : ; ! ? » and inside guillemets
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def first_upper(text: str) -> str:
    """Capitalise the first letter only: names further on keep their case and accents
    (`str.capitalize` would write « marie dupont »)."""
    return text[:1].upper() + text[1:]


def quoted(text: str) -> str:
    """`quoted("Oui")` -> "« Oui »" with narrow no-break spaces inside."""
    return f"«{NNBSP}{text}{NNBSP}»"


def french_date(value: date) -> str:
    """`date(2027, 12, 2)` -> "2 décembre 2027" ("1er" for the first of the month)."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def counted(count: int, one: str, many: str) -> str:
    """`counted(3, "fichier importé", "fichiers importés")` -> "3 fichiers importés" (French
    puts 0 and 1 in the singular)."""
    return f"{count} {one if count <= 1 else many}"


_SPACE_BEFORE = re.compile(r"[ \u00a0]+([:;!?»])")
_SPACE_AFTER = re.compile(r"«[ \u00a0]+")


def typeset(text: str) -> str:
    """French spacing in a message built in code: the spaces before « : ; ! ? » and
    after « become narrow no-break spaces (a line never starts with a colon)."""
    return _SPACE_AFTER.sub("«" + NNBSP, _SPACE_BEFORE.sub(NNBSP + r"\1", text))
