"""Validating with questions left open says how many remain and in which steps, and lets
the agent confirm or go back."""

from PySide6.QtCore import Qt

from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.session.validation import open_points, open_points_text
from evalir_desktop.store import Store
from tests.ui.helpers import open_window, type_into, when_dialog_opens

CHATBOT = "agent_conversationnel_accueil"


def make_file(path, commune) -> str:
    content = load_content()
    with Store.open(path, create=True) as store:
        store.town.save_commune(commune)
        record = start_assessment(
            store, content, "Agent conversationnel", content.template(CHATBOT)
        )
        store.answers.save(record.id, "donnees.fiabilite", Answer(unknown=True))
        store.answers.save(record.id, "frugalite.empreinte", Answer(unknown=True))
        return record.id


def test_open_points_are_counted_by_step(commune, tmp_path):
    path = tmp_path / "ouvert.evalir"
    assessment_id = make_file(path, commune)
    with Store.open(path, readonly=True) as opened:
        points = open_points(AssessmentSession(opened, load_content(), assessment_id))
    assert points.unknown == {"Données": 1, "Frugalité": 1}
    assert sum(points.unanswered.values()) > 10 and "Gouvernance" in points.unanswered
    text = open_points_text(points)
    assert text.startswith(f"Il reste {sum(points.unanswered.values())} questions sans réponse (")
    dont_know = "2 réponses «\u202fJe ne sais pas\u202f» à documenter"
    assert f"{dont_know} (Données\u202f: 1, Frugalité\u202f: 1)" in text


def test_the_warning_at_validation(qtbot, tmp_path, commune):
    path = tmp_path / "ouvert.evalir"
    assessment_id = make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    window.open_assessment(assessment_id)
    view = window.assessment_view
    view.go_to_step("decision")
    page = view.pages[view.current()]
    type_into(qtbot, page.validated_by, "Marie Dupont")
    type_into(qtbot, page.validated_role, "Directrice générale des services")
    type_into(qtbot, page.validated_on, "20/11/2026")
    seen = []

    def answer(label):
        def click(box) -> None:
            seen.append((box.text(), [b.text() for b in box.buttons()]))
            next(b for b in box.buttons() if b.text() == label).click()

        return click

    when_dialog_opens(answer("Ne pas valider"))
    qtbot.mouseClick(page.validate_button, Qt.LeftButton)
    text, buttons = seen[0]
    assert "questions sans réponse (" in text and "Gouvernance\u202f: " in text
    assert "Je ne sais pas" in text and "Données\u202f: 1" in text
    assert set(buttons) == {"Valider quand même", "Ne pas valider"}
    assert not window.store.plan.is_frozen(assessment_id)  # the agent went back

    when_dialog_opens(answer("Valider quand même"))
    qtbot.mouseClick(page.validate_button, Qt.LeftButton)
    assert window.store.plan.is_frozen(assessment_id)
    assert "Validée le 20/11/2026 par Marie Dupont" in page.validation_state.text()
