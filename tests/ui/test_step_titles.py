"""Each page is titled as the side panel names it (« Suivi » leads to « Suivi »)."""

from PySide6.QtWidgets import QLabel

from evalir_desktop.content import load_content
from evalir_desktop.example import write_example
from evalir_desktop.french import spaced
from tests.ui.helpers import open_window


def test_page_titles_match_the_side_panel(qtbot, tmp_path):
    window = open_window(qtbot, write_example(tmp_path, load_content()), create=False)
    window.open_assessment(window.store.assessments.all()[0].id)
    view = window.assessment_view
    for index, step in enumerate(view.steps):
        view.go_to(index)
        page = view.pages[index]
        title = page.findChild(QLabel, "stepTitle") if step.kind == "axis" else None
        first = title or next(
            label for label in page.findChildren(QLabel) if label.font().bold() and label.text()
        )
        assert first.text() == spaced(step.title), step.id
        assert view.step_list.item(index).text().split("\n")[0].endswith(step.title)
    droit = view.step_pages["conformite"]
    assert droit.findChild(QLabel, "stepTitle").text() == "Droit"
    assert droit.findChild(QLabel, "stepSubtitle").text() == "Conformité juridique"
