"""Helpers driving the real widgets of the assessment screens in GUI tests."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from evalir_desktop.ui.assessment.answer_editors import (
    ChoiceEditor,
    LongTextEditor,
    MultipleEditor,
    NumberEditor,
    ScaleEditor,
    ShortTextEditor,
)
from evalir_desktop.ui.assessment.question_card import QuestionCard
from evalir_desktop.ui.main_window import MainWindow


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Set the text as typing would, then leave the field (accents cannot be keyClicked)."""
    edit.setFocus()
    edit.clear()
    edit.insert(text)
    qtbot.keyClick(edit, Qt.Key_Tab)
    edit.editingFinished.emit()


def open_window(qtbot, path, create: bool = True) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    assert window.open_path(path, create=create)
    qtbot.waitUntil(window.home.isVisible)  # new central widgets are shown by a queued call
    qtbot.waitUntil(lambda: window.home.assessments.content is not None)  # read after painting
    return window


def when_dialog_opens(callback) -> None:
    """Run `callback(dialog)` on the next modal dialog, from inside its event loop."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        callback(dialog)

    QTimer.singleShot(0, run)


def choose(card: QuestionCard, option_id: str) -> None:
    """Click the radio button or check box of one option, as the agent would."""
    editor = card.editor
    button = editor.buttons[option_id] if isinstance(editor, ChoiceEditor) else None
    if isinstance(editor, MultipleEditor):
        button = editor.boxes[option_id]
    button.click()


def answer_plainly(qtbot, card: QuestionCard) -> None:
    """Give the first option, or a short text or number, through the card's widgets."""
    editor = card.editor
    if isinstance(editor, ChoiceEditor | MultipleEditor):
        choose(card, card.question.options[0].id)
    elif isinstance(editor, ScaleEditor):
        editor.buttons[max(editor.buttons)].click()
    elif isinstance(editor, NumberEditor):
        type_into(qtbot, editor.edit, "1500")
    elif isinstance(editor, ShortTextEditor):
        type_into(qtbot, editor.edit, "Accueil")
    elif isinstance(editor, LongTextEditor):
        editor.edit.setPlainText("Répondre aux questions courantes des habitants.")
        qtbot.waitUntil(lambda: not card.timer.isActive())  # saved when typing pauses
