"""Issue 11: malicious but schema-valid files go through every command, the window and
`consolidate` without a crash, a traceback, a modified file or a raw escape printed."""

import hashlib
from pathlib import Path

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.territory.importing import consolidate
from tests.hostile.make_hostile import HOSTILE, base_file, make_hostile
from tests.ui.helpers import open_window

RAW = ("\x1b", "\u202e", "\x07", "Traceback")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    return make_hostile(tmp_path_factory.mktemp("hostiles"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def commands(path: Path, out: Path) -> list[list[str]]:
    return [
        ["check", str(path)],
        ["check", str(path), "--json"],
        ["info", str(path)],
        ["info", str(path), "--json"],
        ["report", str(path), "-o", str(out / "rapport.pdf")],
        ["export", str(path), "--format", "reponses-csv", "-o", str(out / "r.csv")],
        ["export", str(path), "--format", "inventaire-json", "-o", str(out / "i.json")],
        ["share", str(path), "-o", str(out / "copie.evalir")],
        ["consolidate", str(path), "-o", str(out / "territoire.evalir")],
    ]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_command_survives(hostile, name, tmp_path, capsys):
    path = hostile[name]
    before = digest(path)
    for command in commands(path, tmp_path):
        code = evalir(command)
        captured = capsys.readouterr()
        assert code in (0, 1, 2), command
        for raw in RAW:
            assert raw not in captured.out + captured.err, (command, raw)
    assert digest(path) == before


def test_check_names_what_it_sets_aside(hostile, capsys):
    for name in ("json-nan", "json-5000-listes", "date-9999-99-99", "titre-1-mo"):
        assert evalir(["check", str(hostile[name])]) == 2, name
        assert "écartée" in capsys.readouterr().out, name


def test_one_bad_file_never_stops_the_others(hostile, tmp_path):
    good = base_file(tmp_path / "bonne.evalir", insee="42218")
    report = consolidate(tmp_path / "territoire.evalir", [*hostile.values(), good])
    by_name = {item.file_name: item for item in report.files}
    assert by_name["bonne.evalir"].status == "imported"
    for item in report.files:
        if item.status == "refused":
            assert item.reason, item.file_name


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_window_opens_every_file_and_assessment(qtbot, hostile, name, tmp_path):
    """The window opens a town's file for writing (it remembers the step on screen), so
    it works on a copy here; what matters is that nothing crashes."""
    path = tmp_path / hostile[name].name
    path.write_bytes(hostile[name].read_bytes())
    window = open_window(qtbot, path, create=False)
    for record in window.store.assessments.all():
        window.open_assessment(record.id)
        window.close_assessment()
    window.close_store()
    window.close()
