"""French typography on screen: narrow no-break spaces before : ; ! ? and inside « », in
the window's own strings (through the translator) and in the content it shows."""

import re

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTableWidget

from evalir_desktop.content import load_content
from evalir_desktop.example import write_example
from evalir_desktop.ui.translations import FrenchTranslator
from tests.ui.helpers import open_window

WRONG = re.compile(r"[ \u00a0][:;!?](?!\w)|«[ \u00a0]|[ \u00a0]»|\w\(s\)")
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def french(qapp):
    translator = FrenchTranslator(qapp)
    qapp.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def shown_texts(widget) -> list[str]:
    texts = []
    for child in widget.findChildren(QLabel):
        if child.isVisibleTo(widget):
            texts.append(TAG.sub("", child.text()).replace("&nbsp;", "\u00a0"))
    for child in widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget):
            texts.append(child.text())
    for child in widget.findChildren(QGroupBox):
        texts.append(child.title())
    for child in widget.findChildren(QComboBox):
        texts += [child.itemText(i) for i in range(child.count())]
    for table in widget.findChildren(QTableWidget):
        texts += [
            table.item(r, c).text()
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if table.item(r, c)
        ]
    return texts


def problems(texts: list[str]) -> list[str]:
    return [text for text in texts if WRONG.search(text)]


def test_every_assessment_page_is_typeset_in_french(qtbot, tmp_path, french):
    window = open_window(qtbot, write_example(tmp_path, load_content()), create=False)
    found = problems(shown_texts(window.home))
    window.open_assessment(window.store.assessments.all()[0].id)
    view = window.assessment_view
    for index, step in enumerate(view.steps):
        view.go_to(index)
        for card in getattr(view.pages[index], "cards", {}).values():
            card.help.show()  # the help of each question is read too
        found += [f"{step.id}: {text}" for text in problems(shown_texts(view))]
    assert found == []


def test_counted_strings_take_the_right_form(french):
    def translate(text, n):
        return QCoreApplication.translate("ReportDialog", text, None, n)

    assert translate("Document prêt : %n pages.", 1) == "Document prêt\u202f: 1 page."
    assert translate("Document prêt : %n pages.", 4) == "Document prêt\u202f: 4 pages."
    assert translate("%n pages envoyées à l'imprimante.", 1) == "1 page envoyée à l'imprimante."
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"  # not ours
