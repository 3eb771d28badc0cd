"""Keyboard and screen-reader basics: names on inputs, reading order, small screens."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from evalir_desktop.ui.dialogs.new_assessment import NewAssessmentDialog
from tests.ui.helpers import open_window
from tests.ui.test_undo_trash_versions import make_file, open_assessment


def unnamed_inputs(root: QWidget) -> list[str]:
    """Fields, lists of choices and buttons without visible text that carry no name."""
    missing = []
    for widget in root.findChildren(QWidget):
        field = isinstance(widget, QLineEdit | QPlainTextEdit | QComboBox)
        bare_button = isinstance(widget, QAbstractButton) and not widget.text()
        if (field or bare_button) and not widget.accessibleName():
            missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


def test_every_input_of_the_assessment_has_an_accessible_name(qtbot, tmp_path, commune):
    path = tmp_path / "accessible.evalir"
    (assessment_id,) = make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    assert unnamed_inputs(window.home) == []
    view = open_assessment(qtbot, window, assessment_id)
    for step in ("resultats", "plan", "decision"):
        view.go_to_step(step)
    assert unnamed_inputs(view) == []
    dialog = NewAssessmentDialog(window.content, window)
    qtbot.addWidget(dialog)
    assert unnamed_inputs(dialog) == []


def test_tab_follows_the_reading_order_of_a_question(qtbot, tmp_path, commune):
    path = tmp_path / "ordre.evalir"
    (assessment_id,) = make_file(path, commune)
    window = open_window(qtbot, path, create=False)
    view = open_assessment(qtbot, window, assessment_id)
    card = view.step_pages["contexte"].cards["contexte.decision_individuelle"]
    radios = list(card.editor.buttons.values())
    expected = [
        radios[0],
        card.unknown,
        card.clear_button,
        card.attachments_button,
        card.help_button,
        card.comment,
    ]
    order, widget = [], radios[0]
    while card.isAncestorOf(widget) and len(order) < 50:
        if widget.focusPolicy() & Qt.TabFocus and widget.isVisibleTo(card):
            order.append(widget)
        widget = widget.nextInFocusChain()
    # radio buttons of one group take a single Tab stop (arrows move inside the group)
    order = [w for w in order if w not in radios[1:]]
    assert order == expected


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_usable_at_1024_by_700_with_large_fonts(qtbot, tmp_path, commune, scale):
    app = QApplication.instance()
    font = app.font()
    larger = app.font()
    larger.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(larger)
    try:
        path = tmp_path / "petit écran.evalir"
        (assessment_id,) = make_file(path, commune)
        window = open_window(qtbot, path, create=False)
        home_hint = window.minimumSizeHint()
        view = open_assessment(qtbot, window, assessment_id)
        sizes = [home_hint]
        for step in view.steps:
            view.go_to_step(step.id)
            sizes.append(window.minimumSizeHint())
        assert max(size.width() for size in sizes) <= 1024
        assert max(size.height() for size in sizes) <= 700
    finally:
        app.setFont(font)
