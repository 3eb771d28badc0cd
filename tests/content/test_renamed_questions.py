"""A renamed question id: old answers read under the new id; the mapping is checked."""

import pytest

from evalir_desktop.assessment import evaluate
from evalir_desktop.content import ContentError, load_content, load_content_from
from evalir_desktop.domain.answers import Answer
from evalir_desktop.session.session import current_answers
from tests.content.helpers import answers, town
from tests.content.renamed import CHATBOT, NEW_ID, OLD_ID, renamed_content, renamed_copy


def test_real_content_renames_nothing_yet():
    assert load_content().renamed_questions == {}


def test_an_old_id_answer_evaluates_exactly_as_the_new_id(tmp_path):
    content = renamed_content(tmp_path)
    assert content.renamed_questions == {OLD_ID: NEW_ID}
    assert content.question(OLD_ID) is None
    under_old = answers({**CHATBOT, OLD_ID: "non"})
    under_new = answers({**CHATBOT, NEW_ID: "non"})
    expected = evaluate(content, under_new, town())
    assert "canal_humain.absent" in [ob.id for ob in expected.obligations]
    inclusion = next(axis for axis in expected.axes if axis.id == "inclusion")
    assert inclusion.score == 50  # the renamed « non » (0) and the trials « oui » (100)
    migrated = evaluate(content, current_answers(content, under_old), town())
    assert migrated == expected
    assert migrated.obligations == expected.obligations
    assert [a.score for a in migrated.axes] == [a.score for a in expected.axes]
    unmapped = evaluate(content, under_old, town())
    assert "canal_humain.absent" not in [ob.id for ob in unmapped.obligations]


def test_a_newer_answer_under_the_new_id_wins(tmp_path):
    content = renamed_content(tmp_path)
    stored = {OLD_ID: Answer(value="non"), NEW_ID: Answer(value="oui")}
    assert current_answers(content, stored) == stored


def test_answers_to_other_ids_are_left_as_they_are(tmp_path):
    content = renamed_content(tmp_path)
    stored = {
        OLD_ID: Answer(value="non", comment="Accueil fermé le samedi"),
        "question.disparue": Answer(value="oui"),
        "besoin.origine": Answer(value="elus"),
    }
    assert current_answers(content, stored) == {
        NEW_ID: Answer(value="non", comment="Accueil fermé le samedi"),
        "question.disparue": Answer(value="oui"),
        "besoin.origine": Answer(value="elus"),
    }


def test_a_mapping_to_a_missing_question_is_refused(tmp_path):
    folder = renamed_copy(tmp_path, f'"{OLD_ID}" = "inclusion.canal_disparu"')
    with pytest.raises(ContentError) as error:
        load_content_from(folder)
    assert error.value.file == "00_contenu.toml"
    assert error.value.key == f"content.renamed_questions.{OLD_ID}"
    assert error.value.problem == (
        "la question « inclusion.canal_disparu » n'existe pas dans le contenu actuel"
    )


def test_a_mapping_from_a_current_question_is_refused(tmp_path):
    folder = renamed_copy(tmp_path, f'"inclusion.rgaa" = "{NEW_ID}"')
    with pytest.raises(ContentError) as error:
        load_content_from(folder)
    assert error.value.file == "00_contenu.toml"
    assert error.value.key == "content.renamed_questions.inclusion.rgaa"
    assert "« inclusion.rgaa » est encore une question du contenu actuel" in error.value.problem


def test_a_chain_of_renames_is_refused(tmp_path):
    chain = f'"inclusion.tout_premier" = "{OLD_ID}", "{OLD_ID}" = "{NEW_ID}"'
    with pytest.raises(ContentError) as error:
        load_content_from(renamed_copy(tmp_path, chain))
    assert error.value.key == "content.renamed_questions.inclusion.tout_premier"
    assert f"la question « {OLD_ID} » n'existe pas" in error.value.problem


def test_two_old_ids_may_not_become_the_same_question(tmp_path):
    both = f'"{OLD_ID}" = "{NEW_ID}", "inclusion.guichet" = "{NEW_ID}"'
    with pytest.raises(ContentError) as error:
        load_content_from(renamed_copy(tmp_path, both))
    assert error.value.key == "content.renamed_questions.inclusion.guichet"
    assert "deux anciennes questions ne peuvent pas devenir la même" in error.value.problem


def test_a_malformed_old_id_is_refused(tmp_path):
    with pytest.raises(ContentError, match="renamed_questions"):
        load_content_from(renamed_copy(tmp_path, f'"sans point" = "{NEW_ID}"'))
