"""One question on screen: label, answer widget, « Je ne sais pas », comment and help."""

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.content import ROLE_LABELS, Question
from evalir_desktop.domain.answers import Answer
from evalir_desktop.french import spaced
from evalir_desktop.ui.assessment.answer_editors import NumberEditor, PlainTextEdit, make_editor

TYPING_DELAY_MS = 600
HIGHLIGHT_BACKGROUND = QColor("#fff8e6")
HIGHLIGHT_BORDER = QColor("#c77c00")


def readable_palette(palette: QPalette) -> QPalette:
    """`palette` whose disabled text has the colours of active text."""
    readable = QPalette(palette)
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        readable.setColor(QPalette.Disabled, role, palette.color(QPalette.Active, role))
    return readable


class QuestionCard(QFrame):
    """Emits `changed(question_id, Answer)` when the agent changes the answer or comment."""

    changed = Signal(str, object)

    def __init__(self, question: Question, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        self.setObjectName("questionCard")
        self.setFrameShape(QFrame.StyledPanel)
        self.last_emitted: Answer | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_DELAY_MS)
        self.timer.timeout.connect(self.flush)

        self.label = QLabel(spaced(question.label))
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.PlainText)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.editor = make_editor(question)
        self.editor.committed.connect(self.flush)
        self.editor.typing.connect(self.timer.start)
        self.label.setBuddy(self.editor)
        self.origin = QLabel()
        self.origin.setObjectName("answerOrigin")
        self.origin.setTextFormat(Qt.PlainText)
        self.origin.setWordWrap(True)
        self.origin.setStyleSheet("color: #1f4e79; font-style: italic;")
        self.origin.hide()
        self.origin_label = ""

        self.unknown = QCheckBox(self.tr("Je ne sais pas"))
        self.unknown.setAccessibleName(self.tr("Je ne sais pas : %s") % question.label)
        self.unknown.setToolTip(self.tr("La question sera listée parmi les points à documenter."))
        self.unknown.setVisible(question.unknown_allowed)
        self.unknown.clicked.connect(lambda *_: self.on_unknown())
        self.clear_button = QPushButton(self.tr("Effacer la réponse"))
        self.clear_button.setAccessibleName(self.tr("Effacer la réponse : %s") % question.label)
        self.clear_button.clicked.connect(lambda *_: self.clear())
        self.help_button = QToolButton()
        self.help_button.setText(self.tr("Pourquoi cette question ?"))
        self.help_button.setCheckable(True)
        self.help_button.setAccessibleName(self.tr("Pourquoi cette question ? %s") % question.label)
        self.help_button.clicked.connect(lambda *_: self.show_help())
        self.attachments_button = QToolButton()
        self.attachments_button.setCheckable(True)
        self.attachments_button.setAccessibleName(self.tr("Pièces jointes : %s") % question.label)
        self.attachments_button.clicked.connect(lambda *_: self.toggle_attachments())
        self.attachments_button.hide()
        self.attachments_factory = None  # makes the panel, the first time it is shown
        self.attachments_panel = None
        row = QHBoxLayout()
        row.addWidget(self.unknown)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(self.attachments_button)
        row.addWidget(self.help_button)

        self.help = QLabel(self.help_html())
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.RichText)
        self.help.setObjectName("helpPanel")
        palette = self.help.palette()
        palette.setColor(QPalette.Window, QColor("#eef4fb"))
        self.help.setPalette(palette)
        self.help.setAutoFillBackground(True)
        self.help.setContentsMargins(8, 8, 8, 8)
        self.help.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.help.hide()

        self.comment = PlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Commentaire (facultatif)"))
        self.comment.setAccessibleName(self.tr("Commentaire : %s") % question.label)
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.comment.textChanged.connect(self.timer.start)
        self.comment.left.connect(self.flush)

        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.origin)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        layout.addWidget(self.help)
        layout.addWidget(self.comment)
        self.setTabOrder(self.unknown, self.clear_button)

    def help_html(self) -> str:
        q = self.question
        parts = [f"<p>{html.escape(q.help)}</p>"]
        if q.references:
            refs = "".join(f"<li>{html.escape(ref)}</li>" for ref in q.references)
            parts.append(f"<p><b>{self.tr('Références')}</b></p><ul>{refs}</ul>")
        who = html.escape(ROLE_LABELS.get(q.role, q.role))
        parts.append(f"<p><b>{self.tr('Qui peut répondre')} :</b> {who}</p>")
        if q.to_check:
            parts.append(f"<p><i>{self.tr('À vérifier')} : {html.escape(q.to_check)}</i></p>")
        return spaced("".join(parts))  # content text: French spacing on screen

    def show_help(self) -> None:
        self.help.setVisible(self.help_button.isChecked())

    # -- attachments -----------------------------------------------------------------

    def enable_attachments(self, factory, count: int) -> None:
        """Offer the attachments of this question; `factory(card)` makes their panel."""
        self.attachments_factory = factory
        self.set_attachment_count(count)
        self.attachments_button.show()

    def set_attachment_count(self, count: int) -> None:
        self.attachments_button.setText(
            self.tr("Pièces jointes (%d)") % count if count else self.tr("Joindre un document")
        )

    def toggle_attachments(self) -> None:
        if self.attachments_panel is None:
            panel = self.attachments_factory(self)
            panel.changed.connect(lambda: self.set_attachment_count(len(panel.records())))
            self.layout().addWidget(panel)
            previous = self.comment  # the panel follows the comment in the tab order
            for widget in panel.tab_chain():
                QWidget.setTabOrder(previous, widget)
                previous = widget
            self.attachments_panel = panel
        self.attachments_panel.setVisible(self.attachments_button.isChecked())

    # -- answer in and out -----------------------------------------------------------

    def answer(self) -> Answer:
        comment = self.comment.toPlainText().strip()
        if self.unknown.isChecked():
            return Answer(unknown=True, comment=comment)
        return Answer(value=self.editor.value(), comment=comment)

    def set_answer(self, answer: Answer | None) -> None:
        """Show a stored answer without emitting `changed`."""
        self.timer.stop()
        answer = answer or Answer()
        self.blockSignals(True)
        self.editor.blockSignals(True)
        if not answer.unknown:
            self.editor.set_value(answer.value)
        self.editor.blockSignals(False)
        self.unknown.setChecked(answer.unknown)
        self.editor.setEnabled(not answer.unknown and self.isEnabled())
        if self.comment.toPlainText().strip() != answer.comment:
            self.comment.blockSignals(True)
            self.comment.setPlainText(answer.comment)
            self.comment.blockSignals(False)
        self.blockSignals(False)
        self.last_emitted = answer

    def set_origin(self, label: str | None) -> None:
        """Say where the answer comes from (« Repris du dossier de… »), or nothing."""
        self.origin_label = label or ""
        self.show_origin()

    def show_origin(self) -> None:
        label = self.origin_label
        if label and self.comment.isReadOnly():
            label += "."
        elif label:
            label = self.tr("%s\u202f: réponse à vérifier, modifiable comme les autres.") % label
        self.origin.setText(label)
        self.origin.setVisible(bool(label))
        self.origin.setAccessibleName(label)

    def set_highlighted(self, highlighted: bool) -> None:
        """Mark the question opened from the results (a frame and a light background)."""
        self.setProperty("highlighted", highlighted)
        self.update()

    def paintEvent(self, event) -> None:
        """The highlight is painted, not styled: a style sheet would restyle the answers
        inside, and a validated answer would turn to the grey of disabled widgets."""
        if not self.property("highlighted"):
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), HIGHLIGHT_BACKGROUND)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(QPen(HIGHLIGHT_BORDER, 3))
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def set_readonly(self, readonly: bool) -> None:
        """Freeze the answer; it stays in normal text, not in the grey of disabled widgets."""
        for widget in (self.editor, self.unknown):
            widget.setEnabled(not readonly)
        self.clear_button.setVisible(not readonly)
        self.comment.setReadOnly(readonly)
        self.show_origin()
        self.setPalette(readable_palette(self.palette()) if readonly else QPalette())
        self.setProperty("readonly", readonly)
        if not readonly:
            self.editor.setEnabled(not self.unknown.isChecked())

    def on_unknown(self) -> None:
        self.editor.setEnabled(not self.unknown.isChecked())
        self.flush()

    def clear(self) -> None:
        self.editor.blockSignals(True)
        self.editor.set_value(None)
        self.editor.blockSignals(False)
        self.unknown.setChecked(False)
        self.editor.setEnabled(True)
        self.flush()

    def flush(self) -> None:
        """Emit the current answer if it differs from the last one emitted or shown."""
        self.timer.stop()
        if isinstance(self.editor, NumberEditor) and self.editor.show_problem():
            return
        answer = self.answer()
        if answer != (self.last_emitted or Answer()):
            self.last_emitted = answer
            self.changed.emit(self.question.id, answer)
