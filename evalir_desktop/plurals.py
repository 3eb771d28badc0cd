"""French plural forms of the window's counted strings (`tr(text, "", n)`), read from
`resources/i18n/evalir_fr.ts`, the Qt Linguist file that holds them (no Qt here)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from evalir_desktop.resources import resource_path


@cache
def numerus_forms(path: Path | None = None) -> dict[str, tuple[str, str]]:
    """Source text -> (singular, plural) for every `numerus="yes"` message of the file."""
    tree = ET.parse(path or resource_path("i18n", "evalir_fr.ts"))
    forms = {}
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        found = [form.text or "" for form in message.iter("numerusform")]
        if len(found) == 2:
            forms[message.findtext("source", "")] = (found[0], found[1])
    return forms


def plural_form(source: str, n: int) -> str:
    """The form of `source` for the number `n`: French puts 0 and 1 in the singular."""
    forms = numerus_forms().get(source)
    if forms is None:
        return source
    return forms[0] if abs(n) <= 1 else forms[1]
