"""French typography for printed text: non-breaking spaces, dates, escaping for reportlab."""

import re
from datetime import date, datetime
from xml.sax.saxutils import escape

from evalir_desktop.french import french_date

NBSP = "\u00a0"  # reportlab breaks lines at U+202F, so the plain no-break space is used
NNBSP = "\u202f"  # narrow no-break space, for the editable documents
_BEFORE_PUNCT = re.compile(r"[ \t]+(?=[:;!?»€%])")
_AFTER_OPEN = re.compile(r"«[ \t]*")
_CLOSE_NO_SPACE = re.compile(r"(?<=\S)»")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def fr_date(value: date | datetime | str | None, empty: str = "") -> str:
    """`date(2026, 11, 25)` -> "25 novembre 2026" (and "1er" for the first of the month)."""
    if value is None or value == "":
        return empty
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return french_date(value.date() if isinstance(value, datetime) else value)


def french(text: str, space: str = NBSP) -> str:
    """Apply French spacing: no-break space after « and before : ; ! ? » € %; curly apostrophes."""
    if not text:
        return ""
    text = text.replace("\u202f", " ")  # narrow spaces from the domain: one rule below
    text = _AFTER_OPEN.sub("«" + space, text)
    text = _BEFORE_PUNCT.sub(space, text)
    text = _CLOSE_NO_SPACE.sub(space + "»", text)
    return _APOSTROPHE.sub("\u2019", text)


def markup(text: str) -> str:
    """Plain text -> reportlab paragraph markup: French spacing, escaped, line breaks kept."""
    return escape(french(text)).replace("\r\n", "\n").replace("\n", "<br/>")


def paragraphs(text: str) -> list[str]:
    """Split a long text on blank lines, so that each part can move to the next page alone."""
    parts = [part.strip() for part in _PARAGRAPH_BREAK.split(text or "")]
    return [part for part in parts if part]


def number(value: float | int | None, empty: str = "—") -> str:
    """French number: 4 800, 12,5."""
    if value is None:
        return empty
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}".replace(",", NBSP).replace(".", ",")
    return f"{int(value):,}".replace(",", NBSP)


def counted(count: int, singular: str, plural: str) -> str:
    """ "1 obligation", "3 obligations", "aucune obligation" is left to the caller."""
    return f"{number(count)} {singular if count <= 1 else plural}"


def shorten(text: str, limit: int) -> str:
    """Cut `text` at a word boundary before `limit` characters, with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"
