"""One axis of the assessment as a scrolling page of question cards."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from evalir_desktop.content import Axis
from evalir_desktop.domain.answers import Answer
from evalir_desktop.french import spaced
from evalir_desktop.ui.assessment.question_card import QuestionCard
from evalir_desktop.ui.widgets.headings import SUBTITLE, heading
from evalir_desktop.ui.widgets.scroll_page import ScrollPage


class StepPage(ScrollPage):
    """The questions of `axis`; hidden ones (`show_if`) are not shown."""

    changed = Signal(str, object)

    def __init__(self, axis: Axis, parent: QWidget | None = None):
        super().__init__(parent)
        self.axis = axis
        body = QWidget()
        layout = QVBoxLayout(body)
        # the page is titled as the side panel names it; the long title follows
        title = heading(axis.short_title or axis.title)
        title.setObjectName("stepTitle")
        layout.addWidget(title)
        if axis.short_title and axis.short_title != axis.title:
            subtitle = heading(axis.title, SUBTITLE)
            subtitle.setObjectName("stepSubtitle")
            layout.addWidget(subtitle)
        description = QLabel(spaced(axis.description))
        description.setWordWrap(True)
        description.setTextFormat(Qt.PlainText)
        layout.addWidget(description)
        self.cards: dict[str, QuestionCard] = {}
        for question in axis.questions:
            card = QuestionCard(question)
            card.changed.connect(self.changed)
            self.cards[question.id] = card
            layout.addWidget(card)
        layout.addStretch(1)
        self.setWidget(body)

    def show_answers(self, answers: dict[str, Answer], visible: set[str]) -> None:
        for question_id, card in self.cards.items():
            card.set_answer(answers.get(question_id))
            card.setVisible(question_id in visible)

    def show_origins(self, origins: dict[str, str]) -> None:
        """Mark the answers taken from a product dossier (question id -> label)."""
        for question_id, card in self.cards.items():
            card.set_origin(origins.get(question_id))

    def enable_attachments(self, factory, counts: dict[str, int]) -> None:
        """Offer attachments on every question card (`factory(card)` makes a panel)."""
        for question_id, card in self.cards.items():
            card.enable_attachments(factory, counts.get(question_id, 0))

    def set_header(self, widget: QWidget) -> None:
        """Put `widget` (the reviewers' opinions) under the step's description."""
        self.widget().layout().insertWidget(2, widget)

    def set_visible_questions(self, visible: set[str]) -> None:
        for question_id, card in self.cards.items():
            card.setVisible(question_id in visible)

    def set_readonly(self, readonly: bool) -> None:
        for card in self.cards.values():
            card.set_readonly(readonly)

    def focus_question(self, question_id: str) -> None:
        card = self.cards.get(question_id)
        if card is None:
            return
        self.ensureWidgetVisible(card)
        targets = [w for w in card.editor.findChildren(QWidget) if w.focusPolicy() != Qt.NoFocus]
        (targets[0] if targets else card.help_button).setFocus(Qt.OtherFocusReason)
