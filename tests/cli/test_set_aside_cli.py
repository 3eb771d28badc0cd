"""Issue 21, P2: a received file with oversized values (a 99,000-character comment, a
1 MB title): every command says what it set aside and why, echoing short excerpts only."""

import json

import pytest

from evalir_desktop.cli import main as evalir
from tests.hostile.make_hostile import altered
from tests.sql import scalar


@pytest.fixture
def received(tmp_path):
    return altered(tmp_path / "recu.evalir", ("UPDATE answer SET comment = ?", ("é" * 99_000,)))


@pytest.fixture
def huge_title(tmp_path):
    path = altered(
        tmp_path / "titre.evalir", ("UPDATE assessment SET title = ?", ("A" * 1_000_000,))
    )
    return path, assessment_of(path)


def assessment_of(path):
    return scalar(path, "SELECT id FROM assessment")


def commands(path, assessment_id, out):
    return [
        ["info", str(path)],
        ["evaluate", str(path), "--assessment", assessment_id],
        [
            "report",
            str(path),
            "--assessment",
            assessment_id,
            "--type",
            "synthese",
            "-o",
            str(out / "r.pdf"),
        ],
        [
            "export",
            str(path),
            "--assessment",
            assessment_id,
            "--format",
            "reponses-csv",
            "-o",
            str(out / "r.csv"),
        ],
    ]


def test_every_command_says_which_answers_were_set_aside(received, tmp_path, capsys):
    before = received.read_bytes()
    for argv in commands(received, assessment_of(received), tmp_path):
        for old in tmp_path.glob("r.*"):
            old.unlink()
        code = evalir(argv)
        err = capsys.readouterr().err
        assert code == 0, err
        assert "écartée" in err and "comment" in err, argv[0]
        assert len(err) < 3000 and "é" * 100 not in err  # a short excerpt, never the value
    assert received.read_bytes() == before


def test_an_assessment_with_a_huge_title_is_named_as_set_aside(huge_title, tmp_path, capsys):
    path, assessment_id = huge_title
    for argv in commands(path, assessment_id, tmp_path)[1:]:
        code = evalir(argv)
        err = capsys.readouterr().err
        assert code == 2
        assert "Évaluations : ." not in err
        assert "écartée" in err and "A" * 100 not in err, argv[0]
    assert evalir(["info", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["evaluations"] == []
    assert "écartée" in captured.err


def test_a_long_value_typed_on_the_command_line_is_echoed_as_an_excerpt(received, capsys):
    wanted = "z" * 50_000
    assert evalir(["evaluate", str(received), "--assessment", wanted]) == 2
    err = capsys.readouterr().err
    assert "z" * 100 not in err
    assert "caractères)" in err
