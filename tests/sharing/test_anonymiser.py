"""Issue 21, point 12 and the share dialog's P3 point: a known name is found by its parts,
in any case, with or without accents, in the plural and the possessive; a role is never
a name, so an anonymised copy keeps who does what."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from evalir_desktop.sharing.anonymiser import (
    ANONYMOUS_OWNER,
    REMOVED_NAME,
    Scrubber,
    neutral_owner,
)

FIRST_NAMES = ["Hélène", "Benoît", "Zoé", "Maël", "Jeanne", "Amélie", "Gérard", "Noëlle"]
SURNAMES = ["Delacroix", "Vial", "Lefèvre", "Béranger", "Crépin", "Duchêne", "Mérieux"]
SURNAMES += ["Garnier", "Roussel", "Gauthier"]
# Words a free text holds that are no name of the file (and no part of one).
PLAIN_TEXT = "Le conseil a relu le petit budget du service de l'accueil avec la mairie"
ROLE_LABELS = [
    "Délégué à la protection des données",
    "Secrétaire de mairie ou DGS",
    "Secrétaire de mairie ou directeur général des services",
    "Chargée de mission pour l'école",
]


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


FORMS = {
    "as written": lambda word: word,
    "upper case": str.upper,
    "lower case": str.lower,
    "no accents": unaccented,
    "lower case, no accents": lambda word: unaccented(word).lower(),
    "plural": lambda word: word + "s",
    "possessive": lambda word: word + "'s",
    "possessive, typographic apostrophe": lambda word: word + "’s",
}


@st.composite
def people(draw):
    first = draw(st.sampled_from(FIRST_NAMES))
    compound = draw(st.lists(st.sampled_from(SURNAMES), min_size=1, max_size=2, unique=True))
    return first, compound


@settings(deadline=None, max_examples=80)
@given(people(), st.data())
def test_every_part_of_a_known_name_is_found_in_every_form(person, data):
    first, compound = person
    name = f"{first} {'-'.join(compound)}"  # « Jeanne Delacroix-Vial »
    part = data.draw(st.sampled_from([first, *compound]), label="part")
    form = data.draw(st.sampled_from(sorted(FORMS)), label="form")
    written = FORMS[form](part)
    text = f"Vu avec {written} hier ; {PLAIN_TEXT}"
    scrubbed = Scrubber([name]).scrub(text)
    assert plain(part) not in plain(scrubbed), (name, form, scrubbed)
    assert scrubbed == f"Vu avec {REMOVED_NAME} hier ; {PLAIN_TEXT}"


@settings(deadline=None, max_examples=30)
@given(people())
def test_the_whole_compound_name_goes_at_once(person):
    first, compound = person
    surname = "-".join(compound)
    scrubbed = Scrubber([f"{first} {surname}"]).scrub(f"{surname.upper()} a signé")
    assert scrubbed == f"{REMOVED_NAME} a signé"


def test_a_surname_that_is_a_common_word_is_a_name_only_when_written_as_one():
    scrubber = Scrubber(["Paul Petit"])
    assert scrubber.scrub("un petit budget") == "un petit budget"
    assert scrubber.scrub("Petit a relu, et les Petits aussi") == (
        f"{REMOVED_NAME} a relu, et les {REMOVED_NAME} aussi"
    )


def test_role_labels_are_not_names():
    scrubber = Scrubber([*ROLE_LABELS, "Hélène Lefèvre"])
    assert scrubber.names == ["Hélène Lefèvre"]
    for label in ROLE_LABELS:
        assert scrubber.scrub(f"Avis du {label}") == f"Avis du {label}"


def test_an_anonymised_copy_keeps_the_roles_of_action_owners():
    for label in ROLE_LABELS:
        assert neutral_owner(label) == label
    assert neutral_owner("Hélène Lefèvre") == ANONYMOUS_OWNER


def test_a_generic_system_login_is_not_a_name():
    scrubber = Scrubber(["root", "Administrateur", "utilisateur", "rmoreau"])
    assert scrubber.names == ["rmoreau"]
