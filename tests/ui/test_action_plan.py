"""The action plan page: the order and the selection hold while the agent edits; after
validation, the follow-up stays editable and journalled."""

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from evalir_desktop.content import load_content
from evalir_desktop.french import spaced
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.ui.assessment.action_plan import OWNER, PRIORITY, STATUS, TITLE, ActionPlanPage
from tests.report.factories import decide, demo_assessment


@pytest.fixture
def plan(qtbot, store):
    def make(decided: bool = False) -> ActionPlanPage:
        assessment_id = demo_assessment(store, actions=8, decided=decided)
        page = ActionPlanPage(AssessmentSession(store, load_content(), assessment_id))
        qtbot.addWidget(page)
        page.resize(800, 600)
        page.show()
        page.refresh()
        return page

    return make


def shown_ids(page: ActionPlanPage) -> list[str]:
    return [action.id for action in page.actions]


def choose(combo, data) -> None:
    """Pick an entry as the agent does (activated is emitted by user choices only)."""
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_editing_keeps_the_order_and_the_selected_action(plan, monkeypatch):
    page = plan()
    order = shown_ids(page)
    page.table.selectRow(1)
    picked = order[1]
    assert page.actions[1].priority == 1
    choose(page.editor.priority, 3)  # the store would now sort it last
    choose(page.editor.status, "en_cours")
    page.editor.owner.setText("Marie Dupont")
    page.editor.owner.editingFinished.emit()
    assert shown_ids(page) == order  # nothing moved under the agent's hand
    assert page.selected_id() == picked and page.table.currentRow() == 1
    assert page.table.item(1, PRIORITY).text() == "Basse"
    assert page.table.item(1, STATUS).text() == "En cours"
    assert page.table.item(1, OWNER).text() == "Marie Dupont"
    stored = page.store.plan.action(picked)
    assert (stored.priority, stored.status, stored.owner) == (3, "en_cours", "Marie Dupont")
    page.refresh()  # coming back to the page keeps the order too
    assert shown_ids(page) == order and page.selected_id() == picked

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)
    page.remove_button.click()  # removes the row picked, not the one it would sort to
    assert page.store.plan.action(picked) is None
    assert shown_ids(page) == [i for i in order if i != picked]
    assert page.selected_id() == order[2]  # the next one takes the selection


def test_sorting_happens_on_request_and_keeps_the_selection(plan):
    page = plan()
    page.table.selectRow(1)
    picked = page.selected_id()
    choose(page.editor.priority, 3)
    page.sort_button.click()
    assert shown_ids(page) == [a.id for a in page.store.plan.actions(page.assessment_id)]
    assert page.selected_id() == picked
    shown = page.table.item(page.table.currentRow(), TITLE).text()
    assert shown == spaced(page.store.plan.action(picked).title)


def test_a_new_action_comes_last_and_is_ready_to_be_named(plan):
    page = plan()
    count = len(page.actions)
    page.add_button.click()
    assert page.table.rowCount() == count + 1
    assert page.table.currentRow() == count
    assert page.editor.title_edit.toPlainText() == "Nouvelle action"
    page.editor.title_edit.setPlainText("Publier la mention sur le site")
    page.editor.title_edit.left.emit()
    assert page.table.item(count, TITLE).text() == "Publier la mention sur le site"


def test_after_validation_the_follow_up_is_editable_and_journalled(plan):
    page = plan(decided=True)
    assert "Modifiez" not in page.intro.text() and "suivi" in page.intro.text()
    assert not page.add_button.isVisible() and not page.remove_button.isVisible()
    assert not page.seed_button.isVisible()
    page.table.selectRow(0)
    editor = page.editor
    assert editor.title_edit.isReadOnly() and not editor.priority.isEnabled()
    assert not editor.axis.isEnabled()
    assert editor.status.isEnabled() and not editor.owner.isReadOnly()
    action_id = page.selected_id()
    choose(editor.status, "fait")
    editor.due.setText("15/01/2027")
    editor.due.editingFinished.emit()
    assert not editor.note.isReadOnly()
    editor.note.setPlainText("Mention affichée depuis le 2 décembre.")
    editor.note.left.emit()
    assert page.error.isHidden()
    assert page.table.item(0, STATUS).text() == "Fait"
    stored = page.store.plan.action(action_id)
    assert stored.status == "fait" and stored.due_date.isoformat() == "2027-01-15"
    assert stored.note == "Mention affichée depuis le 2 décembre."
    changes = [
        json.loads(entry.change)
        for entry in page.store.history.entries(page.assessment_id, limit=3)
        if entry.entity_id == action_id
    ]
    assert {"note": "Mention affichée depuis le 2 décembre.", "follow_up": True} in changes
    assert {"due_date": "2027-01-15", "follow_up": True} in changes
    assert {"status": "fait", "follow_up": True} in changes


def test_a_validated_plan_is_read_only_in_a_read_only_file(qtbot, store, town_path):
    from evalir_desktop.store import Store

    assessment_id = demo_assessment(store, actions=3)
    decide(store, assessment_id)
    store.close()
    with Store.open(town_path, readonly=True) as readonly:
        page = ActionPlanPage(AssessmentSession(readonly, load_content(), assessment_id))
        qtbot.addWidget(page)
        page.refresh()
        page.table.selectRow(0)
        assert "lecture seule" in page.intro.text()
        assert page.editor.owner.isReadOnly() and not page.editor.status.isEnabled()
