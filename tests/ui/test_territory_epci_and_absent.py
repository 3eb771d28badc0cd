"""In the territory window: a town of another intercommunality waits for the officer's
choice; an assessment its town no longer sends is removed after confirmation."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from evalir_desktop.cli import main as evalir
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store
from tests.territory.test_other_epci import FOREZ_EST, LOIRE_FOREZ, town
from tests.ui.test_territory_window import open_window


def test_a_town_of_another_epci_is_imported_only_when_the_officer_says_so(
    qtbot, tmp_path, monkeypatch
):
    folder = tmp_path / "reçus"
    folder.mkdir()
    town(folder, "Montbrison", "42147", LOIRE_FOREZ)
    town(folder, "Écotay-l'Olme", "42087", LOIRE_FOREZ)
    town(folder, "Feurs", "42094", FOREZ_EST)
    window = open_window(qtbot, tmp_path / "territoire.evalir")
    window.add_paths([folder])
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    panel = window.conflict_panel
    assert window.tabs.currentWidget() is panel
    assert "Forez-Est" in panel.reason.text()
    assert "Intercommunalité du territoire" in panel.current.toPlainText()
    assert "Intercommunalité déclarée" in panel.incoming.toPlainText()
    assert panel.keep_button.text() == "&Ne pas importer ce fichier"
    assert panel.replace_button.text() == "&Importer quand même…"
    assert {row.commune for row in window.view.rows} == {"Montbrison", "Écotay-l'Olme"}
    asked = {}
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.setdefault("text", a[2]) and QMessageBox.Yes
    )
    qtbot.mouseClick(panel.replace_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert "Feurs" in asked["text"]
    assert "Feurs" in {row.commune for row in window.view.rows}


def test_an_absent_assessment_is_removed_after_confirmation(qtbot, tmp_path, monkeypatch, capsys):
    path = town(tmp_path, "Montbrison", "42147", LOIRE_FOREZ)
    with Store.open(path) as store:
        cameras = store.assessments.create("Caméras", content_id="c", content_version="v")
        first = share(store, tmp_path / "1.evalir").path
        store.assessments.delete(cameras.id)
        second = share(store, tmp_path / "2.evalir").path
    window = open_window(qtbot, tmp_path / "territoire.evalir")
    window.add_paths([first])
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    tab = window.absent_tab
    assert not window.tabs.isTabVisible(tab.index)
    window.add_paths([second])
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert window.tabs.isTabVisible(tab.index) and "(1)" in window.tabs.tabText(tab.index)
    assert tab.model.item(0, 1).text() == "Caméras"
    assert evalir(["remove-absent", str(window.path)]) == 0
    assert cameras.id in capsys.readouterr().out
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.LeftButton)
    assert "Caméras" in {row.title for row in window.view.rows}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(tab.remove_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert "Caméras" not in {row.title for row in window.view.rows}
    assert "a été retirée du territoire" in tab.message.text()
    with Store.open(window.path, readonly=True) as territory:
        assert any(
            "removed_from_territory" in h.change for h in territory.history.entries(cameras.id)
        )


def test_the_command_line_removes_only_with_confirmation(tmp_path, capsys):
    path = town(tmp_path, "Montbrison", "42147", LOIRE_FOREZ)
    territory = tmp_path / "territoire.evalir"
    with Store.open(path) as store:
        cameras = store.assessments.create("Caméras", content_id="c", content_version="v")
        first = share(store, tmp_path / "1.evalir").path
        store.assessments.delete(cameras.id)
        second = share(store, tmp_path / "2.evalir").path
    assert evalir(["consolidate", str(first), str(second), "-o", str(territory)]) == 0
    capsys.readouterr()
    assert evalir(["remove-absent", str(territory), "--assessment", cameras.id]) != 0
    assert "--confirmer" in capsys.readouterr().err
    assert evalir(["remove-absent", str(territory), "--assessment", cameras.id, "--confirmer"]) == 0
    assert "a été retirée du territoire" in capsys.readouterr().out
    assert evalir(["remove-absent", str(territory)]) == 0
    assert "0 évaluation absente." in capsys.readouterr().out
