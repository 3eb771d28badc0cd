"""Issue 11, point 7: a file on a read-only medium opens read-only with the banner, its
assessments open, and « Enregistrer une copie sous… » continues in a writable copy."""

from PySide6.QtWidgets import QWidget

from evalir_desktop.store.file.opening import READONLY_MEDIUM_MESSAGE
from tests.media import make_readonly, small_disk
from tests.ui.helpers import open_window
from tests.ui.test_undo_trash_versions import make_file, open_assessment


def test_a_read_only_key_opens_read_only_and_offers_a_copy(qtbot, tmp_path, commune):
    with small_disk(tmp_path / "cd", kilobytes=2048) as disc:
        path = disc / "commune.evalir"
        (assessment_id,) = make_file(path, commune)
        make_readonly(disc)
        window = open_window(qtbot, path, create=False)
        assert window.store.readonly_reason == READONLY_MEDIUM_MESSAGE
        banner = window.centralWidget().findChild(QWidget, "readonly_banner")
        assert banner is not None and banner.isVisible()
        assert banner.copy_button.text() == "Enregistrer une copie sous…"
        view = open_assessment(qtbot, window, assessment_id)
        assert view.session.answers  # the assessment opens (it failed before)
        window.close_assessment()
        copy = tmp_path / "copie.evalir"
        assert window.save_copy(copy)
        assert window.store.path == copy
        assert not window.store.readonly
        window.close()
