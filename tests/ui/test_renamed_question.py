"""The window shows an answer given under a renamed question id, and edits it."""

from evalir_desktop.store import Store
from evalir_desktop.ui.assessment.view import AssessmentView
from tests.content.helpers import answers
from tests.content.renamed import CHATBOT, NEW_ID, OLD_ID, renamed_content
from tests.ui.helpers import choose


def test_renamed_question_shows_the_old_answer_and_saves_under_the_new_id(qtbot, tmp_path, commune):
    content = renamed_content(tmp_path)
    path = tmp_path / "renommée.evalir"
    with Store.open(path, create=True) as store:
        store.town.save_commune(commune)
        record = store.assessments.create(
            "Agent conversationnel", content_id=content.id, content_version="2026.01.0"
        )
        for question_id, answer in answers({**CHATBOT, OLD_ID: "non"}).items():
            store.answers.save(record.id, question_id, answer)
    store = Store.open(path)
    view = AssessmentView(store, content, record.id)
    qtbot.addWidget(view)
    view.show()
    view.go_to_step("inclusion")
    card = view.step_pages["inclusion"].cards[NEW_ID]
    assert card.isVisible() and card.editor.value() == "non"
    choose(card, "oui")
    stored = store.answers.of(record.id)
    assert stored[NEW_ID].value == "oui" and stored[OLD_ID].value == "non"
    card.clear()
    stored = store.answers.of(record.id)
    assert NEW_ID not in stored and OLD_ID not in stored
    assert card.editor.value() is None
    view.undo_stack.undo()  # undoing the clearing puts the answer back, under the new id
    assert card.editor.value() == "oui"
    assert store.answers.of(record.id)[NEW_ID].value == "oui"
    view.close()
    store.close()
