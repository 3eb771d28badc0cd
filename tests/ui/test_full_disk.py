"""Issue 11, point 6: a save on a full disk says so where the agent looks, keeps the value
on screen, pushes no undo step, retries, and never crashes (a real, full tmpfs)."""

from evalir_desktop.ui.assessment.answer_editors import ChoiceEditor
from tests.media import fill, small_disk
from tests.ui.helpers import choose, open_window
from tests.ui.test_undo_trash_versions import make_file, open_assessment, stored_answers

QUESTION = "gouvernance.elu_referent"
FULL = (
    "Non enregistré : le disque est plein — libérez de la place ou enregistrez une copie ailleurs."
)


def test_a_full_disk_keeps_the_answer_on_screen_and_retries(qtbot, tmp_path, commune):
    with small_disk(tmp_path / "disque", kilobytes=2048) as disk:
        path = disk / "commune.evalir"
        (assessment_id,) = make_file(path, commune)
        window = open_window(qtbot, path, create=False)
        view = open_assessment(qtbot, window, assessment_id)
        view.go_to_step("gouvernance")
        card = view.step_pages["gouvernance"].cards[QUESTION]
        choose(card, "oui")
        steps = view.undo_stack.count()
        fill(disk)
        choose(card, "non")
        assert view.saved_label.text() == FULL
        assert view.undo_stack.count() == steps  # nothing stored, nothing to undo
        assert isinstance(card.editor, ChoiceEditor)
        assert card.editor.buttons["non"].isChecked()  # the value stays on screen
        choose(card, "oui")  # a further change on a full disk: still no crash
        choose(card, "non")
        assert view.saved_label.text() == FULL
        assert stored_answers(path, assessment_id)[QUESTION].value == "oui"
        (disk / "remplissage.bin").unlink()
        view.retry_unsaved()
        assert view.saved_label.text().startswith("Enregistré à")
        assert stored_answers(path, assessment_id)[QUESTION].value == "non"
        assert view.undo_stack.count() == steps + 1
        window.close()
