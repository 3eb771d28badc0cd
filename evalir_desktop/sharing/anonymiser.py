"""Remove from free text the names of people a file knows, in their usual variants.

The names come from the file itself (contact, who answered, who validated, action
owners, authors of the journal). Each is looked for in any case, with or without
accents, first and last names in either order (« Hélène Lefèvre », « LEFEVRE Hélène »,
« Lefèvre, H. »), and each part alone when written as a name (capitalised: « Lefèvre a
relu », but not « un petit budget » for a M. Petit) or after a civility (« Mme
lefevre »). Words of roles and services (« DGS », « service technique ») are never names,
and the town's own name is never touched (« Saint-Martin » for a M. Martin). E-mail
addresses and telephone numbers are removed too; an action's owner is kept when it is a
role. Pure text: no SQL here.
"""

import re
import unicodedata
from collections.abc import Iterable

REMOVED_NAME = "[nom retiré]"
REMOVED_EMAIL = "[adresse retirée]"
REMOVED_PHONE = "[numéro retiré]"
CIVILITIES = {
    "m",
    "mr",
    "mme",
    "mlle",
    "madame",
    "monsieur",
    "mademoiselle",
    "dr",
    "docteur",
    "me",
    "maitre",
    "pr",
    "professeur",
}
PARTICLES = {"de", "du", "des", "la", "le", "les", "d", "l", "van", "von", "der", "den"}
PARTICLES |= {"da", "di", "del", "dos", "el", "al", "ben", "bin", "et", "y", "mc"}
# Little words that join the words of a role: « Secrétaire de mairie ou DGS »,
# « Délégué à la protection des données », « Chargée de mission pour l'école ».
CONNECTORS = {"ou", "a", "au", "aux", "en", "pour", "sur", "chez", "avec", "par"}
_ROLE_WORDS = """
    accueil achats adjoint adjointe admin administrateur administratif administrative
    affaires agent agente agents archives assistant assistante bureau ccas cantine charge
    chargee chef cheffe civil commune communication comptabilite conseil conseiller
    conseillere coordinateur coordinatrice culture dga dgs donnees dpd dpo drh dst delegue
    deleguee direction directeur directrice documentation ecole elu elue elus epci equipe
    etat finances fournisseur general generale gestionnaire guest informatique
    intercommunalite invite juridique maire mairie marches mission municipal municipale
    numerique periscolaire pc pole police population poste prestataire projet protection
    root administrator owner proprietaire windows
    public referent referente responsable rh scolaires secretaire secretariat service
    services standard technique techniques urbanisme user utilisateur
"""
ROLE_VOCABULARY = set(_ROLE_WORDS.split())
ANONYMOUS_OWNER = "Responsable désigné par la commune"
ROLE_WORDS = {
    "agent",
    "agent chargé du projet",
    "dgs",
    "directeur général des services",
    "directrice générale des services",
    "secrétaire de mairie",
    "maire",
    "adjoint",
    "adjointe",
    "élu",
    "élue",
    "élu référent",
    "conseil municipal",
    "dpd",
    "dpo",
    "délégué à la protection des données",
    "fournisseur",
    "service informatique",
    "intercommunalité",
    "epci",
}
# Endings of a name in a text: plural (« les Lefèvres », « les Moreaux ») or possessive.
ENDING = r"(?:['’]s|s|x)?"
# Surnames that are also common words: alone, they are a name only when capitalised.
COMMON_WORDS = frozenset(
    (  # noqa: SIM905 - a list of words reads better as words
        """
        petit petite grand grande blanc blanche noir brun roux fort gros bon bel beau jeune
        vieux doux bois pont roche fontaine riviere moulin champ chemin jardin porte salle
        garde page prince roi comte duc baron marquis renard lievre loup mouton coq pigeon
        merle lion chat lapin rose olive pierre claude marin martin vallee montagne plaine
        boucher boulanger meunier berger marchand mercier masson charpentier chevalier fabre
        faure sage juste clair fleur foret lac mer ciel soleil etoile lune bonheur legrand
        lenoir leblanc lebrun lefort leroy grange ferme village cote rue place
        """
    ).split()
)
ACCENTED = "àâäáãåçéèêëîïíìñôöóòõøùûüúÿý"
SEPARATOR = r"[\s.,_-]+"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+33[\s.]?(?:\(0\))?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
NOT_A_WORD_BEFORE, NOT_A_WORD_AFTER = r"(?<![\w])", r"(?![\w])"


def plain(text: str) -> str:
    """Lower case without accents: « Hélène » -> « helene »."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _variants(letter: str) -> str:
    base = plain(letter)
    if len(base) != 1 or not base.isalpha():
        return re.escape(letter)
    same = {base, *(c for c in ACCENTED if plain(c) == base)}
    return "".join(sorted(same | {c.upper() for c in same}))


def loose(word: str, capital: bool = False) -> str:
    """A pattern matching `word` in any case and with or without accents; with
    `capital`, only when written with a capital first letter."""
    parts = []
    for index, char in enumerate(word):
        if char in "-'’":
            parts.append(r"[-'’\s]?")
        elif char.isalpha():
            letters = _variants(char)
            if capital and index == 0:
                letters = "".join(sorted({c for c in letters if c.isupper()}))
            parts.append(f"[{letters}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def words(name: str) -> list[str]:
    return [word for word in re.split(r"[\s.,_;/()]+", name) if word]


def is_role(name: str) -> bool:
    """A role or a service (« DGS », « Service technique »), not the name of a person."""
    pieces = [plain(piece) for word in words(name) for piece in re.split(r"[-'’]", word)]
    ignored = CIVILITIES | PARTICLES | CONNECTORS | ROLE_VOCABULARY
    return all(piece in ignored or piece.isdigit() for piece in pieces if piece)


def person_name(candidate: str) -> str:
    """`candidate` cleaned if it names a person, else '' (roles, tags such as the
    « origine|… » of an answer taken from a document, e-mail addresses, numbers)."""
    text = " ".join(candidate.split())
    if len(text) < 2 or "|" in text or "@" in text or is_role(text):
        return ""
    return text


def parts(tokens: list[str]) -> list[str]:
    """The parts of a name that name the person alone: each piece of a compound name
    (« Delacroix-Vial » -> « Delacroix », « Vial »), without particles, civilities and
    words of roles, two letters at least."""
    found = []
    for token in tokens:
        for piece in re.split(r"[-'’]", token):
            if len(piece) >= 2 and plain(piece) not in CIVILITIES | PARTICLES | ROLE_VOCABULARY:
                found.append(piece)
    return found


def part_pattern(part: str) -> str:
    """One part alone: in any case and with or without accents, unless it is also a
    common word (« Petit », « Rose »), then only when written as a name (capitalised)."""
    if plain(part) in COMMON_WORDS or len(part) < 3:
        return loose(part, capital=True)
    return loose(part)


def name_patterns(name: str) -> list[str]:
    """Every pattern of one person's name, the longest forms first; each may take a
    plural or possessive ending (« les Delacroixs », « Delacroix's »)."""
    tokens = [word for word in words(name) if plain(word) not in CIVILITIES]
    significant = parts(tokens)
    if not significant:
        return []
    patterns = []
    if len(tokens) > 1:
        for start in range(len(tokens)):  # every order: « Hélène Lefèvre », « Lefèvre Hélène »
            rotated = tokens[start:] + tokens[:start]
            patterns.append(SEPARATOR.join(loose(word) for word in rotated))
        first, rest = tokens[0], SEPARATOR.join(loose(word) for word in tokens[1:])
        initial = f"{loose(first[0])}\\.?"
        # after the name, an initial only as a capital: « Lefèvre, H. », not « Lefèvre a »
        capital = f"{loose(first[0], capital=True)}\\.?"
        patterns += [f"{initial}\\s*{rest}", f"{rest},?\\s+{capital}(?![\\w])"]
    patterns += [loose(token) for token in tokens if len(parts([token])) > 1]  # « Delacroix-Vial »
    civility = "|".join(sorted(CIVILITIES, key=len, reverse=True))
    for part in significant:
        patterns.append(f"(?i:{civility})\\.?\\s+{loose(part)}")
        patterns.append(loose(part) if len(tokens) == len(significant) == 1 else part_pattern(part))
    return [f"(?:{pattern}){ENDING}" for pattern in patterns]


class Scrubber:
    """Replace the known names, e-mail addresses and telephone numbers in texts;
    `count` says how many were replaced so far."""

    def __init__(self, names: Iterable[str], protected: Iterable[str] = ()):
        found = {person_name(name) for name in names}
        self.names = sorted(name for name in found if name)
        patterns = [pattern for name in self.names for pattern in name_patterns(name)]
        patterns.sort(key=len, reverse=True)
        self.pattern = (
            re.compile(f"{NOT_A_WORD_BEFORE}(?:{'|'.join(patterns)}){NOT_A_WORD_AFTER}")
            if patterns
            else None
        )
        kept = sorted({" ".join(p.split()) for p in protected if p and p.strip()}, key=len)
        self.protected = [re.compile(loose(text)) for text in reversed(kept)]
        self.count = 0

    def scrub(self, text: str) -> str:
        if not text:
            return text
        masked, kept = self._mask(text)
        masked, emails = EMAIL.subn(REMOVED_EMAIL, masked)
        masked, phones = PHONE.subn(REMOVED_PHONE, masked)
        names = 0
        if self.pattern is not None:
            masked, names = self.pattern.subn(REMOVED_NAME, masked)
        self.count += emails + phones + names
        for index, original in enumerate(kept):
            masked = masked.replace(f"\x00{index}\x00", original)
        return masked

    def _mask(self, text: str) -> tuple[str, list[str]]:
        """Hide the protected phrases (the town's name) behind markers while scrubbing."""
        kept: list[str] = []

        def hide(match: re.Match) -> str:
            kept.append(match.group(0))
            return f"\x00{len(kept) - 1}\x00"

        for pattern in self.protected:
            text = pattern.sub(hide, text)
        return text, kept


def neutral_owner(owner: str) -> str:
    """An action's owner as an anonymised copy sends it: a role as it is, a person
    replaced by « Responsable désigné par la commune »."""
    text = owner.strip()
    if not text or text.lower() in ROLE_WORDS or is_role(text):
        return text
    return ANONYMOUS_OWNER
