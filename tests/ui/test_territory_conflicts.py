"""Issue 11, point 12, in the territory window: a conflicting file is shown with both
sides, and the officer keeps the current data or replaces it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store
from tests.territory.territory_helpers import make_town
from tests.ui.test_territory_window import open_window


def shared(path, out):
    with Store.open(path, readonly=True) as store:
        return share(store, out).path


def conflict_window(qtbot, tmp_path):
    first = make_town(tmp_path / "Écotay.evalir")
    other = make_town(tmp_path / "Nouveau fichier d'Écotay.evalir")
    with Store.open(other["path"]) as store:
        store.assessments.update(other["chatbot"], title="<b>Accueil</b> refait")
    window = open_window(qtbot, tmp_path / "territoire.evalir")
    window.add_paths([shared(first["path"], tmp_path / "42087-A.evalir")])
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    window.add_paths([shared(other["path"], tmp_path / "42087-B.evalir")])
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    return window, first, other


def titles(window) -> set[str]:
    return {row.title for row in window.view.rows}


def test_a_conflict_is_shown_with_both_sides_then_replaced(qtbot, tmp_path, monkeypatch):
    window, first, other = conflict_window(qtbot, tmp_path)
    panel = window.conflict_panel
    assert window.tabs.currentWidget() is panel
    assert window.tabs.isTabVisible(panel.index)
    assert "(1)" in window.tabs.tabText(panel.index)
    assert "ne vient pas du même fichier de commune" in panel.reason.text()
    assert "42087-A.evalir" in panel.current.toPlainText()
    assert "42087-B.evalir" in panel.incoming.toPlainText()
    assert "<b>Accueil</b> refait" in panel.incoming.toPlainText()  # shown as plain text
    assert "<b>Accueil</b> refait" not in titles(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.Yes)
    qtbot.mouseClick(panel.replace_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert "<b>Accueil</b> refait" in titles(window)
    assert not window.tabs.isTabVisible(panel.index) or "(0)" in window.tabs.tabText(panel.index)
    with Store.open(window.path, readonly=True) as territory, Store.open(other["path"]) as town:
        assert territory.territory.commune_rows()[0].town_id == town.town.town_id()


def test_keeping_the_current_data_changes_nothing(qtbot, tmp_path):
    window, first, _other = conflict_window(qtbot, tmp_path)
    before = titles(window)
    qtbot.mouseClick(window.conflict_panel.keep_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert titles(window) == before
    assert "gardées" in window.conflict_panel.message.text()
    with Store.open(window.path, readonly=True) as territory, Store.open(first["path"]) as town:
        assert territory.territory.commune_rows()[0].town_id == town.town.town_id()
