"""A file from a town of another intercommunality (its EPCI SIREN differs from the
territory's) is not merged silently: the officer is told and chooses."""

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.store import Store
from evalir_desktop.territory.conflicts import conflict_text, resolve_conflict
from evalir_desktop.territory.importing import consolidate, open_territory
from tests.factories import make_commune

LOIRE_FOREZ = {"epci_nom": "Loire Forez agglomération", "epci_siren": "200065886"}
FOREZ_EST = {"epci_nom": "Forez-Est", "epci_siren": "200065647"}


def town(folder, nom, insee, epci, title="Chatbot"):
    path = folder / f"{insee} {nom}.evalir"
    with Store.create(path) as store:
        store.town.save_commune(make_commune(nom=nom, insee=insee, **epci))
        store.assessments.create(title, content_id="c", content_version="v")
    return path


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "reçus"
    folder.mkdir()
    return {
        "stranger": town(folder, "Feurs", "42094", FOREZ_EST),  # read first (sorted by name)
        "a": town(folder, "Montbrison", "42147", LOIRE_FOREZ),
        "b": town(folder, "Écotay-l'Olme", "42087", LOIRE_FOREZ),
        "folder": folder,
        "territory": tmp_path / "territoire.evalir",
    }


def test_the_first_import_takes_the_majority_and_holds_the_other_town(files):
    report = consolidate(files["territory"], [files["folder"]])
    statuses = {item.commune: item.status for item in report.files}
    assert statuses == {"Feurs": "conflict", "Montbrison": "imported", "Écotay-l'Olme": "imported"}
    held = report.conflicts[0]
    assert held.conflict.kind == "epci"
    assert "Forez-Est" in held.reason and "Loire Forez agglomération" in held.reason
    text = conflict_text(held)
    assert "Intercommunalité du territoire" in text and "Aucune donnée de cette commune" in text
    with open_territory(files["territory"]) as store:
        assert store.territory.epci() == ("200065886", "Loire Forez agglomération")
        assert {c.nom for c in store.territory.commune_rows()} == {"Montbrison", "Écotay-l'Olme"}


def test_not_importing_is_remembered(files):
    held = consolidate(files["territory"], [files["folder"]]).conflicts[0]
    result = resolve_conflict(files["territory"], held, "keep")
    assert result.status == "unchanged" and "n'a pas été importé" in result.reason
    again = consolidate(files["territory"], [files["stranger"]]).files[0]
    assert again.status == "unchanged" and "de ne pas importer ce fichier" in again.reason
    with open_territory(files["territory"]) as store:
        assert "Feurs" not in {c.nom for c in store.territory.commune_rows()}


def test_importing_all_the_same_then_later_files_are_not_asked_again(files, tmp_path):
    held = consolidate(files["territory"], [files["folder"]]).conflicts[0]
    assert resolve_conflict(files["territory"], held, "import").status == "imported"
    with Store.open(files["stranger"]) as store:
        store.assessments.create("Caméras", content_id="c", content_version="v")
    later = consolidate(files["territory"], [files["stranger"]]).files[0]
    assert later.status == "imported" and [ref.title for ref in later.added] == ["Caméras"]


def test_a_later_town_of_another_epci_is_held_too(files, tmp_path):
    consolidate(files["territory"], [files["a"], files["b"]])
    item = consolidate(files["territory"], [files["stranger"]]).files[0]
    assert item.status == "conflict" and item.conflict.kind == "epci"


def test_a_town_without_siren_is_merged(files, tmp_path):
    consolidate(files["territory"], [files["a"]])
    silent = town(tmp_path, "Lérigneux", "42121", {"epci_nom": "", "epci_siren": ""})
    assert consolidate(files["territory"], [silent]).files[0].status == "imported"


def test_the_command_line_stops_for_a_choice_or_imports_when_told(files, capsys):
    code = evalir(["consolidate", str(files["folder"]), "-o", str(files["territory"])])
    captured = capsys.readouterr()
    assert code == 3
    assert "Forez-Est" in captured.out and "--autre-epci" in captured.err
    code = evalir(
        ["consolidate", str(files["stranger"]), "-o", str(files["territory"]), "--autre-epci"]
    )
    assert code == 0
    with open_territory(files["territory"]) as store:
        assert "Feurs" in {c.nom for c in store.territory.commune_rows()}
