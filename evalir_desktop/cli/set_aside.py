"""What a command read but set aside, said on stderr; and values echoed as short excerpts.

A received file may hold rows the store sets aside (a 99,000-character comment, a 1 MB
title): the command still runs on the rest, and says what it left out and why, instead
of a silent « 0 % renseigné » or an empty list. A value quoted in a message (« … ») is
never echoed whole when it is long: a short excerpt says which one it is.
"""

from __future__ import annotations

import re
import sys

from evalir_desktop.french import counted

MAX_REASONS = 20
EXCERPT_CHARS = 60
QUOTED = re.compile("«(\\s?)([^«»]{" + str(EXCERPT_CHARS + 20) + ",}?)(\\s?)»")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first `limit` characters of a long value, and how long it really is."""
    if len(text) <= limit + 20:
        return text
    return f"{text[:limit]}… ({counted(len(text), 'caractère', 'caractères')})"


def short_quotes(message: str) -> str:
    """Every long value quoted « … » in `message` cut to an excerpt."""
    return QUOTED.sub(lambda m: f"«{m[1]}{excerpt(m[2])}{m[3]}»", message)


def tell_set_aside(problems: list[str], stream=None) -> None:
    """One line per row set aside (at most MAX_REASONS, then how many more)."""
    stream = stream or sys.stderr
    for reason in problems[:MAX_REASONS]:
        print(f"evalir : donnée écartée à la lecture — {short_quotes(reason)}", file=stream)
    if len(problems) > MAX_REASONS:
        more = counted(
            len(problems) - MAX_REASONS, "autre donnée écartée", "autres données écartées"
        )
        print(f"evalir : … et {more} (« evalir check » les liste toutes).", file=stream)
