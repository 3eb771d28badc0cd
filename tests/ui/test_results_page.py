"""The results page: it ends where its last section ends, and a click on an answer opens
the question highlighted, with « Retour aux résultats » to come back where one was."""

from PySide6.QtCore import Qt

from evalir_desktop.content import load_content
from evalir_desktop.example import write_example
from tests.ui.helpers import open_window


def results_of(qtbot, tmp_path):
    window = open_window(qtbot, write_example(tmp_path, load_content()), create=False)
    window.open_assessment(window.store.assessments.all()[0].id)
    view = window.assessment_view
    view.go_to_step("resultats")
    qtbot.wait(50)
    return view, view.pages[view.current()]


def test_the_page_ends_with_its_last_section(qtbot, tmp_path):
    view, page = results_of(qtbot, tmp_path)
    body = page.widget()
    layout = body.layout()
    last = max(
        layout.itemAt(i).widget().geometry().bottom()
        for i in range(layout.count())
        if layout.itemAt(i).widget() is not None
    )
    assert body.height() > page.viewport().height()  # a long page, that scrolls
    assert body.height() - last < 40  # and no screen of blank space after its end


def test_an_answer_opens_highlighted_with_a_way_back(qtbot, tmp_path):
    view, page = results_of(qtbot, tmp_path)
    question_id, link = next(
        (qid, link) for qid, link in page.trigger_buttons if not qid.startswith("contexte.")
    )
    page.ensureWidgetVisible(link)
    scroll = page.verticalScrollBar().value()
    assert scroll > 0
    qtbot.mouseClick(link, Qt.LeftButton)
    axis = question_id.split(".")[0]
    assert view.steps[view.current()].id == axis
    card = view.step_pages[axis].cards[question_id]
    bar = view.results_return
    assert card.property("highlighted") is True
    assert bar.isVisible() and "Retour aux résultats" in bar.button.text().replace("&", "")
    qtbot.mouseClick(bar.button, Qt.LeftButton)
    assert view.steps[view.current()].id == "resultats"
    qtbot.waitUntil(lambda: view.pages[view.current()].verticalScrollBar().value() == scroll)
    assert not bar.isVisible() and card.property("highlighted") is False


def test_the_way_back_goes_when_the_agent_goes_elsewhere(qtbot, tmp_path):
    view, page = results_of(qtbot, tmp_path)
    question_id, link = page.trigger_buttons[0]
    link.clicked.emit()
    assert view.results_return.isVisible()
    view.step_list.setCurrentRow(view.current() + 1)
    assert not view.results_return.isVisible()
