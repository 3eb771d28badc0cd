"""First start: welcome panel, example, guide, shortcuts, problem report, Qt in French."""

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QTableWidget

from evalir_desktop.ui.help import menu as help_menu
from evalir_desktop.ui.help.guide_dialog import GuideDialog
from evalir_desktop.ui.help.shortcuts import ShortcutsDialog
from evalir_desktop.ui.main_window import MainWindow
from evalir_desktop.ui.translations import install_translators
from tests.ui.helpers import open_window, type_into, when_dialog_opens
from tests.ui.test_undo_trash_versions import make_file


def test_empty_file_shows_the_welcome_panel_then_the_list(qtbot, tmp_path, commune):
    window = open_window(qtbot, tmp_path / "neuf.evalir")
    home = window.home
    assert home.welcome.isVisible() and not home.assessment_list.isVisible()
    steps = [label.text() for label in home.welcome.step_labels]
    assert len(steps) == 3 and "Profil de la commune" in steps[0] and "rapport" in steps[2]
    assert "(fait)" not in steps[0]
    window.store.town.save_commune(commune)
    window.home.refresh()
    assert "(fait)" in home.welcome.step_labels[0].text()
    window.close()
    make_file(tmp_path / "plein.evalir", commune)
    window = open_window(qtbot, tmp_path / "plein.evalir", create=False)
    assert not window.home.welcome.isVisible() and window.home.assessment_list.isVisible()


def test_the_example_opens_read_only_and_leads_back(qtbot, tmp_path, commune, monkeypatch):
    monkeypatch.setattr(help_menu, "data_folder", lambda: tmp_path / "données")
    path = tmp_path / "ma commune.evalir"
    make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    assert help_menu.open_example(window)
    assert window.store.readonly and window.store.path.parent == tmp_path / "données" / "exemple"
    (record,) = window.store.assessments.all()
    assert window.store.plan.is_frozen(record.id) and len(window.store.plan.actions(record.id)) == 8
    assert {t.audience for t in window.store.trainings.of()} == {"agents", "elus"}
    assert not window.home.new_button.isEnabled()
    window.open_assessment(record.id)
    qtbot.waitUntil(window.assessment_view.isVisible)
    # read-only copy: even the plan's follow-up is not offered as editable
    assert "sans être modifiée" in window.assessment_view.frozen_banner.text()
    window.show_home()
    assert window.back_to_file_button.isVisible()
    qtbot.mouseClick(window.back_to_file_button, Qt.LeftButton)
    assert window.store.path == path and not window.store.readonly


def test_help_menu_guide_and_shortcuts(qtbot, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window)
    aide = next(m for m in window.menuBar().actions() if m.text() == "&Aide").menu()
    labels = [action.text() for action in aide.actions() if action.text()]
    for wanted in ("Guide", "exemple", "Raccourcis", "Signaler un problème", "propos"):
        assert any(wanted in label for label in labels), wanted
    guide = GuideDialog(window, "resultats")
    qtbot.addWidget(guide)
    assert guide.page_list.count() >= 10
    assert "Lire les résultats" in guide.browser.toHtml()
    guide.page_list.setCurrentRow(0)
    document = guide.whole_document()  # what the print button prints
    assert "Le plan d'action" in document.toPlainText()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "guide.pdf"))
    document.print_(printer)
    printed = (tmp_path / "guide.pdf").read_bytes()
    assert printed.startswith(b"%PDF") and printed.count(b"/Subtype /Image") >= 8
    shortcuts = ShortcutsDialog(window)
    qtbot.addWidget(shortcuts)
    table = shortcuts.findChild(QTableWidget)
    keys = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert {"F1", "Ctrl+P", "Ctrl+Z"} <= set(keys)


def test_report_a_problem_writes_a_diagnostic(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(help_menu, "data_folder", lambda: tmp_path / "données")
    window = open_window(qtbot, tmp_path / "f.evalir")
    seen = {}

    def close(box) -> None:
        seen["text"] = box.text()
        box.reject()

    when_dialog_opens(close)
    path = help_menu.report_problem(window)
    assert path.is_file() and "EVALIR Desktop :" in path.read_text(encoding="utf-8")
    assert path.name in seen["text"]


def test_leaving_with_a_refused_profile_field_says_it_was_not_saved(qtbot, tmp_path, commune):
    path = tmp_path / "profil.evalir"
    make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    type_into(qtbot, window.home.commune_form.edits["insee"], "123")
    assert window.home.commune_form.unsaved_fields() == ["Code INSEE"]
    seen = {}

    def answer(box: QMessageBox) -> None:
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == "Corriger le profil").click()

    when_dialog_opens(answer)
    window.close()
    assert "« Code INSEE » n'a pas été enregistré" in seen["text"]
    assert window.isVisible()  # the agent went back to correct it
    window.home.commune_form.edits["insee"].setText("06120")
    window.home.commune_form.field_finished("insee")
    assert window.home.commune_form.unsaved_fields() == []
    window.close()
    assert not window.isVisible()


def test_saved_geometry_is_restored_clamped_to_the_screen(qtbot):
    QSettings().setValue("fenetres/principale", "3000,2000,2500,1800")
    window = MainWindow()
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert screen.contains(window.geometry())


def test_qt_dialogs_and_buttons_speak_french(qapp):
    before = set(qapp.findChildren(QTranslator))
    assert "qtbase_fr" in install_translators(qapp)
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:").startswith("Voir dans")
        assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            QCoreApplication.removeTranslator(translator)
