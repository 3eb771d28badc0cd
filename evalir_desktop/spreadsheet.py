"""The one writer of spreadsheet files (CSV): every table the program exports goes here.

A cell is read by Excel or LibreOffice, which run any cell starting with `=`, `+`, `-`,
`@`, a tab or a carriage return as a formula (`=HYPERLINK(…)`, DDE payloads). As OWASP
advises (« CSV Injection »), such a cell gets a leading apostrophe, which the spreadsheet
shows as text; the same holds when the dangerous sign hides behind spaces, invisible
characters or a full-width form (`＝`), since some spreadsheets trim or normalise those.

Choice for numbers: a value the program holds as a number (int, float) is written as is,
and so is a text that is nothing but a plain number (`-5`, `+3`, `12,5`): a number cannot
run anything and stays a number for the spreadsheet. Anything else starting with a sign
(`-2+3`, `+33 1 23`, `-cmd`) is neutralised.

French Excel reads `;` as the separator and UTF-8 only with a byte-order mark.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
BLANKS = " \u00a0\u202f\u2007\u3000"


def _first_visible(text: str) -> str:
    """The first character a spreadsheet may act on: after blanks and invisible ones,
    in its compatibility form (`＝` is `=`)."""
    for char in text:
        if char in BLANKS or unicodedata.category(char) in ("Cf", "Zs"):
            continue
        return unicodedata.normalize("NFKC", char)[:1] or char
    return ""


def is_dangerous(text: str) -> bool:
    """A text a spreadsheet could run as a formula."""
    if not text or PLAIN_NUMBER.fullmatch(text):
        return False
    return text.startswith(FORMULA_STARTS) or _first_visible(text).startswith(FORMULA_STARTS)


def safe_cell(value) -> str | int | float:
    """The cell as written: numbers as they are, formula-like text behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if is_dangerous(text) else text


def csv_text(header: Sequence, rows: Iterable[Sequence]) -> str:
    """The table as CSV text: `;`, quoted when needed, CRLF, every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([safe_cell(value) for value in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue()


def csv_bytes(header: Sequence, rows: Iterable[Sequence]) -> bytes:
    """A CSV that French Excel opens directly: UTF-8 with a byte-order mark."""
    return csv_text(header, rows).encode("utf-8-sig")
