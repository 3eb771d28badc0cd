"""Issue 21, point 7: JSON from outside is bounded before parsing, refused in French."""

import json

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.product.dossier import DossierRefused, read_dossier

HOSTILE = {
    "profondeur": "[" * 400 + "]" * 400,
    "objets profonds": '{"a":' * 400 + "1" + "}" * 400,
    "entier géant": "1" * 5000,
    "entier dans un objet": '{"answers": {"x": ' + "9" * 4400 + "}}",
    "flottant infini": '{"answers": {"x": 1e999}}',
    "NaN": '{"answers": {"x": NaN}}',
    "surrogate": '{"answers": {"x": "\\ud800"}}',
    "texte géant": '{"answers": {"x": "' + "a" * 200_001 + '"}}',
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_dossier_is_refused_in_french(tmp_path, text):
    path = tmp_path / "reçu.evalir-produit"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DossierRefused) as refused:
        read_dossier(path)
    assert "reçu.evalir-produit" in str(refused.value)
    assert "Demandez à l'expéditeur" in str(refused.value)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_answers_file_is_refused_with_exit_2(tmp_path, capsys, text):
    path = tmp_path / "reponses.json"
    path.write_text(text, encoding="utf-8")
    code = evalir(["evaluate", "--answers", str(path), "--json"])
    err = capsys.readouterr().err
    assert code == 2
    assert "refusé" in err
    assert "Traceback" not in err and "RecursionError" not in err
    assert "inattendue" not in err  # refused for its reason, not caught as a crash


def test_a_deep_value_on_the_command_line_is_refused_without_a_crash(store, capsys):
    from tests.report.factories import demo_assessment

    assessment_id = demo_assessment(store, comment_length=10, actions=1)
    store.close()
    before = store.path.read_bytes()
    deep = "[" * 2000 + "]" * 2000
    code = evalir(
        ["answer", str(store.path), "--assessment", assessment_id, f"contexte.canaux={deep}"]
    )
    err = capsys.readouterr().err
    assert code == 2, err
    assert "inattendue" not in err and "Traceback" not in err
    assert store.path.read_bytes() == before


def test_an_ordinary_answers_file_is_still_read(tmp_path, capsys):
    path = tmp_path / "reponses.json"
    path.write_text(json.dumps({"answers": {}}), encoding="utf-8")
    assert evalir(["evaluate", "--answers", str(path), "--json"]) == 0, capsys.readouterr().err
