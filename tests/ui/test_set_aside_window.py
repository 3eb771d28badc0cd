"""Issue 21, P2, in the window: an assessment whose answers were set aside on reading
(a 99,000-character comment) says so on its own screen, not only on the home page."""

from evalir_desktop.content import load_content
from evalir_desktop.store import Store
from evalir_desktop.ui.assessment.view import AssessmentView
from tests.hostile.make_hostile import altered
from tests.sql import scalar


def test_the_assessment_screen_says_what_was_set_aside(qtbot, tmp_path):
    path = altered(tmp_path / "recu.evalir", ("UPDATE answer SET comment = ?", ("é" * 99_000,)))
    assessment_id = scalar(path, "SELECT id FROM assessment")
    with Store.open(path, readonly=True) as store:
        view = AssessmentView(store, load_content(), assessment_id)
        qtbot.addWidget(view)
        view.show()
        banner = view.problems_banner
        assert banner.isVisible()
        assert "écarté" in banner.label.text()
        assert any("comment" in reason for reason in store.problems)
        view.close()
