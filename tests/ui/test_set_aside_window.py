"""Issue 21, P2, in the window: an assessment whose answers were set aside on reading
(a 99,000-character comment) says so on its own screen, not only on the home page."""

import sqlite3

from evalir_desktop.content import load_content
from evalir_desktop.store import Store
from evalir_desktop.ui.assessment.view import AssessmentView
from tests.hostile.make_hostile import base_file


def test_the_assessment_screen_says_what_was_set_aside(qtbot, tmp_path):
    path = base_file(tmp_path / "recu.evalir")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE answer SET comment = ?", ("é" * 99_000,))
        (assessment_id,) = conn.execute("SELECT id FROM assessment").fetchone()
    conn.close()
    with Store.open(path, readonly=True) as store:
        view = AssessmentView(store, load_content(), assessment_id)
        qtbot.addWidget(view)
        view.show()
        banner = view.problems_banner
        assert banner.isVisible()
        assert "écarté" in banner.label.text()
        assert any("comment" in reason for reason in store.problems)
        view.close()
