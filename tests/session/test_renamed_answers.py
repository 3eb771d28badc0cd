"""A stored assessment answered under a renamed question id, read through every entry point."""

import json

import pytest

from evalir_desktop.assessment import evaluate
from evalir_desktop.cli import content as cli_content
from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.answers import Answer
from evalir_desktop.report import report_data
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.session.versions import compare_stored, content_version_notice
from evalir_desktop.store import Store
from evalir_desktop.territory.aggregate import load_evaluated
from tests.content.helpers import answers
from tests.content.renamed import CHATBOT, NEW_ID, OLD_ID, renamed_content


@pytest.fixture
def content(tmp_path):
    return renamed_content(tmp_path)


@pytest.fixture
def old_assessment(store, content):
    """An assessment of an earlier version: the renamed question answered under OLD_ID."""
    record = store.assessments.create(
        "Agent conversationnel", content_id=content.id, content_version="2026.01.0"
    )
    for question_id, answer in answers({**CHATBOT, OLD_ID: "non"}).items():
        store.answers.save(record.id, question_id, answer)
    return record


def expected_evaluation(store, content):
    return evaluate(content, answers({**CHATBOT, NEW_ID: "non"}), store.town.commune())


def test_stored_answers_are_read_under_the_new_id(store, content, old_assessment):
    read = AssessmentSession(store, content, old_assessment.id).answers
    assert read[NEW_ID] == Answer(value="non") and OLD_ID not in read
    assert OLD_ID in store.answers.of(old_assessment.id)  # the file is not rewritten


def test_the_version_notice_says_renamed_answers_are_carried_over(content, old_assessment):
    notice = content_version_notice(old_assessment, content)
    assert notice.endswith("Les réponses aux questions renommées depuis sont reprises.")


def test_report_summary_and_comparison_see_the_renamed_answer(store, content, old_assessment):
    expected = expected_evaluation(store, content)
    data = report_data(store, old_assessment.id, content)
    assert data.answers[NEW_ID].value == "non"
    assert data.evaluation == expected
    binding = [ob for ob in expected.obligations if ob.level in ("interdit", "obligation")]
    assert AssessmentSession(store, content, old_assessment.id).summary().obligations == len(
        binding
    )
    copy = store.assessments.copy(old_assessment.id, "Copie", as_new_version=True)
    comparison = compare_stored(store, content, old_assessment.id, copy.id)
    assert comparison.answers_changed == []


def test_territory_evaluates_the_renamed_answer(store, content, old_assessment):
    (item,) = load_evaluated(store, content)
    assert item.evaluation == expected_evaluation(store, content)


def test_cli_evaluate_reads_the_renamed_answer(store, content, old_assessment, monkeypatch, capsys):
    monkeypatch.setattr(cli_content, "load_content", lambda: content)
    store.close()
    code = evalir(["evaluate", str(store.path), "--assessment", old_assessment.id, "--json"])
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    obligations = [ob["id"] for ob in printed["obligations"]]
    assert "canal_humain.absent" in obligations


def test_a_new_answer_is_saved_under_the_new_id_and_wins(store, content, old_assessment):
    AssessmentSession(store, content, old_assessment.id).save_answer(NEW_ID, Answer(value="oui"))
    stored = store.answers.of(old_assessment.id)
    assert stored[NEW_ID].value == "oui" and stored[OLD_ID].value == "non"
    assert AssessmentSession(store, content, old_assessment.id).answers[NEW_ID].value == "oui"


def test_clearing_the_answer_also_clears_the_old_id(store, content, old_assessment):
    AssessmentSession(store, content, old_assessment.id).save_answer(NEW_ID, Answer())
    stored = store.answers.of(old_assessment.id)
    assert OLD_ID not in stored and NEW_ID not in stored
    assert NEW_ID not in AssessmentSession(store, content, old_assessment.id).answers


def test_cli_answer_saves_under_the_new_id_keeping_the_comment(
    store, content, old_assessment, monkeypatch, capsys
):
    store.answers.save(old_assessment.id, OLD_ID, Answer(value="non", comment="Guichet fermé"))
    monkeypatch.setattr(cli_content, "load_content", lambda: content)
    store.close()
    code = evalir(["answer", str(store.path), "--assessment", old_assessment.id, f"{NEW_ID}=oui"])
    assert code == 0
    with Store.open(store.path, readonly=True) as reopened:
        stored = reopened.answers.of(old_assessment.id)
    assert stored[NEW_ID] == Answer(value="oui", comment="Guichet fermé")
    assert stored[OLD_ID].value == "non"
