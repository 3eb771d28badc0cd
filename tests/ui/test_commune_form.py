"""The town-profile form through the real main window: inline refusal, then saved."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from evalir_desktop.store import Store
from evalir_desktop.ui.main_window import MainWindow
from evalir_desktop.ui.recent_files import recent_files


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Set the text as typing would, then leave the field (accents cannot be keyClicked)."""
    edit.setFocus()
    edit.clear()
    edit.insert(text)
    qtbot.keyClick(edit, Qt.Key_Tab)
    edit.editingFinished.emit()


def open_window(qtbot, path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path, create=True)
    qtbot.waitUntil(window.home.isVisible)  # new central widgets are shown by a queued call
    return window


def test_profile_refuses_bad_insee_then_saves(qtbot, tmp_path):
    path = tmp_path / "Mairie de Saint-Étienne" / "évaluations IA.evalir"
    window = open_window(qtbot, path)
    form = window.home.commune_form
    type_into(qtbot, form.edits["nom"], "Saint-Étienne-de-Tinée")
    type_into(qtbot, form.edits["insee"], "6120")
    assert form.errors["insee"].isVisible()
    assert "5 caractères" in form.errors["insee"].text()
    assert "corrigez" in form.status.text()
    type_into(qtbot, form.edits["insee"], "06120")
    type_into(qtbot, form.edits["agents_etp"], "41,5")
    form.dpd.setCurrentIndex(form.dpd.findData("mutualise"))
    assert not form.errors["insee"].isVisible()
    assert form.status.text().startswith("Enregistré à")
    window.close()
    with Store.open(path) as store:
        commune = store.town.commune()
    assert commune.nom == "Saint-Étienne-de-Tinée"
    assert commune.insee == "06120"
    assert commune.agents_etp == 41.5
    assert commune.dpd_designe == "mutualise"
    assert recent_files()[0] == path.resolve()


def test_untouched_fields_show_no_error(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "neuf.evalir")
    form = window.home.commune_form
    type_into(qtbot, form.edits["nom"], "Èze")
    assert not form.errors["insee"].isVisible()
    assert "corrigez" in form.status.text()


def test_refused_file_keeps_window_usable(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    bad = tmp_path / "pas un fichier.evalir"
    bad.write_text("bonjour", encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_path(bad)
    assert "pas un fichier EVALIR" in shown[0]
    assert bad.read_text(encoding="utf-8") == "bonjour"


def test_second_window_on_same_file_is_readonly(qtbot, tmp_path):
    path = tmp_path / "partagé.evalir"
    first = open_window(qtbot, path)
    second = open_window(qtbot, path)
    assert second.store.readonly
    assert second.home.commune_form.edits["nom"].isReadOnly()
    first.close()
