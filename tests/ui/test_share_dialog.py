"""« Envoyer à l'intercommunalité »: a chosen assessment, without names, shown in its folder."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from evalir_desktop.store import Store
from evalir_desktop.ui.territory.share_dialog import ShareDialog
from tests.territory.territory_helpers import PERSONAL, make_town


def test_share_one_assessment_without_names(qtbot, tmp_path, monkeypatch):
    town = make_town(tmp_path / "Écotay.evalir")
    out = tmp_path / "À envoyer"
    out.mkdir()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    with Store.open(town["path"]) as store:
        dialog = ShareDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.assessment_list.count() == 2
        for index in range(2):
            item = dialog.assessment_list.item(index)
            if item.data(Qt.UserRole) != town["cameras"]:
                item.setCheckState(Qt.Unchecked)
        dialog.anonymise.setChecked(True)
        dialog.folder_edit.setText(str(out))
        assert not dialog.write_button.isEnabled()
        qtbot.mouseClick(dialog.preview_button, Qt.LeftButton)
        assert not list(out.iterdir())  # nothing written before the agent has read it
        assert "Textes libres envoyés" in dialog.preview.toPlainText()
        qtbot.mouseClick(dialog.write_button, Qt.LeftButton)
        assert "Copie prête" in dialog.message.text()
        qtbot.mouseClick(dialog.show_button, Qt.LeftButton)
    (written,) = out.glob("42087-Ecotay-l-Olme-*.evalir")
    assert opened and Path(opened[0].toLocalFile()) == out
    with Store.open(written, readonly=True) as copy:
        assert [a.id for a in copy.assessments.all()] == [town["cameras"]]
    raw = written.read_bytes()
    assert not [name for name in PERSONAL if name.encode("utf-8") in raw]


def test_nothing_checked_is_refused_inline(qtbot, tmp_path):
    town = make_town(tmp_path / "Écotay.evalir")
    with Store.open(town["path"]) as store:
        dialog = ShareDialog(store)
        qtbot.addWidget(dialog)
        for index in range(dialog.assessment_list.count()):
            dialog.assessment_list.item(index).setCheckState(Qt.Unchecked)
        dialog.folder_edit.setText(str(tmp_path))
        qtbot.mouseClick(dialog.preview_button, Qt.LeftButton)
        assert "Cochez au moins une évaluation" in dialog.message.text()
        assert not dialog.write_button.isEnabled()
    assert not list(tmp_path.glob("42087-*.evalir"))
