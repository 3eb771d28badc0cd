"""The synthetic town generator writes valid, varied, realistic files."""

import runpy
import sys
from pathlib import Path

from evalir_desktop.content import load_content, validate_answer
from evalir_desktop.domain.commune import INSEE_PATTERN
from evalir_desktop.store import Store
from tests.synthetic import FALLBACK, default_catalogue, generate_towns

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "generate_towns.py"


def test_generated_files_are_valid_and_varied(generated):
    content = load_content()
    assert default_catalogue().content_id == content.id
    insee, names, statuses, templates, unknowns, decisions = set(), set(), set(), set(), 0, 0
    for path in generated:
        with Store.open(path, readonly=True) as store:
            commune = store.town.commune()
            insee.add(commune.insee)
            names.add(commune.nom)
            assert INSEE_PATTERN.match(commune.insee)
            for record in store.assessments.all():
                statuses.add(record.status)
                templates.add(record.template_id)
                assert record.content_id == content.id
                for question_id, answer in store.answers.of(record.id).items():
                    question = content.question(question_id)
                    assert question is not None, question_id
                    assert validate_answer(question, answer) is None, question_id
                    unknowns += answer.unknown
                decisions += store.plan.decision(record.id) is not None
    assert len(insee) == len(generated)
    assert any(any(ch in name for ch in "éèêëçôœ") for name in names)
    assert len(statuses) >= 3 and len(templates) >= 3
    assert unknowns > 0 and decisions > 0


def test_fallback_catalogue_works_without_content(tmp_path):
    (path,) = generate_towns(tmp_path, 1, assessments=2, catalogue=FALLBACK)
    with Store.open(path, readonly=True) as store:
        assert [r.content_id for r in store.assessments.all()] == ["evalir-synthetique"] * 2


def test_script(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "communes é"
    monkeypatch.setattr(sys, "argv", ["generate_towns.py", str(folder), "-n", "2", "-a", "1"])
    try:
        runpy.run_path(str(SCRIPT), run_name="__main__")
    except SystemExit as exit_:
        assert exit_.code == 0
    assert len(list(folder.glob("*.evalir"))) == 2
    assert "2 fichier(s)" in capsys.readouterr().out
