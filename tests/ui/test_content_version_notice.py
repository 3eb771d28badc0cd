"""An assessment answered with another questionnaire version says so, in the window too."""

from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.session.versions import content_version_notice
from evalir_desktop.store import Store
from tests.ui.helpers import open_window
from tests.ui.test_undo_trash_versions import make_file, open_assessment


def test_current_version_shows_no_notice(qtbot, tmp_path, commune):
    path = tmp_path / "à jour.evalir"
    (assessment_id,) = make_file(path, commune)
    view = open_assessment(qtbot, open_window(qtbot, path, create=False), assessment_id)
    assert not view.version_banner.isVisible()


def test_older_version_is_announced_and_answers_kept(qtbot, tmp_path, commune):
    path = tmp_path / "ancienne version.evalir"
    content = load_content()
    with Store.open(path, create=True) as store:
        store.town.save_commune(commune)
        record = store.assessments.create(
            "Courrier", content_id=content.id, content_version="2025.01.0"
        )
        store.answers.save(record.id, "question.disparue", Answer(value="oui"))
        notice = content_version_notice(record, content)
    assert "version 2025.01.0" in notice
    assert content.version in notice
    view = open_assessment(qtbot, open_window(qtbot, path, create=False), record.id)
    assert view.version_banner.isVisible()
    assert view.version_banner.text() == notice
    with Store.open(path, readonly=True) as store:
        assert store.answers.of(record.id)["question.disparue"].value == "oui"
