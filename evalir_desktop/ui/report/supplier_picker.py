"""The questions of the supplier questionnaire, by axis: a filter, « Tout cocher » per axis,
labels that wrap (never cut, never a sideways scroll bar)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.french import matches, spaced
from evalir_desktop.report.controller import AxisChoices
from evalir_desktop.ui.assessment.answer_editors import option_row


class AxisGroup(QWidget):
    """One axis: its title with the count ticked, « Tout cocher », and its questions."""

    changed = Signal()

    def __init__(self, group: AxisChoices, parent=None):
        super().__init__(parent)
        self.group = group
        self.boxes: dict[str, QCheckBox] = {}
        self.rows: dict[str, QWidget] = {}
        self.toggle = QToolButton()  # the arrow that shows or hides the axis's questions
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_open)
        self.title = QLabel()
        self.title.setWordWrap(True)  # a long axis title wraps, never widens the list
        self.title.setTextFormat(Qt.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.all_button = QPushButton()
        self.all_button.clicked.connect(self.tick_all)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.toggle, 0, Qt.AlignTop)
        head.addWidget(self.title, 1)
        head.addWidget(self.all_button, 0, Qt.AlignTop)
        self.questions = QWidget()
        inner = QVBoxLayout(self.questions)
        inner.setContentsMargins(18, 0, 0, 4)
        for choice in group.questions:
            box = QCheckBox()
            box.setChecked(choice.ticked)
            box.setAccessibleName(choice.label)
            box.toggled.connect(self.count_changed)
            self.boxes[choice.question_id] = box
            self.rows[choice.question_id] = option_row(box, choice.label)
            inner.addWidget(self.rows[choice.question_id])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.questions)
        self.toggle.setChecked(any(choice.ticked for choice in group.questions))
        self.set_open(self.toggle.isChecked())
        self.show_count()

    def ticked(self) -> int:
        return sum(box.isChecked() for box in self.boxes.values())

    def show_count(self) -> None:
        total = len(self.boxes)
        counted = self.tr("%n cochées sur %s", "", self.ticked()) % total
        text = spaced(f"{self.group.title} — {counted}")
        self.title.setText(text)
        self.toggle.setAccessibleName(text)
        every = self.ticked() == total
        self.all_button.setText(self.tr("Tout décocher") if every else self.tr("Tout cocher"))
        self.all_button.setAccessibleName(f"{self.all_button.text()} : {self.group.title}")

    def set_open(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.DownArrow if shown else Qt.RightArrow)
        self.toggle.setToolTip(
            self.tr("Masquer les questions") if shown else self.tr("Voir les questions")
        )
        self.questions.setVisible(shown)

    def mouseReleaseEvent(self, event) -> None:
        """A click on the axis title opens or closes it, as the arrow does."""
        if self.title.geometry().contains(event.position().toPoint()):
            self.toggle.toggle()
        super().mouseReleaseEvent(event)

    def count_changed(self) -> None:
        self.show_count()
        self.changed.emit()

    def tick_all(self) -> None:
        tick = self.ticked() < len(self.boxes)
        for question_id, box in self.boxes.items():
            if not self.rows[question_id].isHidden():  # the filter's, when there is one
                box.blockSignals(True)
                box.setChecked(tick)
                box.blockSignals(False)
        self.count_changed()

    def apply_filter(self, query: str) -> bool:
        """Show the questions matching `query`; True if any does."""
        found = False
        for choice in self.group.questions:
            shown = not query or matches(f"{self.group.title} {choice.label}", query)
            self.rows[choice.question_id].setVisible(shown)
            found |= shown
        if query:
            self.toggle.setChecked(found)
        self.setVisible(found)
        return found


class SupplierPicker(QWidget):
    """`changed` when a tick changes; `ticked_questions()` gives (ticked, unticked) ids."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[AxisGroup] = []
        hint = QLabel(self.tr("Cochez les questions à poser au fournisseur, puis « Aperçu »."))
        hint.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filtrer les questions (mot de la question)"))
        self.filter.setAccessibleName(self.tr("Filtrer les questions"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.nothing = QLabel(self.tr("Aucune question ne contient ces mots."))
        self.nothing.hide()
        self.body = QWidget()
        self.list = QVBoxLayout(self.body)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        self.scroll.setAccessibleName(self.tr("Questions à poser au fournisseur"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.filter)
        layout.addWidget(self.nothing)
        layout.addWidget(self.scroll, 1)

    def fill(self, groups: list[AxisChoices]) -> None:
        for group in self.groups:
            group.setParent(None)
            group.deleteLater()
        while self.list.count():
            self.list.takeAt(0)
        self.groups = [AxisGroup(group) for group in groups]
        for group in self.groups:
            group.changed.connect(self.changed)
            self.list.addWidget(group)
        self.list.addStretch(1)
        self.apply_filter(self.filter.text())

    def apply_filter(self, query: str) -> None:
        found = [group.apply_filter(query.strip()) for group in self.groups]
        self.nothing.setVisible(bool(self.groups) and not any(found))

    def count(self) -> int:
        return sum(len(group.boxes) for group in self.groups)

    def ticked_questions(self) -> tuple[list[str], list[str]]:
        ticked, unticked = [], []
        for group in self.groups:
            for question_id, box in group.boxes.items():
                (ticked if box.isChecked() else unticked).append(question_id)
        return ticked, unticked

    def set_ticked(self, question_id: str, ticked: bool) -> None:
        for group in self.groups:
            if question_id in group.boxes:
                group.boxes[question_id].setChecked(ticked)
