"""The editor of the selected action, under the plan's table: every field, saved on leaving."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from evalir_desktop.content import Content
from evalir_desktop.domain.records import ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, ActionRecord
from evalir_desktop.french import spaced
from evalir_desktop.session.plan import ActionOrigin, french_date, parse_french_date
from evalir_desktop.ui.assessment.answer_editors import PlainTextEdit
from evalir_desktop.ui.assessment.question_card import readable_palette


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class ActionEditor(QGroupBox):
    """Shows one action; emits `edited(action_id, field, value)` for each change the agent
    makes, and `refused(message)` for a value it cannot take (a wrong date)."""

    edited = Signal(str, str, object)
    refused = Signal(str)

    def __init__(self, content: Content, parent=None):
        super().__init__(self.tr("Action sélectionnée"), parent)
        self.action: ActionRecord | None = None
        self.title_edit = PlainTextEdit()
        self.title_edit.setAccessibleName(self.tr("Intitulé de l'action"))
        self.title_edit.setTabChangesFocus(True)
        self.title_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.title_edit.left.connect(self.title_left)
        self.axis = self.combo(
            self.tr("Axe"),
            {"": self.tr("Aucun axe"), **{a.id: a.short_title or a.title for a in content.axes}},
            "axis_id",
        )
        self.priority = self.combo(self.tr("Priorité"), ACTION_PRIORITY_LABELS, "priority")
        self.status = self.combo(self.tr("État"), ACTION_STATUS_LABELS, "status")
        self.owner = QLineEdit()
        self.owner.setAccessibleName(self.tr("Responsable"))
        self.owner.editingFinished.connect(self.owner_finished)
        self.due = QLineEdit()
        self.due.setAccessibleName(self.tr("Échéance"))
        self.due.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        self.due.editingFinished.connect(self.due_finished)
        self.note = PlainTextEdit()
        self.note.setAccessibleName(self.tr("Note de suivi"))
        self.note.setPlaceholderText(self.tr("Ce qui a été fait, ce qui est attendu, et quand"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.note.left.connect(self.note_left)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.PlainText)  # content text, shown as it is
        self.origin.setTextInteractionFlags(Qt.TextSelectableByMouse)
        grid = QGridLayout(self)
        grid.addWidget(buddy(self.tr("&Action"), self.title_edit), 0, 0)
        grid.addWidget(self.title_edit, 0, 1, 1, 5)
        grid.addWidget(buddy(self.tr("Respo&nsable"), self.owner), 1, 0)
        grid.addWidget(self.owner, 1, 1, 1, 3)
        grid.addWidget(buddy(self.tr("É&chéance"), self.due), 1, 4)
        grid.addWidget(self.due, 1, 5)
        grid.addWidget(buddy(self.tr("É&tat"), self.status), 2, 0)
        grid.addWidget(self.status, 2, 1)
        grid.addWidget(buddy(self.tr("&Priorité"), self.priority), 2, 2)
        grid.addWidget(self.priority, 2, 3)
        grid.addWidget(buddy(self.tr("A&xe"), self.axis), 2, 4)
        grid.addWidget(self.axis, 2, 5)
        grid.addWidget(buddy(self.tr("N&ote de suivi"), self.note), 3, 0)
        grid.addWidget(self.note, 3, 1, 1, 5)
        grid.addWidget(self.origin, 4, 0, 1, 6)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        for first, second in (
            (self.title_edit, self.owner),
            (self.owner, self.due),
            (self.due, self.status),
            (self.status, self.priority),
            (self.priority, self.axis),
            (self.axis, self.note),
        ):
            self.setTabOrder(first, second)
        self.readable = readable_palette(self.palette())
        self.show_action(None, frozenset(), None)

    def combo(self, accessible: str, labels: dict, field: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        for key, text in labels.items():
            combo.addItem(text, key)
        combo.activated.connect(lambda _i, c=combo, f=field: self.emit(f, c.currentData()))
        return combo

    # -- showing -------------------------------------------------------------------

    def show_action(
        self, action: ActionRecord | None, editable: frozenset[str], origin: ActionOrigin | None
    ) -> None:
        """Show `action` (None: nothing selected); only the fields in `editable` can change."""
        self.action = action
        self.setEnabled(action is not None)
        shown = action or ActionRecord(id="", assessment_id="", title="-")
        if self.title_edit.toPlainText() != shown.title or action is None:
            self.title_edit.setPlainText(shown.title if action else "")
        self.owner.setText(shown.owner)
        if self.note.toPlainText() != shown.note:
            self.note.setPlainText(shown.note)
        self.due.setText(french_date(shown.due_date))
        for combo, value in (
            (self.axis, shown.axis_id),
            (self.priority, shown.priority),
            (self.status, shown.status),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.title_edit.setReadOnly("title" not in editable)
        self.owner.setReadOnly("owner" not in editable)
        self.note.setReadOnly("note" not in editable)
        self.due.setReadOnly("due_date" not in editable)
        for combo, field in (
            (self.axis, "axis_id"),
            (self.priority, "priority"),
            (self.status, "status"),
        ):
            combo.setEnabled(field in editable)
            # frozen values stay in normal text, not in the grey of disabled widgets
            combo.setPalette(QPalette() if field in editable else self.readable)
        self.origin.setText(spaced(self.origin_text(origin)) if action else "")
        self.origin.setVisible(bool(self.origin.text()))

    def origin_text(self, origin: ActionOrigin | None) -> str:
        if origin is None:
            return self.tr(
                "Action ajoutée par la commune (elle ne vient pas d'une recommandation)."
            )
        text = self.tr("Vient de la recommandation : %s\nPourquoi : %s") % (
            origin.recommendation,
            origin.why,
        )
        if origin.references:
            text += "\n" + self.tr("Base légale : %s") % " ; ".join(origin.references)
        return text

    # -- changes -------------------------------------------------------------------

    def emit(self, field: str, value) -> None:
        if self.action is not None and getattr(self.action, field) != value:
            self.edited.emit(self.action.id, field, value)

    def title_left(self) -> None:
        text = self.title_edit.toPlainText().strip()
        if self.action is None or self.title_edit.isReadOnly():
            return
        if not text:
            self.refused.emit(self.tr("Une action doit avoir un intitulé."))
            self.title_edit.setPlainText(self.action.title)
            return
        self.emit("title", text)

    def note_left(self) -> None:
        if self.action is not None and not self.note.isReadOnly():
            self.emit("note", self.note.toPlainText().strip())

    def owner_finished(self) -> None:
        if self.action is not None and not self.owner.isReadOnly():
            self.emit("owner", self.owner.text().strip())

    def due_finished(self) -> None:
        if self.action is None or self.due.isReadOnly():
            return
        try:
            due = parse_french_date(self.due.text())
        except ValueError as error:
            self.refused.emit(str(error))
            self.due.setText(french_date(self.action.due_date))
            return
        self.emit("due_date", due)
