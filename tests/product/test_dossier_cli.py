"""`evalir dossier` writes a product dossier; `evalir new --depuis` starts from it."""

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store
from tests.product.towns import PRODUCT_ANSWERS


def run(capsys, *args) -> tuple[int, str, str]:
    code = evalir([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_dossier_written_by_one_town_starts_an_assessment_in_another(
    town_a, town_b, content, tmp_path, capsys
):
    code, out, _ = run(capsys, "dossier", town_a["path"], "-o", tmp_path)
    assert code == 0
    written = list(tmp_path.glob("*.evalir-produit"))
    assert len(written) == 1 and "42087" in written[0].name
    assert f"{len(PRODUCT_ANSWERS)} réponses sur l'outil" in out
    code, out, err = run(capsys, "new", town_b, "--depuis", written[0])
    assert code == 0
    assessment_id = out.strip()
    assert "réponses reprises du dossier d'Écotay-l'Olme" in err
    with Store.open(town_b, readonly=True) as store:
        session = AssessmentSession(store, content, assessment_id)
        assert set(session.answers) == set(PRODUCT_ANSWERS) == set(session.origins)


def test_a_refused_dossier_is_said_in_french_and_creates_nothing(town_b, tmp_path, capsys):
    bad = tmp_path / "faux.evalir-produit"
    bad.write_text("<html>", encoding="utf-8")
    code, out, err = run(capsys, "new", town_b, "--depuis", bad)
    assert code != 0 and out == ""
    assert "n'est pas un dossier de produit EVALIR" in err and "Traceback" not in err
    with Store.open(town_b, readonly=True) as store:
        assert store.assessments.all() == []


def test_new_without_title_nor_dossier_is_refused(town_b, capsys):
    code, _, err = run(capsys, "new", town_b)
    assert code != 0 and "--titre" in err


def test_a_template_and_a_dossier_do_not_go_together(town_b, tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        evalir(["new", str(town_b), "--depuis", str(tmp_path / "d"), "--modele", "x"])
    assert stopped.value.code != 0
    assert "impossible avec --depuis" in capsys.readouterr().err
