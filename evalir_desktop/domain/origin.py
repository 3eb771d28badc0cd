"""Where a reused answer comes from: the product dossier of another town, and its date.

An answer taken from a dossier is stored with, as its author (`answer.who`), a short tag
naming the dossier's town and date instead of a person. The agent who later changes the
value becomes its author, so the mark « repris du dossier de… » disappears by itself once
the answer is no longer the dossier's. The tag names no person: an anonymised copy for the
intercommunality keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from evalir_desktop.domain.commune import INSEE_PATTERN
from evalir_desktop.text import clean_line

# The author of an answer taken from a product dossier starts with this tag instead of a
# person's name; an anonymised share keeps such authors.
DOSSIER_TAG = "dossier-produit|"
SEPARATOR = "|"
PRODUCT_NAME_QUESTION = "contexte.fournisseur_nom"  # « Quel est le nom… du produit ? »
MAX_TOWN_CHARS = 200
VOWELS = re.compile(r"^[AEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŸ]", re.IGNORECASE)


def of_town(name: str) -> str:
    """« de » before a town name, as French writes it: d'Écotay, du Puy, des Mées."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if name.startswith(article):
            return contracted + name[len(article) :]
    return f"d'{name}" if VOWELS.match(name) else f"de {name}"


@dataclass(frozen=True)
class Origin:
    """The dossier an answer was taken from: its town (name, INSEE code) and date."""

    commune: str
    insee: str
    on: date

    @property
    def tag(self) -> str:
        """What the store keeps as the answer's author."""
        return DOSSIER_TAG + SEPARATOR.join((self.insee, self.on.isoformat(), self.commune))

    @property
    def dossier(self) -> str:
        """« dossier d'Écotay-l'Olme, 15/11/2026 »."""
        return f"dossier {of_town(self.commune)}, {self.on.strftime('%d/%m/%Y')}"

    @property
    def label(self) -> str:
        """« Repris du dossier d'Écotay-l'Olme, 15/11/2026 »."""
        return f"Repris du {self.dossier}"


def parse_origin(who: str) -> Origin | None:
    """The origin named by an answer's author, or None for a person (or a bad tag)."""
    if not who.startswith(DOSSIER_TAG):
        return None
    parts = who.removeprefix(DOSSIER_TAG).split(SEPARATOR, 2)
    if len(parts) != 3:
        return None
    insee, day, commune = parts
    commune = clean_line(commune).strip()
    if not INSEE_PATTERN.match(insee) or not commune or len(commune) > MAX_TOWN_CHARS:
        return None
    try:
        on = date.fromisoformat(day)
    except ValueError:
        return None
    return Origin(commune=commune, insee=insee, on=on)
