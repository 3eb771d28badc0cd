"""French typography helpers for screens: narrow no-break spaces and plural forms (no Qt)."""

import re
from pathlib import Path

import pytest

from evalir_desktop.french import NNBSP, counted, first_upper, spaced
from evalir_desktop.plurals import numerus_forms, plural_form

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Référence : %s", f"Référence{NNBSP}: %s"),
        ("Pourquoi cette question ?", f"Pourquoi cette question{NNBSP}?"),
        ("a ; b ! c", f"a{NNBSP}; b{NNBSP}! c"),
        ("« Je ne sais pas »", f"«{NNBSP}Je ne sais pas{NNBSP}»"),
        ("«Oui»", f"«{NNBSP}Oui{NNBSP}»"),
        ("Rendez-vous à 10:30, https://www.cnil.fr", "Rendez-vous à 10:30, https://www.cnil.fr"),
        ("déjà\u00a0: espacé", f"déjà{NNBSP}: espacé"),
        ("", ""),
    ],
)
def test_spaced(text, expected):
    assert spaced(text) == expected
    assert spaced(expected) == expected  # applying it twice changes nothing


def test_first_upper_keeps_names_as_typed():
    text = "évaluation validée par Marie Dupont, directrice générale des services"
    assert (
        first_upper(text) == "Évaluation validée par Marie Dupont, directrice générale des services"
    )


def test_plural_forms_come_from_the_linguist_file():
    forms = numerus_forms()
    assert forms  # the file is read
    for source, (_singular, plural) in forms.items():
        assert "%n" in plural and plural == source  # the source is the plural
    assert plural_form("Document prêt : %n pages.", 1) == "Document prêt : %n page."
    assert plural_form("Document prêt : %n pages.", 0) == "Document prêt : %n page."
    assert plural_form("Document prêt : %n pages.", 2) == "Document prêt : %n pages."
    assert plural_form("Pas dans le fichier", 3) == "Pas dans le fichier"
    assert [counted(n, "page", "pages") for n in (0, 1, 2)] == ["0 page", "1 page", "2 pages"]


def test_no_parenthesised_plurals_in_the_program_and_its_resources():
    pattern = re.compile(r"\w\(s\)")
    found = []
    for folder in ("evalir_desktop", "resources"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".toml", ".html", ".json", ".ts", ".md"}:
                text = path.read_text(encoding="utf-8")
                found += [f"{path.relative_to(ROOT)}" for _ in pattern.finditer(text)]
    assert found == []
