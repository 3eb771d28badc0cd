"""The assessment session: one reading of an assessment for every screen and command."""

import json

import pytest

from evalir_desktop.assessment import evaluate
from evalir_desktop.cli import main as evalir
from evalir_desktop.content import load_content
from evalir_desktop.content.models import is_binding
from evalir_desktop.domain.answers import Answer
from evalir_desktop.report import report_data
from evalir_desktop.report.full import full_report
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import Store
from evalir_desktop.territory.aggregate import assessment_rows, load_evaluated
from tests.content.helpers import CHATBOT_CONTEXT, answers
from tests.report.pdftext import body_text

# Unsure whether the tool grounds individual decisions: the CRPA rule asks to check.
UNSURE = {"contexte.decision_individuelle": "inconnu"}


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture
def chatbot(store, content):
    """A chatbot whose rules give obligations and non-binding points alike."""
    record = store.assessments.create(
        "Agent conversationnel", content_id=content.id, content_version=content.version
    )
    for question_id, answer in answers({**CHATBOT_CONTEXT, **UNSURE}).items():
        store.answers.save(record.id, question_id, answer)
    return record


def test_the_evaluation_is_computed_once_and_redone_after_a_change(store, content, chatbot):
    session = AssessmentSession(store, content, chatbot.id)
    first = session.evaluation
    assert session.evaluation is first
    session.save_value("contexte.decision_individuelle", Answer(value="totale"))
    assert session.evaluation is not first
    assert session.answers["contexte.decision_individuelle"].value == "totale"


def test_a_change_made_elsewhere_in_the_file_is_seen(store, content, chatbot):
    session = AssessmentSession(store, content, chatbot.id)
    assert "gouvernance.elu_referent" not in session.answers
    store.answers.save(chatbot.id, "gouvernance.elu_referent", Answer(value="oui"))
    assert session.answers["gouvernance.elu_referent"].value == "oui"


def test_saving_a_value_keeps_the_comment_and_saving_a_comment_keeps_the_value(
    store, content, chatbot
):
    session = AssessmentSession(store, content, chatbot.id)
    session.save_comment("contexte.systeme_ia", "Vu avec le fournisseur")
    session.save_value("contexte.systeme_ia", Answer(unknown=True))
    assert store.answers.of(chatbot.id)["contexte.systeme_ia"] == Answer(
        unknown=True, comment="Vu avec le fournisseur"
    )


def test_the_summary_counts_binding_levels_only(store, content, chatbot):
    evaluation = evaluate(content, answers({**CHATBOT_CONTEXT, **UNSURE}))
    binding = [ob for ob in evaluation.obligations if is_binding(ob.level)]
    assert 0 < len(binding) < len(evaluation.obligations), "the case must tell them apart"
    summary = AssessmentSession(store, content, chatbot.id).summary()
    assert summary.obligations == len(binding)
    assert summary.unknowns == len(evaluation.unknowns) >= 1
    assert not summary.frozen


def test_home_list_info_territory_and_report_show_the_same_count(
    store, content, chatbot, tmp_path, capsys
):
    expected = AssessmentSession(store, content, chatbot.id).summary().obligations
    printed = body_text(full_report(report_data(store, chatbot.id, content)))
    assert f"En résumé : {expected} obligations ou interdictions" in printed
    store.close()

    assert evalir(["info", str(store.path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert [item["obligations"] for item in info["evaluations"]] == [expected]

    shared = tmp_path / "envoi"
    assert evalir(["share", str(store.path), "-o", str(shared)]) == 0
    territory = tmp_path / "territoire.evalir"
    assert evalir(["consolidate", str(shared), "-o", str(territory)]) == 0
    with Store.open(territory, readonly=True) as opened:
        rows = assessment_rows(load_evaluated(opened, content), content)
    assert [row.obligation_count for row in rows] == [expected]


def test_the_home_list_shows_the_session_count(qtbot, store, content, chatbot):
    from evalir_desktop.ui.home.assessment_list import OBLIGATIONS, AssessmentList

    expected = AssessmentSession(store, content, chatbot.id).summary().obligations
    widget = AssessmentList(store, content)
    qtbot.addWidget(widget)
    item = widget.tree.topLevelItem(0)
    qtbot.waitUntil(lambda: item.text(OBLIGATIONS) != "…")
    assert item.text(OBLIGATIONS) == str(expected)
    assert "interdictions" in widget.tree.headerItem().toolTip(OBLIGATIONS)
