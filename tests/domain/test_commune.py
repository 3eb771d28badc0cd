import pytest
from pydantic import ValidationError

from evalir_desktop.domain.commune import Commune, insee_problem, luhn_valid, siren_problem


@pytest.mark.parametrize("code", ["42218", "2A004", "2b033", "97411", " 01001 "])
def test_valid_insee_codes(code):
    assert insee_problem(code) is None
    assert Commune(nom="X", insee=code).insee == code.strip().upper()


@pytest.mark.parametrize("code", ["", "4221", "422180", "2C004", "AB123", "42 18"])
def test_invalid_insee_codes_are_explained(code):
    assert "5 caractères" in insee_problem(code)
    with pytest.raises(ValidationError):
        Commune(nom="X", insee=code)


@pytest.mark.parametrize("siren", ["200066132", "200 030 195", "243500139"])
def test_valid_siren(siren):
    assert siren_problem(siren) is None


@pytest.mark.parametrize(
    ("siren", "hint"),
    [("123456789", "pas valide"), ("12345678", "9 chiffres"), ("20006613A", "9 chiffres")],
)
def test_invalid_siren(siren, hint):
    assert hint in siren_problem(siren)


def test_luhn():
    assert luhn_valid("732829320")
    assert not luhn_valid("732829321")


@pytest.mark.parametrize("field", ["population", "agents_etp"])
def test_negative_figures_refused(field):
    with pytest.raises(ValidationError):
        Commune(nom="X", insee="42218", **{field: -1})
