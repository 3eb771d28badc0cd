"""One input widget per answer type: radio buttons, check boxes, number, short/long text."""

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.content import Question
from evalir_desktop.content.validation import parse_french_number, validate_answer
from evalir_desktop.domain.answers import Answer
from evalir_desktop.french import spaced

ERROR_STYLE = "color: #b00020;"


class PlainTextEdit(QPlainTextEdit):
    """A multi-line field that says when the agent leaves it (to save at once)."""

    left = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class OptionText(QLabel):
    """The wrapping text of a radio button or check box; a click on it clicks the button."""

    def __init__(self, text: str, button: QAbstractButton):
        super().__init__(spaced(text))  # content text: French spacing on screen
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.PlainText)

    def mouseReleaseEvent(self, event) -> None:
        if self.button.isEnabled() and event.button() == Qt.LeftButton:
            self.button.click()
        super().mouseReleaseEvent(event)


def option_row(button: QAbstractButton, text: str) -> QWidget:
    """A button followed by its text, which wraps instead of widening the page."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button, 0, Qt.AlignTop)
    layout.addWidget(OptionText(text, button), 1)
    return row


class AnswerEditor(QWidget):
    """Base editor: `committed` for a choice or a field left, `typing` while typing.

    (Two signals rather than one carrying a bool: PySide6 6.12 miscounts references to
    Python booleans sent through custom signals, which can abort the process.)
    """

    committed = Signal()
    typing = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def problem(self) -> str | None:
        return None


class ChoiceEditor(AnswerEditor):
    """Yes/no and single choice: radio buttons (arrow keys move between them)."""

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for option in question.options:
            button = QRadioButton()
            button.setAccessibleName(f"{question.label} : {option.label}")
            button.setProperty("option_label", option.label)
            self.group.addButton(button)
            self.buttons[option.id] = button
            self.layout_.addWidget(option_row(button, option.label))
        self.group.buttonClicked.connect(lambda _button: self.committed.emit())

    def value(self):
        return next((oid for oid, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value) -> None:
        self.group.setExclusive(False)
        for option_id, button in self.buttons.items():
            button.setChecked(option_id == value)
        self.group.setExclusive(True)


class MultipleEditor(AnswerEditor):
    """Multiple choice: check boxes; an exclusive option (« aucun ») clears the others."""

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.boxes: dict[str, QCheckBox] = {}
        for option in question.options:
            box = QCheckBox()
            box.setAccessibleName(f"{question.label} : {option.label}")
            box.setProperty("option_label", option.label)
            box.clicked.connect(lambda *_, oid=option.id: self.clicked(oid))
            self.boxes[option.id] = box
            self.layout_.addWidget(option_row(box, option.label))

    def clicked(self, option_id: str) -> None:
        if self.boxes[option_id].isChecked():
            exclusive = self.question.option(option_id).exclusive
            for other_id, box in self.boxes.items():
                other_exclusive = self.question.option(other_id).exclusive
                if other_id != option_id and (exclusive or other_exclusive):
                    box.setChecked(False)
        self.committed.emit()

    def value(self):
        chosen = [oid for oid, box in self.boxes.items() if box.isChecked()]
        return chosen or None

    def set_value(self, value) -> None:
        chosen = value if isinstance(value, list) else []
        for option_id, box in self.boxes.items():
            box.setChecked(option_id in chosen)


class NumberEditor(AnswerEditor):
    """Numbers and scales: a line accepting « 1 500 » or « 2,5 », refused inline if wrong."""

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(question.label)
        hint = self.tr("Un nombre")
        if question.min is not None and question.max is not None:
            hint = self.tr("Un nombre de %s à %s") % (f"{question.min:g}", f"{question.max:g}")
        self.edit.setPlaceholderText(hint)
        self.edit.setMaximumWidth(260)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.error)
        self.edit.textEdited.connect(lambda _text: self.typing.emit())
        self.edit.editingFinished.connect(lambda: self.committed.emit())

    def parsed(self):
        return parse_french_number(self.edit.text())

    def problem(self) -> str | None:
        try:
            value = self.parsed()
        except ValueError as error:
            return str(error)
        return validate_answer(self.question, Answer(value=value))

    def show_problem(self) -> str | None:
        problem = self.problem()
        self.error.setText(problem or "")
        self.error.setVisible(bool(problem))
        return problem

    def value(self):
        return None if self.problem() else self.parsed()

    def set_value(self, value) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = (
            ""
            if value is None
            else QLocale().toString(value)
            if isinstance(value, float)
            else str(value)
        )
        self.edit.setText(text)
        self.error.hide()


class ScaleEditor(AnswerEditor):
    """A short scale (e.g. 1 to 5): one radio button per step, in a row."""

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Faible")))
        for step in range(int(question.min), int(question.max) + 1):
            button = QRadioButton(str(step))
            button.setAccessibleName(f"{question.label} : {step}")
            self.group.addButton(button)
            self.buttons[step] = button
            row.addWidget(button)
        row.addWidget(QLabel(self.tr("Fort")))
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.group.buttonClicked.connect(lambda _button: self.committed.emit())

    def value(self):
        return next((step for step, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value) -> None:
        self.group.setExclusive(False)
        for step, button in self.buttons.items():
            button.setChecked(value is not None and step == value)
        self.group.setExclusive(True)


class ShortTextEditor(AnswerEditor):
    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(question.label)
        self.edit.setMaxLength(300)
        self.layout_.addWidget(self.edit)
        self.edit.textEdited.connect(lambda _text: self.typing.emit())
        self.edit.editingFinished.connect(lambda: self.committed.emit())

    def value(self):
        return self.edit.text().strip() or None

    def set_value(self, value) -> None:
        if self.edit.text().strip() != (value or ""):
            self.edit.setText(value or "")


class LongTextEditor(AnswerEditor):
    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(question, parent)
        self.edit = PlainTextEdit()
        self.edit.setAccessibleName(question.label)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.layout_.addWidget(self.edit)
        self.edit.textChanged.connect(lambda: self.typing.emit())
        self.edit.left.connect(lambda: self.committed.emit())

    def value(self):
        return self.edit.toPlainText().strip() or None

    def set_value(self, value) -> None:
        if self.edit.toPlainText().strip() != (value or ""):
            self.edit.blockSignals(True)
            self.edit.setPlainText(value or "")
            self.edit.blockSignals(False)


EDITORS = {
    "oui_non": ChoiceEditor,
    "choix_unique": ChoiceEditor,
    "choix_multiple": MultipleEditor,
    "echelle": NumberEditor,
    "nombre": NumberEditor,
    "texte_court": ShortTextEditor,
    "texte_long": LongTextEditor,
}


def make_editor(question: Question) -> AnswerEditor:
    short_scale = question.type == "echelle" and question.max - question.min <= 10
    return ScaleEditor(question) if short_scale else EDITORS[question.type](question)
