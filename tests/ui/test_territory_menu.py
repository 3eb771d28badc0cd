"""The main window opens a territory file in the territory window, and has the menu."""

from evalir_desktop.territory.importing import consolidate
from evalir_desktop.ui.main_window import MainWindow
from tests.synthetic import generate_towns


def test_opening_a_territory_file_shows_the_territory_window(qtbot, tmp_path):
    towns = generate_towns(tmp_path / "communes", 2, assessments=1)
    territory = tmp_path / "Territoire é.evalir"
    consolidate(territory, towns)
    window = MainWindow()
    qtbot.addWidget(window)
    titles = [action.text() for action in window.territory_menu.actions()]
    assert "&Envoyer à l'intercommunalité…" in titles
    assert window.open_path(territory)
    assert window.store is None  # the main window keeps showing no town file
    (shown,) = window.territory_windows
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: not shown.busy, timeout=60_000)
    assert shown.rows_model.rowCount() == 2
    assert window.open_path(towns[0])  # a town file still opens in the main window
    assert window.store is not None and window.store.role == "commune"
    window.close()
