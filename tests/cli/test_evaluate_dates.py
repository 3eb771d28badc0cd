"""`evalir evaluate --date`: obligations read on a date; the account of a content update."""

import json
import shutil
from pathlib import Path

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.store import Store

FIXTURE = Path(__file__).parents[1] / "fixtures" / "content-2026.11.1.evalir"
HIGH_RISK = {"aiact.haut_risque", "aiact.obligations_deployeur", "aiact.aiprd"}
# A tool that scores people applying for social aid and talks with inhabitants.
SCORING_CHATBOT = {
    "commune": {"nom": "Montbrison", "insee": "42147", "agents_etp": 20, "dpd_designe": "oui"},
    "answers": {
        "contexte.utilisateurs": ["habitants", "agents"],
        "contexte.systeme_ia": "oui",
        "contexte.type_ia": ["texte_generatif", "classement"],
        "contexte.fournisseur": "editeur_prive",
        "contexte.interaction_habitants": "oui",
        "contexte.decision_individuelle": "partielle",
        "contexte.donnees_personnelles": "oui",
        "contexte.profilage": "oui",
        "contexte.domaine_sensible": ["prestations"],
        "contexte.role_outil": "influence",
        "contexte.pratiques_interdites": ["aucune_pratique"],
    },
}


def run(capsys, *args) -> tuple[int, str, str]:
    code = evalir([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def answers_file(tmp_path) -> Path:
    path = tmp_path / "réponses.json"
    path.write_text(json.dumps(SCORING_CHATBOT, ensure_ascii=False), encoding="utf-8")
    return path


def _in_force(capsys, answers_file, day: str) -> tuple[dict, dict]:
    code, out, _ = run(capsys, "evaluate", "--answers", answers_file, "--date", day, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["reference_date"] == day
    return data, {ob["id"]: ob["in_force"] for ob in data["obligations"]}


def test_high_risk_rules_are_to_anticipate_in_2026_and_in_force_in_2028(capsys, answers_file):
    december, before = _in_force(capsys, answers_file, "2026-12-01")
    january, after = _in_force(capsys, answers_file, "2028-01-01")
    assert set(before) >= HIGH_RISK and set(after) >= HIGH_RISK
    assert not any(before[rule_id] for rule_id in HIGH_RISK)
    assert all(after[rule_id] for rule_id in HIGH_RISK)
    for obligation in december["obligations"]:
        if obligation["id"] in HIGH_RISK:
            assert obligation["applies_from"] == "2027-12-02"
            assert obligation["final_limit"] == "2030-08-02"
            assert obligation["months_left"] == 12


def test_article_50_is_in_force_on_both_dates_and_not_before_august_2026(capsys, answers_file):
    _, december = _in_force(capsys, answers_file, "2026-12-01")
    _, january = _in_force(capsys, answers_file, "2028-01-01")
    assert december["aiact.transparence_interaction"] is True
    assert january["aiact.transparence_interaction"] is True
    _, july = _in_force(capsys, answers_file, "2026-07-01")
    assert july["aiact.transparence_interaction"] is False


def test_the_text_output_says_in_force_or_to_anticipate(capsys, answers_file):
    code, out, _ = run(capsys, "evaluate", "--answers", answers_file, "--date", "2026-12-01")
    assert code == 0
    assert "Obligations lues au 1er décembre 2026" in out
    assert "Application : Applicable à partir du 2 décembre 2027\u202f: à anticiper" in out
    assert "Application : En vigueur depuis le 2 août 2026" in out


@pytest.mark.parametrize("bad", ["2026-13-01", "01/12/2026", "demain"])
def test_a_bad_date_is_refused_in_french(capsys, answers_file, bad):
    with pytest.raises(SystemExit) as exit_info:
        evalir(["evaluate", "--answers", str(answers_file), "--date", bad])
    err = capsys.readouterr().err
    assert exit_info.value.code != 0
    assert "date attendue au format AAAA-MM-JJ" in err and "Traceback" not in err


def test_an_assessment_of_content_2026_11_1_gets_the_account_of_changes(capsys, tmp_path):
    path = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, path)
    with Store.open(path, readonly=True) as store:
        ids = {record.title: record.id for record in store.assessments.all()}
        before = {aid: store.answers.of(aid) for aid in ids.values()}
    voice_bot = ids["Agent vocal du standard téléphonique"]
    code, out, err = run(
        capsys, "evaluate", path, "--assessment", voice_bot, "--date", "2026-12-01"
    )
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("Depuis la mise à jour du questionnaire (version 2026.11.1")
    assert "1 obligation ajoutée, 2 questions nouvelles à répondre, 2 réponses à revoir." in first
    assert "Transfert de données hors de l'Union européenne" in out
    assert "Depuis la mise à jour du questionnaire" in err  # the warning says it too
    code, out, _ = run(capsys, "evaluate", path, "--assessment", voice_bot, "--json")
    update = json.loads(out)["content_update"]
    assert update["obligations_added"] == ["rgpd.transferts_hors_ue"]
    assert update["text"].startswith("Depuis la mise à jour du questionnaire")
    with Store.open(path, readonly=True) as store:
        assert {aid: store.answers.of(aid) for aid in ids.values()} == before
