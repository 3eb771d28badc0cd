"""End to end through the window: town, chatbot template, every step, results, plan,
decision, close, reopen — everything as it was."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from evalir_desktop.store import Store
from evalir_desktop.ui.assessment.action_plan import DUE, OWNER, PRIORITY, TITLE
from evalir_desktop.ui.assessment.answer_editors import ChoiceEditor
from tests.ui.helpers import answer_plainly, choose, open_window, type_into, when_dialog_opens

CHATBOT = "agent_conversationnel_accueil"
WEAK_ANSWERS = {  # answers that call for recommendations, hence actions
    "gouvernance.elu_referent": "non",
    "gouvernance.validation_humaine": "clic",
    "gouvernance.charte": "non",
}
EXPECTED_OBLIGATIONS = {
    "aiact.transparence_interaction",
    "aiact.maitrise_ia",
    "rgpd.registre",
    "rgpd.sous_traitance",
    "rgaa.accessibilite",
}


def fill_town(qtbot, window) -> None:
    form = window.home.commune_form
    type_into(qtbot, form.edits["nom"], "Saint-Étienne-de-Tinée")
    type_into(qtbot, form.edits["insee"], "06120")
    type_into(qtbot, form.edits["population"], "4800")
    type_into(qtbot, form.edits["agents_etp"], "42")
    form.dpd.setCurrentIndex(form.dpd.findData("oui"))
    assert form.status.text().startswith("Enregistré à")


def start_from_chatbot_template(qtbot, window) -> None:
    seen = {}

    def fill(dialog) -> None:
        dialog.template.setCurrentIndex(dialog.template.findData(CHATBOT))
        seen["description"] = dialog.description.toPlainText()
        dialog.title.setText("Agent conversationnel de l'accueil")
        dialog.supplier.setText("Éditeur Exemple")
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(window.home.new_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.assessment_view is not None)
    qtbot.waitUntil(window.assessment_view.isVisible)
    assert "répond automatiquement aux questions courantes" in seen["description"]
    supplier = window.assessment_view.step_pages["contexte"].cards["contexte.fournisseur_nom"]
    assert supplier.editor.value() == "Éditeur Exemple"  # the supplier typed answers it


def answer_every_step(qtbot, view) -> None:
    context = view.step_pages["contexte"]
    # show_if: an individual decision reveals the question asking for examples, then hides it
    examples = context.cards["contexte.decision_exemples"]
    assert not examples.isVisible()
    choose(context.cards["contexte.decision_individuelle"], "partielle")
    assert examples.isVisible()
    choose(context.cards["contexte.decision_individuelle"], "aucune")
    assert not examples.isVisible()
    # one « Je ne sais pas », one comment
    qtbot.mouseClick(context.cards["contexte.hebergement"].unknown, Qt.LeftButton)
    service = context.cards["contexte.service"]
    service.comment.setPlainText("Voir le devis de l'éditeur, reçu en octobre.")
    qtbot.waitUntil(lambda: not service.timer.isActive())
    for index, step in enumerate(view.steps):
        if step.kind != "axis":
            break
        assert view.stack.currentIndex() == index
        page = view.step_pages[step.id]
        pending = True
        for _round in range(5):  # answering may reveal further questions
            pending = [
                card
                for card in page.cards.values()
                if card.isVisibleTo(page) and not card.answer().is_answered
            ]
            for card in pending:
                if card.question.id in WEAK_ANSWERS:
                    choose(card, WEAK_ANSWERS[card.question.id])
                else:
                    answer_plainly(qtbot, card)
            if not pending:
                break
        assert not pending, [card.question.id for card in pending]
        qtbot.mouseClick(view.next_button, Qt.LeftButton)
    assert view.steps[view.stack.currentIndex()].id == "resultats"
    assert view.progress_bar.value() == 100
    assert view.saved_label.text().startswith("Enregistré à")


def check_results(qtbot, view) -> None:
    results = view.pages[view.stack.currentIndex()]
    assert set(results.obligation_boxes) >= EXPECTED_OBLIGATIONS
    box = results.obligation_boxes["aiact.transparence_interaction"]
    texts = " ".join(label.text() for label in box.findChildren(QLabel))
    assert "article 50" in texts
    assert "Des habitants échangent-ils directement avec l'outil" in texts
    assert [score for _, score in results.radar.scores if score is None] == []
    unknown_ids = [qid for qid, _ in results.trigger_buttons]
    assert "contexte.hebergement" in unknown_ids
    # a click on a triggering answer jumps to its question
    link = next(b for qid, b in results.trigger_buttons if qid == "contexte.interaction_habitants")
    qtbot.mouseClick(link, Qt.LeftButton)
    assert view.steps[view.stack.currentIndex()].id == "contexte"
    card = view.step_pages["contexte"].cards["contexte.interaction_habitants"]
    assert card.editor.isAncestorOf(view.window().focusWidget())


def edit_plan(qtbot, view, monkeypatch) -> None:
    view.go_to_step("plan")
    plan = view.pages[view.stack.currentIndex()]
    assert plan.table.rowCount() == 0
    qtbot.mouseClick(plan.seed_button, Qt.LeftButton)
    seeded = plan.table.rowCount()
    assert seeded == len(WEAK_ANSWERS)
    assert plan.table.item(0, PRIORITY).text() == "Haute"  # seeded by priority
    first_title = plan.table.item(0, TITLE).text()
    plan.table.selectRow(0)
    editor = plan.editor
    type_into(qtbot, editor.owner, "Hélène Dupré")  # edited below the table
    assert plan.table.item(0, OWNER).text() == "Hélène Dupré"
    type_into(qtbot, editor.due, "31/02/2027")  # refused
    assert editor.due.text() == "" and plan.table.item(0, DUE).text() == ""
    assert "n'existe pas" in plan.error.text()
    type_into(qtbot, editor.due, "15/03/2027")
    assert plan.table.item(0, DUE).text() == "15/03/2027"
    qtbot.mouseClick(plan.add_button, Qt.LeftButton)
    assert plan.table.rowCount() == seeded + 1
    assert plan.table.item(seeded, TITLE).text() == "Nouvelle action"  # added last, selected
    assert plan.table.currentRow() == seeded
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)
    qtbot.mouseClick(plan.remove_button, Qt.LeftButton)
    assert plan.table.rowCount() == seeded
    assert plan.table.item(0, TITLE).text() == first_title
    assert view.saved_label.text().startswith("Enregistré à")


def record_decision(qtbot, view) -> None:
    qtbot.mouseClick(view.next_button, Qt.LeftButton)
    page = view.pages[view.stack.currentIndex()]
    assert view.steps[view.stack.currentIndex()].id == "decision"
    type_into(qtbot, page.validated_by, "Hélène Dupré")
    type_into(qtbot, page.validated_role, "Directrice générale des services")
    type_into(qtbot, page.validated_on, "20/11/2026")
    seen = {}

    def confirm(box) -> None:  # what remains is said, and the agent confirms
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == "Valider quand même").click()

    when_dialog_opens(confirm)
    qtbot.mouseClick(page.validate_button, Qt.LeftButton)
    assert "Je ne sais pas" in seen["text"] and "à documenter (Contexte" in seen["text"]
    assert "Validée le 20/11/2026" in page.validation_state.text()
    assert view.frozen_banner.isVisible()
    type_into(qtbot, page.council_date, "27/11/2026")
    type_into(qtbot, page.deliberation, "2026-48")
    page.outcome.setCurrentIndex(page.outcome.findData("engager_sous_conditions"))
    page.text.setPlainText("Engagé sous réserve d'une analyse d'impact.")
    page.text.left.emit()
    assert page.new_version_button.isVisible()


def test_whole_assessment_through_the_window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "Mairie de Saint-Étienne" / "évaluations IA.evalir"
    window = open_window(qtbot, path)
    fill_town(qtbot, window)
    start_from_chatbot_template(qtbot, window)
    view = window.assessment_view
    answer_every_step(qtbot, view)
    check_results(qtbot, view)
    edit_plan(qtbot, view, monkeypatch)
    record_decision(qtbot, view)
    assessment_id = view.assessment_id
    with Store.open(path, readonly=True) as store:
        answers_before = store.answers.of(assessment_id)
        actions_before = store.plan.actions(assessment_id)
    window.close()

    with Store.open(path) as store:
        assert store.answers.of(assessment_id) == answers_before
        assert store.answers.of(assessment_id)["contexte.hebergement"].unknown
        assert "devis" in store.answers.of(assessment_id)["contexte.service"].comment
        assert "contexte.decision_exemples" not in store.answers.of(assessment_id)
        decision = store.plan.decision(assessment_id)
        assert decision.outcome == "engager_sous_conditions"
        assert decision.deliberation_number == "2026-48"
        assert decision.text == "Engagé sous réserve d'une analyse d'impact."
        assert store.plan.is_frozen(assessment_id)
        actions = store.plan.actions(assessment_id)
        assert actions == actions_before
        assert actions[0].owner == "Hélène Dupré"
        assert actions[0].due_date.isoformat() == "2027-03-15"

    window = open_window(qtbot, path, create=False)
    home = window.home.assessments
    qtbot.waitUntil(home.summaries_done)
    item = home.tree.topLevelItem(0)
    assert item.text(0) == "Agent conversationnel de l'accueil"
    assert int(item.text(4)) >= len(EXPECTED_OBLIGATIONS)
    assert item.text(2) == "100 %" and item.data(2, Qt.UserRole) == 100
    qtbot.mouseClick(home.open_button, Qt.LeftButton)
    view = window.assessment_view
    qtbot.waitUntil(view.isVisible)
    assert view.steps[view.stack.currentIndex()].id == "decision"  # resumes where it stopped
    page = view.pages[view.stack.currentIndex()]
    assert page.validated_by.text() == "Hélène Dupré"
    assert page.outcome.currentData() == "engager_sous_conditions"
    context = view.step_pages["contexte"]
    assert context.cards["contexte.hebergement"].unknown.isChecked()
    assert "devis" in context.cards["contexte.service"].comment.toPlainText()
    editor = context.cards["contexte.decision_individuelle"].editor
    assert isinstance(editor, ChoiceEditor) and editor.value() == "aucune"
    assert not editor.isEnabled()  # validated: read-only
    view.go_to_step("plan")
    plan = view.pages[view.stack.currentIndex()]
    assert plan.table.item(0, 2).text() == "Hélène Dupré"
    assert not plan.add_button.isEnabled()
