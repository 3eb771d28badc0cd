"""The "À propos" dialog and the data it shows: versions and bundled licences."""

import sys
import types
from importlib.metadata import distribution

from packaging.requirements import Requirement
from PySide6.QtWidgets import QDialogButtonBox

from evalir_desktop import __version__, about
from evalir_desktop.ui.dialogs.about import AboutDialog
from evalir_desktop.ui.main_window import MainWindow


def runtime_distributions(name: str, seen: set[str]) -> set[str]:
    dist = distribution(name)
    key = dist.metadata["Name"].lower().replace("_", "-")
    if key not in seen:
        seen.add(key)
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                runtime_distributions(requirement.name, seen)
    return seen


def test_every_runtime_dependency_has_its_licence_listed():
    listed = {
        name.lower().replace("_", "-")
        for component in about.components()
        for name in component.distributions
    }
    missing = runtime_distributions("evalir-desktop", set()) - listed
    assert missing == set()


def test_every_licence_text_is_shipped():
    texts = [path for component in about.components() for path in component.texts]
    assert texts
    assert [path for path in texts if not path.is_file()] == []


def test_required_components_are_named():
    names = " ".join(component.name for component in about.components())
    for expected in ("Qt", "PySide6", "ReportLab", "pydantic", "sqlite-utils", "SQLite", "DejaVu"):
        assert expected in names


def fake_content(monkeypatch, load_content):
    module = types.ModuleType("evalir_desktop.content")
    module.load_content = load_content
    monkeypatch.setitem(sys.modules, "evalir_desktop.content", module)


def test_content_version_comes_from_the_loaded_content(monkeypatch):
    fake_content(monkeypatch, lambda: types.SimpleNamespace(version="2026.11"))
    assert about.content_version() == "2026.11"


def test_content_version_is_none_when_the_content_cannot_load(monkeypatch):
    def broken():
        raise OSError("resources/content missing")

    fake_content(monkeypatch, broken)
    assert about.content_version() is None


def test_dialog_shows_versions_and_licences(qtbot, monkeypatch):
    fake_content(monkeypatch, lambda: types.SimpleNamespace(version="2026.11"))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "À propos d'EVALIR Desktop"
    assert __version__ in dialog.program_label.text()
    assert "2026.11" in dialog.content_label.text()
    text = dialog.licences.toPlainText()
    assert "LGPL-3.0-only" in text and "BSD-3-Clause" in text and "Apache-2.0" in text
    assert "LGPL-3.0.txt" in text


def test_dialog_says_when_the_content_version_is_unknown(qtbot, monkeypatch):
    fake_content(monkeypatch, lambda: (_ for _ in ()).throw(OSError("absent")))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.content_label.text() == "Version du contenu d'évaluation : non disponible"
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Close).click()
    assert not dialog.isVisible()


def test_help_menu_opens_the_about_dialog(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self.windowTitle()))
    window = MainWindow()
    qtbot.addWidget(window)
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    help_menu = menus["&Aide"]
    [about_action] = [a for a in help_menu.actions() if "propos" in a.text()]
    about_action.trigger()
    assert opened == ["À propos d'EVALIR Desktop"]
