"""`evalir attach`, and the dossier in `evalir info`, `check`, `evaluate --json` and
`share --pieces-jointes`: French messages, exit codes, the file untouched on refusal."""

import hashlib
import json
import sqlite3

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.content import load_content
from evalir_desktop.domain import attachment_rules as rules
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.store import Store
from tests.dossier_factory import DPD, add_dossier


@pytest.fixture
def town(tmp_path, commune):
    path = tmp_path / "Mairie d'Étienne" / "évaluations.evalir"
    content = load_content()
    with Store.open(path, create=True, who="Hélène Dupré") as store:
        store.town.save_commune(commune)
        record = start_assessment(store, content, "Agent conversationnel", None)
    return path, record.id


@pytest.fixture
def piece(tmp_path):
    path = tmp_path / "Devis n° 12.pdf"
    path.write_bytes(b"%PDF-1.4 devis " * 100)
    return path


def test_attach_then_info_and_check(town, piece, capsys):
    path, assessment_id = town
    code = evalir(
        [
            "attach",
            str(path),
            "--assessment",
            assessment_id[:8],
            "--type",
            "devis",
            "--question",
            "donnees.conservation",
            str(piece),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert (
        hashlib.sha256(piece.read_bytes()).hexdigest() in out and "Joint : Devis n° 12.pdf" in out
    )
    assert evalir(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["evaluations"][0]["pieces_jointes"] == 1
    assert evalir(["check", str(path)]) == 0
    assert "Pièces jointes : 1" in capsys.readouterr().out
    with Store.open(path, readonly=True) as store:
        (record,) = store.attachments.of(assessment_id)
        assert (record.kind, record.question_id) == ("devis", "donnees.conservation")


def test_attach_refuses_beyond_the_limit_and_leaves_the_file_as_it_was(
    town, tmp_path, capsys, monkeypatch
):
    path, assessment_id = town
    monkeypatch.setattr(rules, "MAX_FILE_BYTES", 100)
    big = tmp_path / "contrat.pdf"
    big.write_bytes(b"x" * 101)
    before = path.read_bytes()
    assert evalir(["attach", str(path), "--assessment", assessment_id, str(big)]) == 2
    err = capsys.readouterr().err
    assert "ne peut pas dépasser" in err and "disque partagé" in err and "Traceback" not in err
    assert path.read_bytes() == before and big.read_bytes() == b"x" * 101


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--question", "nimporte.quoi"], "n'existe pas dans le questionnaire"),
        (["--assessment", "00000000-0000"], "Aucune évaluation"),
    ],
)
def test_attach_refuses_bad_targets(town, piece, capsys, args, reason):
    path, assessment_id = town
    base = ["attach", str(path), "--assessment", assessment_id]
    assert evalir([*base, *args, str(piece)]) == 2
    assert reason in capsys.readouterr().err


def test_a_program_is_refused(town, tmp_path, capsys):
    path, assessment_id = town
    program = tmp_path / "mise à jour.bat"
    program.write_text("echo")
    assert evalir(["attach", str(path), "--assessment", assessment_id, str(program)]) == 2
    assert "programme ou un script" in capsys.readouterr().err


def test_evaluate_json_holds_the_opinions(town, capsys):
    path, assessment_id = town
    with Store.open(path) as store:
        add_dossier(store, assessment_id)
    assert evalir(["evaluate", str(path), "--assessment", assessment_id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    steps = {item["etape"]: item for item in data["avis"]}
    assert steps["donnees"]["a_corriger"] and steps["donnees"]["avis"][0]["nom"] == DPD
    assert steps["donnees"]["a_revoir"][0].startswith("DPD")
    assert steps["besoin"]["avis_le_plus_strict"] == "acceptable"
    assert evalir(["evaluate", str(path), "--assessment", assessment_id]) == 0
    assert "Avis des relecteurs" in capsys.readouterr().out


def test_share_carries_attachments_only_when_asked(town, tmp_path, capsys):
    path, assessment_id = town
    with Store.open(path) as store:
        add_dossier(store, assessment_id)
    plain, ticked = tmp_path / "sans.evalir", tmp_path / "avec.evalir"
    assert evalir(["share", str(path), "-o", str(plain), "--anonymiser"]) == 0
    assert evalir(["share", str(path), "-o", str(ticked), "--pieces-jointes"]) == 0
    assert "Pièces jointes incluses : 2" in capsys.readouterr().out
    for copy, count in ((plain, 0), (ticked, 2)):
        conn = sqlite3.connect(copy)
        assert conn.execute("SELECT count(*) FROM attachment").fetchone()[0] == count
        conn.close()
