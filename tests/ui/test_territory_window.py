"""The territory window: add a folder of town files, then read the territory views."""

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView

from evalir_desktop.ui.territory.window import TerritoryWindow
from tests.synthetic import generate_towns


def open_window(qtbot, path) -> TerritoryWindow:
    window = TerritoryWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    return window


def test_add_a_folder_then_see_table_obligations_and_groups(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "Fichiers reçus des communes"
    generate_towns(folder, 6, assessments=2, seed=3)
    window = open_window(qtbot, tmp_path / "Territoire des Monts é.evalir")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kw: str(folder))
    qtbot.mouseClick(window.add_folder_button, Qt.LeftButton)
    assert window.busy and not window.add_folder_button.isEnabled()
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)

    assert window.rows_model.rowCount() == 12
    assert window.rows_model.horizontalHeaderItem(0).text() == "Commune"
    assert "fichiers\u202f: 6 importés, 0 refusé" in window.status.text()
    assert window.report_list.count() == 6
    assert window.obligations_model.rowCount() == len(window.view.obligations) > 0
    assert window.obligations_model.item(0, 3).data(Qt.DisplayRole) >= 1
    assert window.maturity_model.rowCount() == 1 + 6
    assert window.maturity_model.item(0, 0).text() == "Moyenne du territoire"
    assert window.groups_tree.topLevelItemCount() == len(window.view.opportunities) >= 1
    first = window.groups_tree.topLevelItem(0)
    assert int(first.text(1)) >= 2 and first.childCount() >= 2
    header = window.groups_tree.header()  # long titles wrap in the widest column
    assert window.groups_tree.wordWrap() and header.sectionResizeMode(0) == QHeaderView.Stretch
    window.groups_tree.setCurrentItem(first)
    assert window.view.opportunities[0].explanation[:30] in window.group_text.text()

    status = window.view.rows[0].status
    window.status_filter.setCurrentIndex(window.status_filter.findData(status))
    expected = sum(row.status == status for row in window.view.rows)
    assert window.rows_model.rowCount() == expected < 12
    window.status_filter.setCurrentIndex(0)
    window.filter_edit.setText(window.view.rows[0].supplier.upper())
    assert 1 <= window.rows_model.rowCount() < 12

    assert window.report_button.isEnabled()
    window.write_report(tmp_path / "rapport.pdf")
    qtbot.waitUntil(lambda: "Rapport de territoire écrit" in window.status.text(), timeout=60_000)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert "Rapport de territoire écrit" in window.status.text()
    assert "Depuis le dernier rapport" in window.versions.text()
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert window.report_button.isEnabled()


def test_bad_file_is_reported_and_the_others_imported(qtbot, tmp_path):
    folder = tmp_path / "lot"
    good = generate_towns(folder, 2, assessments=1)
    shutil.copyfile(good[0], folder / "abîmé.evalir")
    with open(folder / "abîmé.evalir", "r+b") as handle:
        handle.truncate(3000)
    window = open_window(qtbot, tmp_path / "territoire.evalir")
    window.add_paths([folder])
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    lines = [window.report_list.item(i).text() for i in range(window.report_list.count())]
    assert any("abîmé.evalir : refusé" in line and "tronqué" in line for line in lines)
    assert "fichiers\u202f: 2 importés, 1 refusé" in window.status.text()
    assert window.rows_model.rowCount() == 2


def test_reopening_shows_the_territory(qtbot, tmp_path):
    folder = tmp_path / "communes"
    generate_towns(folder, 2, assessments=1)
    window = open_window(qtbot, tmp_path / "t.evalir")
    window.add_paths([folder])
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    window.close()
    again = open_window(qtbot, tmp_path / "t.evalir")
    assert again.rows_model.rowCount() == 2
    assert "2 communes, 2 évaluations" in again.status.text()
