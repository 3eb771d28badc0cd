"""French typography for user-facing text built in code: narrow no-break spaces, dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

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


_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0\u202f]+(?=[:;!?])")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSING = re.compile(r"[ \u00a0\u202f]*»")


def spaced(text: str) -> str:
    """French spacing for the screen and for messages built in code: a narrow no-break
    space before : ; ! ? (where a space is written) and inside « ». The content files use
    plain spaces; screens show them as documents do (`report/typography.py`). Times and
    addresses ("10:30", "https://") have no space before their colon and are left alone."""
    if not text:
        return text
    text = _BEFORE_PUNCTUATION.sub(NNBSP, text)
    text = _AFTER_OPENING.sub("«" + NNBSP, text)
    return _BEFORE_CLOSING.sub(NNBSP + "»", text)


def folded(text: str) -> str:
    """`text` without accents nor case, to search as a French speaker expects: « securite »
    finds « Sécurité »."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(text: str, query: str) -> bool:
    """Every word of `query` is in `text`, accents and case aside (an empty query: all)."""
    haystack = folded(text)
    return all(word in haystack for word in folded(query).split())


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


def short_local(moment: datetime, with_time: bool = False) -> str:
    """« 01/12/2026 », or « 01/12/2026 à 15:26 », in this computer's time zone."""
    return moment.astimezone().strftime("%d/%m/%Y à %H:%M" if with_time else "%d/%m/%Y")


def counted(count: int, one: str, many: str) -> str:
    """`counted(3, "fichier importé", "fichiers importés")` -> "3 fichiers importés" (French
    puts 0 and 1 in the singular)."""
    return f"{count} {one if count <= 1 else many}"
