"""Numbers typed the French way are read the same by the window and the command line."""

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.content import load_content, parse_value, validate_answer
from evalir_desktop.content.validation import parse_french_number
from evalir_desktop.domain.answers import Answer
from evalir_desktop.store import Store


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1500", 1500),
        ("1 500", 1500),
        ("1\u202f500", 1500),
        ("1\xa0500", 1500),
        ("2,5", 2.5),
        ("1 500,25", 1500.25),
        ("2.5", 2.5),
        ("-3", -3),
        ("4,0", 4),
        ("  12  ", 12),
        ("", None),
    ],
)
def test_french_numbers_are_read(typed, number):
    assert parse_french_number(typed) == number


@pytest.mark.parametrize("typed", ["douze", "1,2,3", "NaN", "inf", "-Infinity", "1e400", "2,5 €"])
def test_what_is_not_a_number_is_refused_in_french(typed):
    with pytest.raises(ValueError, match="Indiquez un nombre"):
        parse_french_number(typed)


def test_nan_and_infinity_are_never_a_valid_number():
    question = load_content().question("contexte.volume")
    for value in (float("nan"), float("inf"), float("-inf")):
        assert validate_answer(question, Answer(value=value)) == "Cette question attend un nombre."
    assert validate_answer(question, parse_value(question, "NaN"))


def test_evalir_answer_accepts_a_number_with_a_space(tmp_path, capsys):
    path = tmp_path / "mairie.evalir"
    assert evalir(["init", str(path), "--nom", "Saint-Just", "--insee", "42218"]) == 0
    assert evalir(["new", str(path), "--titre", "Agent conversationnel"]) == 0
    assessment = capsys.readouterr().out.splitlines()[-1]
    code = evalir(["answer", str(path), "--assessment", assessment, "contexte.volume=1 500"])
    assert code == 0, capsys.readouterr().err
    with Store.open(path, readonly=True) as store:
        assert store.answers.of(assessment)["contexte.volume"].value == 1500
