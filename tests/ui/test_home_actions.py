"""Home actions through the window: drop a file, rename, duplicate; step shortcuts."""

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog

from evalir_desktop.store import Store
from tests.ui.helpers import open_window
from tests.ui.test_undo_trash_versions import make_file, open_assessment


def titles(home) -> list[str]:
    tree = home.assessments.tree
    return sorted(tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount()))


def test_dropping_an_evalir_file_opens_it(qtbot, tmp_path, commune):
    dropped = tmp_path / "reçu de la mairie.evalir"
    make_file(dropped, commune, ("Caméras de la place",))
    window = open_window(qtbot, tmp_path / "le mien.evalir")
    assert titles(window.home) == []
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)  # what Qt calls when the file is released over the window
    qtbot.waitUntil(window.home.isVisible)
    assert window.store.path == dropped
    assert titles(window.home) == ["Caméras de la place"]


def test_rename_and_duplicate(qtbot, tmp_path, commune, monkeypatch):
    path = tmp_path / "renommer.evalir"
    (assessment_id,) = make_file(path, commune, ("Chatbot",))
    window = open_window(qtbot, path, create=False)
    home = window.home.assessments
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *args: ("Agent conversationnel de l'accueil", True)
    )
    qtbot.mouseClick(home.rename_button, Qt.LeftButton)
    assert titles(window.home) == ["Agent conversationnel de l'accueil"]
    qtbot.mouseClick(home.copy_button, Qt.LeftButton)
    assert titles(window.home) == [
        "Agent conversationnel de l'accueil",
        "Copie de Agent conversationnel de l'accueil",
    ]
    window.close()
    with Store.open(path, readonly=True) as store:
        records = {record.title: record for record in store.assessments.all()}
        copy = records["Copie de Agent conversationnel de l'accueil"]
        assert store.answers.of(copy.id) == store.answers.of(assessment_id)


def test_keyboard_moves_between_steps_and_reopening_resumes(qtbot, tmp_path, commune):
    path = tmp_path / "clavier.evalir"
    (assessment_id,) = make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    view = open_assessment(qtbot, window, assessment_id)
    assert view.stack.currentIndex() == 0
    assert not view.previous_button.isEnabled()
    qtbot.keyClick(view.step_list, Qt.Key_PageDown, Qt.ControlModifier)
    qtbot.keyClick(view.step_list, Qt.Key_PageDown, Qt.ControlModifier)
    assert view.steps[view.stack.currentIndex()].id == "gouvernance"
    qtbot.keyClick(view.step_list, Qt.Key_PageUp, Qt.ControlModifier)
    assert view.steps[view.stack.currentIndex()].id == "besoin"
    view.step_list.setCurrentRow(len(view.steps) - 2)  # jump straight to the action plan
    assert view.steps[view.stack.currentIndex()].id == "plan"
    qtbot.mouseClick(view.back_button, Qt.LeftButton)
    assert window.home.isVisible()
    view = open_assessment(qtbot, window, assessment_id)
    assert view.steps[view.stack.currentIndex()].id == "plan"
