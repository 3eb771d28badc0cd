"""An assessment answered with an earlier content version: nothing lost, changes accounted for."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from evalir_desktop.content import load_archived_content, load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.session.changes import UpdateAccount, account_of_changes
from evalir_desktop.session.session import answers_to_review, current_answers
from evalir_desktop.store import Store

FIXTURE = Path(__file__).parents[1] / "fixtures" / "content-2026.11.1.evalir"
CONTENT = load_content()
PREVIOUS = load_archived_content("2026.11.1")
ON = date(2026, 12, 1)


@pytest.fixture
def town_file(tmp_path: Path) -> Path:
    target = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, target)
    return target


def _by_title(store: Store) -> dict[str, str]:
    return {record.title: record.id for record in store.assessments.all()}


def test_the_archive_holds_the_previous_version_and_refuses_other_text():
    assert PREVIOUS is not None and PREVIOUS.id == CONTENT.id
    assert PREVIOUS.version == "2026.11.1" != CONTENT.version
    assert load_archived_content("1999.01.1") is None
    assert load_archived_content("../content") is None


def test_the_fixture_was_answered_with_the_previous_version(town_file):
    with Store.open(town_file, readonly=True) as store:
        records = store.assessments.all()
    assert {(r.content_id, r.content_version) for r in records} == {(CONTENT.id, "2026.11.1")}


def test_opening_loses_no_answer(town_file):
    """Every stored answer is still in the file, and read as the current content reads it."""
    with Store.open(town_file, readonly=True) as store:
        before = {r.id: store.answers.of(r.id) for r in store.assessments.all()}
    with Store.open(town_file) as store:
        for record in store.assessments.all():
            stored = store.answers.of(record.id)
            read = current_answers(CONTENT, stored)
            assert stored == before[record.id]
            review = set(answers_to_review(CONTENT, stored))
            for question_id, answer in stored.items():
                assert read[question_id].comment == answer.comment
                if question_id in review:
                    assert read[question_id].value != answer.value
                else:
                    assert read[question_id] == answer, question_id


def test_the_voice_bot_account(town_file):
    with Store.open(town_file, readonly=True) as store:
        assessment_id = _by_title(store)["Agent vocal du standard téléphonique"]
        account = account_of_changes(
            PREVIOUS, CONTENT, store.answers.of(assessment_id), store.town.commune(), ON
        )
    assert account.obligations_added == ["rgpd.transferts_hors_ue"]
    assert account.obligations_removed == []
    assert account.questions_new == ["contexte.standard_telephonique", "contexte.hypertrucage"]
    assert account.answers_to_review == [
        "contexte.domaine_sensible",
        "contexte.pratiques_interdites",
    ]
    assert account.text() == (
        "Depuis la mise à jour du questionnaire (version 2026.11.1 → 2026.12.1)\u202f: "
        "1 obligation ajoutée, 2 questions nouvelles à répondre, 2 réponses à revoir."
    )


def test_the_triage_account(town_file):
    """The broad « trends or anomalies » role is asked again; until then no exemption holds."""
    with Store.open(town_file, readonly=True) as store:
        assessment_id = _by_title(store)["Repérage des demandes d'aide atypiques"]
        stored = store.answers.of(assessment_id)
        account = account_of_changes(PREVIOUS, CONTENT, stored, store.town.commune(), ON)
    assert stored["contexte.role_outil"].value == "detection"
    assert account.obligations_added == [
        "aiact.haut_risque",
        "aiact.obligations_deployeur",
        "aiact.aiprd",
    ]
    assert account.answers_to_review == ["contexte.role_outil", "contexte.pratiques_interdites"]
    assert account.questions_new == ["contexte.decision_sanction"]
    read = current_answers(CONTENT, stored)["contexte.role_outil"]
    assert not read.is_answered and read.comment.startswith("L'outil signale")


def _account(**fields) -> UpdateAccount:
    base = {
        "previous_version": "2026.11.1",
        "current_version": "2026.12.1",
        "obligations_added": [],
        "obligations_removed": [],
        "questions_new": [],
        "answers_to_review": [],
    }
    return UpdateAccount(**{**base, **fields})


@pytest.mark.parametrize(
    ("fields", "tail"),
    [
        ({}, "rien ne change pour cette évaluation."),
        (
            {"obligations_added": ["a", "b"], "obligations_removed": ["c"], "questions_new": ["q"]},
            "2 obligations ajoutées, 1 retirée, 1 question nouvelle à répondre.",
        ),
        ({"obligations_removed": ["c", "d"]}, "2 obligations retirées."),
        ({"answers_to_review": ["q"]}, "1 réponse à revoir."),
    ],
)
def test_the_account_reads_in_french_without_parenthesised_plurals(fields, tail):
    text = _account(**fields).text()
    assert text.endswith(tail) and "(s)" not in text


def test_an_assessment_answered_with_the_current_version_has_nothing_to_tell():
    stored = {"contexte.systeme_ia": Answer(value="oui")}
    account = account_of_changes(CONTENT, CONTENT, stored, None, ON)
    assert account.text().endswith("rien ne change pour cette évaluation.")
