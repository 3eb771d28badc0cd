"""`evalir content`, `new`, `answer`, `evaluate`: JSON keys, French refusals, exit codes."""

import json

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.answers import Answer
from evalir_desktop.store import Store
from tests.content.test_content_load import REQUIRED_RULES, REQUIRED_TEMPLATES


@pytest.fixture
def town_file(tmp_path, capsys):
    path = tmp_path / "Mairie de Saint-Étienne" / "évaluations.evalir"
    path.parent.mkdir()
    args = ["init", str(path), "--nom", "Saint-Just", "--insee", "42218", "--agents", "49"]
    assert evalir(args) == 0
    capsys.readouterr()
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = evalir([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_content_json_lists_axes_questions_templates_rules(capsys):
    code, out, _ = run(capsys, "content", "--json")
    assert code == 0
    data = json.loads(out)
    scored = [axis for axis in data["axes"] if axis["scored"]]
    assert len(scored) >= 10
    questions = [q for axis in data["axes"] for q in axis["questions"]]
    assert len(questions) >= 70
    first = next(q for q in questions if q["id"] == "contexte.type_ia")
    assert {"id", "type", "options", "show_if", "label", "help"} <= set(first)
    assert "not" in first["show_if"]
    assert len(data["templates"]) >= 6
    assert {t["id"] for t in data["templates"]} >= REQUIRED_TEMPLATES
    assert set(data["rule_ids"]) >= REQUIRED_RULES


def test_content_human_output_is_french(capsys):
    code, out, _ = run(capsys, "content")
    assert code == 0 and "questions" in out and "Règles" in out


def test_blank_assessment_evaluates_to_zero_completion_and_no_obligation(town_file, capsys):
    code, out, _ = run(capsys, "new", town_file, "--titre", "Projet d'accueil")
    assert code == 0
    assessment_id = out.strip()
    code, out, _ = run(capsys, "evaluate", town_file, "--assessment", assessment_id, "--json")
    assert code == 0
    data = json.loads(out)
    assert {"obligations", "axes", "unknowns", "recommendations", "completion"} <= set(data)
    assert data["obligations"] == [] and data["completion"] == 0
    assert all(axis["completion"] == 0 for axis in data["axes"])
    assert {"id", "score", "completion"} <= set(data["axes"][0])


def test_template_answers_then_evaluate(town_file, capsys):
    code, out, _ = run(
        capsys, "new", town_file, "--titre", "Standard", "--modele", "agent_conversationnel_accueil"
    )
    assert code == 0
    assessment_id = out.strip()
    code, out, err = run(
        capsys,
        "answer",
        town_file,
        "--assessment",
        assessment_id,
        "transparence.mention_ia=non",
        "besoin.origine=inconnu",
        'competences.expertise=["epci"]',
        'gouvernance.validation_humaine="examen"',
    )
    assert code == 0, err
    assert "4 réponses enregistrées" in out
    code, out, _ = run(capsys, "evaluate", town_file, "--assessment", assessment_id, "--json")
    data = json.loads(out)
    ids = {ob["id"] for ob in data["obligations"]}
    assert {"aiact.transparence_interaction", "transparence.ia_non_signalee"} <= ids
    warning = next(ob for ob in data["obligations"] if ob["id"] == "transparence.ia_non_signalee")
    assert warning["level"] == "vigilance" and warning["reference"]
    assert {"question_id": "transparence.mention_ia", "value": "non"}.items() <= next(
        t for t in warning["triggers"] if t["question_id"] == "transparence.mention_ia"
    ).items()
    assert [u["question_id"] for u in data["unknowns"]] == ["besoin.origine"]
    assert any(r["id"] == "besoin.origine.reco" for r in data["recommendations"])
    code, out, _ = run(capsys, "evaluate", town_file, "--assessment", assessment_id)
    assert code == 0 and "Ce que le droit prévoit" in out and "Parce que" in out


@pytest.mark.parametrize(
    ("pair", "fragment"),
    [
        ("inexistante.question=oui", "question inconnue"),
        ("besoin.origine=peut-etre", "Valeurs possibles"),
        ("contexte.service=inconnu", "Je ne sais pas"),
        ("besoin.origine", "QUESTION=VALEUR"),
        ("contexte.volume=-5", "au moins"),
    ],
)
def test_answer_refusals_exit_2_in_french(town_file, capsys, pair, fragment):
    _, out, _ = run(capsys, "new", town_file, "--titre", "Projet")
    code, _, err = run(capsys, "answer", town_file, "--assessment", out.strip(), pair)
    assert code == 2
    assert fragment in err and "Traceback" not in err


def test_unknown_assessment_template_and_file(town_file, tmp_path, capsys):
    code, _, err = run(capsys, "answer", town_file, "--assessment", "nope", "besoin.origine=elus")
    assert code == 2 and "nope" in err
    code, _, err = run(capsys, "new", town_file, "--titre", "X", "--modele", "robot")
    assert code == 2 and "modèle inconnu" in err
    code, _, err = run(capsys, "evaluate", tmp_path / "absent.evalir", "--assessment", "x")
    assert code == 2 and "n'existe pas" in err
    code, _, err = run(capsys, "evaluate")
    assert code == 2 and "--answers" in err


def test_evaluate_answers_file_with_town_profile(tmp_path, capsys):
    payload = {
        "commune": {"nom": "Firminy", "insee": "42095", "agents_etp": 50, "dpd_designe": "non"},
        "answers": {
            "contexte.systeme_ia": "non",
            "contexte.decision_individuelle": "partielle",
            "besoin.origine": "inconnu",
            "gouvernance.charte": {"value": "non", "comment": "à rédiger"},
        },
    }
    path = tmp_path / "réponses.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "evaluate", "--answers", path, "--json")
    assert code == 0
    data = json.loads(out)
    levels = {ob["id"]: ob["level"] for ob in data["obligations"]}
    assert levels == {
        "crpa.mention_explicite": "obligation",
        "crpa.publication_regles": "obligation",
        "rgpd.dpd_absent": "obligation",
    }
    assert data["unknowns"][0]["question_id"] == "besoin.origine"


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ("{pas du json", "JSON"),
        ('{"answers": {"x.y": "oui"}}', "question inconnue"),
        ('{"answers": {"besoin.origine": "zz"}}', "Valeurs possibles"),
        ('{"commune": {"nom": "A", "insee": "123"}}', "INSEE"),
        ('{"reponses": {}}', "reponses"),
    ],
)
def test_evaluate_answers_file_refusals(tmp_path, capsys, payload, fragment):
    path = tmp_path / "a.json"
    path.write_text(payload, encoding="utf-8")
    code, _, err = run(capsys, "evaluate", "--answers", path)
    assert code == 2 and fragment in err


def test_other_content_version_is_reported(town_file, capsys):
    with Store.open(town_file) as store:
        record = store.assessments.create(
            "Ancien", content_id="evalir-commune", content_version="0.1"
        )
        store.answers.save(record.id, "question.disparue", Answer(value="oui"))
    code, out, err = run(capsys, "evaluate", town_file, "--assessment", record.id, "--json")
    assert code == 0 and "version 0.1" in err
    assert json.loads(out)["obligations"] == []
