"""Undo (Ctrl+Z), trash and restore, new version of a validated assessment, comparison."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QMessageBox

from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.store import Store
from evalir_desktop.ui.assessment.comparison import ComparisonDialog
from tests.ui.helpers import choose, open_window, when_dialog_opens

CHATBOT = "agent_conversationnel_accueil"


def make_file(path, commune, titles=("Agent conversationnel de l'accueil",)) -> list[str]:
    content = load_content()
    with Store.open(path, create=True) as store:
        store.town.save_commune(commune)
        return [
            start_assessment(store, content, title, content.template(CHATBOT)).id
            for title in titles
        ]


def open_assessment(qtbot, window, assessment_id):
    window.open_assessment(assessment_id)
    view = window.assessment_view
    qtbot.waitUntil(view.isVisible)
    return view


def stored_answers(path, assessment_id):
    with Store.open(path, readonly=True) as store:
        return store.answers.of(assessment_id)


def test_ctrl_z_undoes_the_last_answers_one_by_one(qtbot, tmp_path, commune):
    path = tmp_path / "annuler.evalir"
    (assessment_id,) = make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    view = open_assessment(qtbot, window, assessment_id)
    view.go_to_step("gouvernance")
    card = view.step_pages["gouvernance"].cards["gouvernance.elu_referent"]
    choose(card, "oui")
    choose(card, "non")
    assert stored_answers(path, assessment_id)["gouvernance.elu_referent"].value == "non"
    view.go_to_step("besoin")  # undo brings the agent back to the question it changes
    qtbot.keyClick(view.step_list, Qt.Key_Z, Qt.ControlModifier)
    assert view.steps[view.stack.currentIndex()].id == "gouvernance"
    assert card.editor.value() == "oui"
    assert stored_answers(path, assessment_id)["gouvernance.elu_referent"].value == "oui"
    qtbot.mouseClick(view.undo_button, Qt.LeftButton)
    assert card.editor.value() is None
    assert "gouvernance.elu_referent" not in stored_answers(path, assessment_id)
    assert not view.undo_button.isEnabled()
    qtbot.keyClick(view.step_list, Qt.Key_Y, Qt.ControlModifier)  # and redo
    assert card.editor.value() == "oui"
    assert stored_answers(path, assessment_id)["gouvernance.elu_referent"].value == "oui"


def test_undo_of_unknown_and_show_if(qtbot, tmp_path, commune):
    path = tmp_path / "annuler inconnu.evalir"
    (assessment_id,) = make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    view = open_assessment(qtbot, window, assessment_id)
    context = view.step_pages["contexte"]
    examples = context.cards["contexte.decision_exemples"]
    choose(context.cards["contexte.decision_individuelle"], "totale")
    assert examples.isVisible()
    qtbot.mouseClick(context.cards["contexte.hebergement"].unknown, Qt.LeftButton)
    assert stored_answers(path, assessment_id)["contexte.hebergement"].unknown
    view.undo_stack.undo()
    assert not context.cards["contexte.hebergement"].unknown.isChecked()
    assert "contexte.hebergement" not in stored_answers(path, assessment_id)
    view.undo_stack.undo()  # the template's « aucune » comes back, the question hides again
    assert stored_answers(path, assessment_id)["contexte.decision_individuelle"].value == "aucune"
    assert not examples.isVisible()


def test_delete_goes_to_the_trash_then_restore_and_empty(qtbot, tmp_path, commune, monkeypatch):
    path = tmp_path / "corbeille.evalir"
    make_file(path, commune, ("Chatbot de l'accueil", "Caméras"))
    window = open_window(qtbot, path, create=False)
    home = window.home.assessments
    titles = [home.tree.topLevelItem(i).text(0) for i in range(home.tree.topLevelItemCount())]
    home.tree.setCurrentItem(home.tree.topLevelItem(titles.index("Caméras")))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)
    qtbot.mouseClick(home.delete_button, Qt.LeftButton)
    assert [home.tree.topLevelItem(i).text(0) for i in range(home.tree.topLevelItemCount())] == [
        "Chatbot de l'accueil"
    ]
    seen = {}

    def restore(dialog) -> None:
        seen["trash"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
        seen["after"] = dialog.list.count()
        dialog.reject()

    when_dialog_opens(restore)
    qtbot.mouseClick(home.trash_button, Qt.LeftButton)
    assert seen == {"trash": ["Caméras"], "after": 0}
    assert home.tree.topLevelItemCount() == 2
    with Store.open(path, readonly=True) as store:
        assert store.assessments.trash() == []

    home.tree.setCurrentItem(home.tree.topLevelItem(0))
    gone = home.tree.currentItem().text(0)
    qtbot.mouseClick(home.delete_button, Qt.LeftButton)

    def empty(dialog) -> None:
        qtbot.mouseClick(dialog.empty_button, Qt.LeftButton)
        seen["emptied"] = dialog.list.count()
        dialog.reject()

    when_dialog_opens(empty)
    qtbot.mouseClick(home.trash_button, Qt.LeftButton)
    assert seen["emptied"] == 0
    window.close()
    with Store.open(path, readonly=True) as store:
        assert [record.title for record in store.assessments.all()] != [gone]
        assert len(store.assessments.all()) == 1
        assert store.assessments.trash() == []


def test_new_version_of_a_validated_assessment_and_comparison(
    qtbot, tmp_path, commune, monkeypatch
):
    path = tmp_path / "versions.evalir"
    (first_id,) = make_file(path, commune)
    with Store.open(path) as store:
        store.answers.save(first_id, "gouvernance.elu_referent", Answer(value="oui"))
        store.plan.save_decision(
            DecisionRecord(
                assessment_id=first_id,
                validated_by="Hélène Dupré",
                validated_role="Maire",
                validated_on="2026-11-20",
            )
        )
    window = open_window(qtbot, path, create=False)
    view = open_assessment(qtbot, window, first_id)
    card = view.step_pages["gouvernance"].cards["gouvernance.elu_referent"]
    assert not card.editor.isEnabled()  # validated: read-only
    option = card.editor.findChildren(QLabel)[0]  # but in normal text, not disabled grey
    palette = option.palette()
    assert palette.color(QPalette.Disabled, QPalette.WindowText) == palette.color(
        QPalette.Active, QPalette.WindowText
    )
    assert not card.clear_button.isVisible()
    assert view.frozen_banner.isVisible()
    assert "seul le suivi du plan d'action reste à jour" in view.frozen_banner.text()
    view.go_to_step("decision")
    decision = view.pages[view.stack.currentIndex()]
    assert decision.new_version_button.isVisible()
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.No
    )
    qtbot.mouseClick(decision.new_version_button, Qt.LeftButton)
    assert window.assessment_view is view  # told first what it does; refused: nothing made
    assert "copie modifiable" in asked[0] and "reste telle quelle" in asked[0]
    assert len(window.store.assessments.all()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)
    qtbot.mouseClick(decision.new_version_button, Qt.LeftButton)
    view = window.assessment_view
    qtbot.waitUntil(view.isVisible)
    second_id = view.assessment_id
    assert second_id != first_id
    assert "— version 2 du " in view.title.text()
    titles = window.home.assessments.tree
    window.home.refresh()
    listed = [titles.topLevelItem(i).text(0) for i in range(titles.topLevelItemCount())]
    assert sorted(t.split(" du ")[0] for t in listed) == [
        "Agent conversationnel de l'accueil\nversion 1",
        "Agent conversationnel de l'accueil\nversion 2",
    ]
    card = view.step_pages["gouvernance"].cards["gouvernance.elu_referent"]
    assert card.editor.isEnabled() and card.editor.value() == "oui"
    choose(card, "non")
    context = view.step_pages["contexte"]
    choose(context.cards["contexte.interaction_habitants"], "non")

    view.go_to_step("decision")
    decision = view.pages[view.stack.currentIndex()]
    dialog = ComparisonDialog(window.store, window.content, second_id, decision)
    qtbot.addWidget(dialog)
    assert dialog.other.currentData() == first_id  # the previous version is proposed first
    assert "— version 1 du " in dialog.other.currentText()
    groups = {
        dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
    }
    answers = next(item for title, item in groups.items() if title.startswith("Réponses"))
    rows = {answers.child(i).text(0): answers.child(i) for i in range(answers.childCount())}
    elu = next(row for label, row in rows.items() if "élu" in label)
    assert (elu.text(1), elu.text(2)) == ("Oui", "Non")
    obligations = groups["Obligations"]
    changes = [obligations.child(i).text(0) for i in range(obligations.childCount())]
    assert "Informer les habitants qu'ils échangent avec une IA" in changes
    scores = groups["Maturité par axe (sur 100)"]
    governance = next(
        scores.child(i)
        for i in range(scores.childCount())
        if "Gouvernance" in scores.child(i).text(0)
    )
    assert governance.text(1) != governance.text(2)
    window.close()
    with Store.open(path, readonly=True) as store:
        second = store.assessments.get(second_id)
        assert second.previous_version_id == first_id and second.version_number == 2
        assert store.plan.is_frozen(first_id) and not store.plan.is_frozen(second_id)
        assert store.answers.of(first_id)["gouvernance.elu_referent"].value == "oui"
