"""`evalir init`, `check`, `info`: French messages, exit codes, no traceback."""

import json

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.store import SCHEMA_VERSION


def test_init_then_check_and_info(tmp_path, capsys):
    path = tmp_path / "Mairie de Saint-Étienne" / "évaluations IA.evalir"
    path.parent.mkdir()
    code = evalir(
        [
            "init",
            str(path),
            "--nom",
            "Saint-Étienne",
            "--insee",
            "42218",
            "--population",
            "171000",
            "--agents",
            "49",
            "--epci",
            "Saint-Étienne Métropole",
            "--siren-epci",
            "244200770",
        ]
    )
    assert code == 0
    capsys.readouterr()
    assert evalir(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["commune"] == "Saint-Étienne"
    assert report["integrite"] == "ok"
    assert report["version_schema"] == SCHEMA_VERSION
    assert evalir(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["commune"]["agents_etp"] == 49
    assert info["commune"]["epci_siren"] == "244200770"
    assert info["evaluations"] == []


def test_init_refuses_existing_file(tmp_path, capsys):
    path = tmp_path / "a.evalir"
    assert evalir(["init", str(path), "--nom", "A", "--insee", "01001"]) == 0
    before = path.read_bytes()
    assert evalir(["init", str(path), "--nom", "B", "--insee", "01002"]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--insee", "4221", "code INSEE"),
        ("--insee", "2C004", "Corse"),
        ("--siren-epci", "123456789", "SIREN"),
        ("--population", "-5", "négative"),
        ("--agents", "beaucoup", "nombre"),
    ],
)
def test_init_refuses_bad_profile(tmp_path, capsys, option, value, message):
    path = tmp_path / "b.evalir"
    args = {"--insee": "42218"}
    args[option] = value
    flat = [item for pair in args.items() for item in pair]
    assert evalir(["init", str(path), "--nom", "Bourg", *flat]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not path.exists()


def test_unknown_command_is_french(capsys):
    with pytest.raises(SystemExit) as exit_info:
        evalir(["inventer"])
    assert exit_info.value.code == 2
    assert "commande incorrecte" in capsys.readouterr().err


def test_check_human_output(tmp_path, capsys):
    path = tmp_path / "c.evalir"
    evalir(["init", str(path), "--nom", "Èze", "--insee", "06059"])
    capsys.readouterr()
    assert evalir(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Commune : Èze" in out
    assert "Intégrité : ok" in out


def test_info_lists_assessments_with_progress(tmp_path, capsys):
    path = tmp_path / "d.evalir"
    evalir(["init", str(path), "--nom", "Èze", "--insee", "06059"])
    evalir(
        [
            "new",
            str(path),
            "--titre",
            "Agent conversationnel",
            "--modele",
            "agent_conversationnel_accueil",
        ]
    )
    capsys.readouterr()
    assert evalir(["info", str(path), "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)["evaluations"]
    assert item["titre"] == "Agent conversationnel"
    assert 0 < item["progression"] < 100  # the template fills the context only
    assert item["statut"] == "idee"


def test_help_and_usage_errors_are_french(capsys):
    with pytest.raises(SystemExit) as exit_info:
        evalir(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : evalir")
    assert "afficher cette aide" in out
    assert "show this help" not in out
    assert "afficher la version du programme" in out and "show program" not in out
    with pytest.raises(SystemExit):
        evalir(["init"])
    assert "ces éléments sont obligatoires" in capsys.readouterr().err


def test_window_program_help_is_french(capsys):
    from evalir_desktop.app import parse_arguments

    with pytest.raises(SystemExit):
        parse_arguments(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("utilisation : evalir-desktop") and "afficher cette aide" in out
    assert "positional arguments" not in out
