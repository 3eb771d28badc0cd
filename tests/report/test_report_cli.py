"""`evalir report` and `evalir export`: files written, French refusals with exit code 2."""

import json

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.answers import Answer
from tests.report.editable import docx_headings, odt_headings
from tests.report.factories import demo_assessment
from tests.report.pdftext import body_text, page_texts


@pytest.fixture
def town_file(store):
    """A town file with one demo assessment; closed so that the command opens it."""
    assessment_id = demo_assessment(store, comment_length=40, actions=4)
    store.answers.save(assessment_id, "donnees.restitution", Answer(unknown=True))
    store.close()
    return store.path, assessment_id


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("complet", "Qualification réglementaire"),
        ("synthese", "Ce qui reste à décider par les élus"),
        ("mention", "Texte à reprendre sur chaque décision"),
        ("fournisseur", "Question 1 —"),
    ],
)
def test_report_types(town_file, tmp_path, capsys, kind, expected):
    path, assessment_id = town_file
    out = tmp_path / f"sortie {kind}.pdf"
    code = evalir(
        ["report", str(path), "--assessment", assessment_id, "--type", kind, "-o", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    pdf = out.read_bytes()
    assert expected in body_text(pdf).replace("\u2019", "'")
    assert page_texts(pdf)
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["odt", "docx"])
@pytest.mark.parametrize("kind", ["complet", "synthese", "plan"])
def test_editable_formats(town_file, tmp_path, capsys, kind, fmt):
    path, assessment_id = town_file
    out = tmp_path / f"sortie {kind}.{fmt}"
    args = ["report", str(path), "--type", kind, "--format", fmt, "-o", str(out)]
    assert evalir(args) == 0, capsys.readouterr().err
    headings = odt_headings if fmt == "odt" else docx_headings
    assert headings(out.read_bytes())[0][0] in (1, 2, 3)


def test_report_without_assessment_id_uses_the_only_one(town_file, tmp_path):
    path, _ = town_file
    assert evalir(["report", str(path), "-o", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("inventaire-json", lambda b: json.loads(b)["format"] == "evalir-fiche-transparence"),
        ("inventaire-csv", lambda b: b.startswith(b"\xef\xbb\xbfadministration_nom;")),
        ("reponses-csv", lambda b: b.startswith("\ufeffAxe;Identifiant".encode())),
        ("fournisseur-csv", lambda b: b"donnees.restitution" in b),
        ("mention-txt", lambda b: b"CADA" in b and b"\r\n" in b),
    ],
)
def test_exports(town_file, tmp_path, fmt, check):
    path, assessment_id = town_file
    out = tmp_path / "export"
    assert (
        evalir(
            ["export", str(path), "--assessment", assessment_id, "--format", fmt, "-o", str(out)]
        )
        == 0
    )
    assert check(out.read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--type", "inconnu"], "type de rapport inconnu"),
        (["--assessment", "pas-un-id"], "aucune évaluation « pas-un-id »"),
        (["--type", "complet", "--question", "besoin.probleme"], "--type fournisseur"),
        (["--type", "fournisseur", "--question", "pas.une_question"], "question inconnue"),
        (["--format", "rtf"], "format inconnu « rtf »"),
        (["--type", "fournisseur", "--format", "odt"], "n'existe qu'en PDF"),
    ],
)
def test_report_refusals(town_file, tmp_path, capsys, args, message):
    path, _ = town_file
    out = tmp_path / "r.pdf"
    assert evalir(["report", str(path), *args, "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_refusals_on_files(tmp_path, capsys):
    foreign = tmp_path / "notes.evalir"
    foreign.write_text("pas une base", encoding="utf-8")
    assert evalir(["report", str(foreign), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "EVALIR" in capsys.readouterr().err
    missing = tmp_path / "absent.evalir"
    assert evalir(["export", str(missing), "--format", "reponses-csv", "-o", "x.csv"]) == 2
    assert "n'existe pas" in capsys.readouterr().err


def test_export_refuses_unknown_format_and_missing_folder(town_file, tmp_path, capsys):
    path, _ = town_file
    with pytest.raises(SystemExit) as refused:
        evalir(["export", str(path), "--format", "xls", "-o", str(tmp_path / "x")])
    assert refused.value.code == 2
    assert "commande incorrecte" in capsys.readouterr().err
    out = tmp_path / "absent" / "x.csv"
    assert evalir(["export", str(path), "--format", "reponses-csv", "-o", str(out)]) == 2
    assert "n'existe pas" in capsys.readouterr().err


def test_several_assessments_need_an_id(store, tmp_path, capsys):
    demo_assessment(store, comment_length=10, actions=0)
    demo_assessment(store, comment_length=10, actions=0, title="Deuxième projet")
    store.close()
    assert evalir(["report", str(store.path), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "précisez --assessment" in capsys.readouterr().err


def test_supplier_letter_refused_when_nothing_to_ask(store, tmp_path, capsys):
    assessment_id = demo_assessment(store, comment_length=10, actions=0, unknown_every=0)
    store.close()
    out = tmp_path / "f.pdf"
    code = evalir(
        [
            "report",
            str(store.path),
            "--assessment",
            assessment_id,
            "--type",
            "fournisseur",
            "-o",
            str(out),
        ]
    )
    assert code == 2
    assert "aucune question n'est à poser au fournisseur" in capsys.readouterr().err
