"""The action plan: a table seeded from the recommendations, edited in place, autosaved."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.session.plan import (
    add_recommended_actions,
    french_date,
    parse_french_date,
    pending_seeds,
)
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import ActionRecord, StoreError
from evalir_desktop.store.models import ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS
from evalir_desktop.ui.widgets.headings import heading

TITLE, AXIS, OWNER, DUE, PRIORITY, STATUS = range(6)
ERROR_STYLE = "color: #b00020;"


class ActionPlanPage(QWidget):
    """Rows sorted by priority then due date (the store's order); `saved` after each save."""

    saved = Signal()

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.content = session.content
        self.assessment_id = session.assessment_id
        self.actions: list[ActionRecord] = []
        title = heading(self.tr("Plan d'action"))
        intro = QLabel(
            self.tr(
                "Les actions proposées viennent des recommandations. Modifiez-les "
                "directement dans le tableau (double-clic ou F2) : tout est enregistré aussitôt. "
                "Les dates s'écrivent JJ/MM/AAAA."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Tableau du plan d'action"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Action"),
                self.tr("Axe"),
                self.tr("Responsable"),
                self.tr("Échéance"),
                self.tr("Priorité"),
                self.tr("Statut"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        for column in (AXIS, OWNER, DUE, PRIORITY, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)
        for corner in self.table.findChildren(QAbstractButton):
            corner.setAccessibleName(self.tr("Coin du tableau"))
        self.table.itemChanged.connect(self.item_changed)
        self.seed_button = QPushButton()
        self.seed_button.clicked.connect(self.add_seeds)
        self.add_button = QPushButton(self.tr("Ajouter une action"))
        self.add_button.clicked.connect(self.add_blank)
        self.remove_button = QPushButton(self.tr("Supprimer l'action sélectionnée"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.seed_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)

    def axis_titles(self) -> dict[str, str]:
        titles = {"": self.tr("(aucun)")}
        for axis in self.content.axes:
            titles[axis.id] = axis.short_title or axis.title
        return titles

    def editable(self) -> bool:
        return not (self.store.readonly or self.store.is_frozen(self.assessment_id))

    def refresh(self, keep: tuple[str, int] | None = None) -> None:
        if self.store.closed:
            return
        self.actions = self.store.actions(self.assessment_id)
        pending = len(pending_seeds(self.store, self.assessment_id, self.session.evaluation))
        self.seed_button.setText(self.tr("Ajouter les actions recommandées (%s)") % pending)
        editable = self.editable()
        self.seed_button.setEnabled(editable and pending > 0)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(self.actions))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.actions))
        for row, action in enumerate(self.actions):
            self.fill_row(row, action, editable)
        self.table.blockSignals(False)
        if keep:
            ids = [action.id for action in self.actions]
            if keep[0] in ids:
                self.table.setCurrentCell(ids.index(keep[0]), keep[1])

    def fill_row(self, row: int, action: ActionRecord, editable: bool) -> None:
        flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
        if editable:
            flags |= Qt.ItemIsEditable
        for column, text in (
            (TITLE, action.title),
            (OWNER, action.owner),
            (DUE, french_date(action.due_date)),
        ):
            item = QTableWidgetItem(text)
            item.setFlags(flags)
            self.table.setItem(row, column, item)
        for column, labels, value, field in (
            (AXIS, self.axis_titles(), action.axis_id, "axis_id"),
            (PRIORITY, ACTION_PRIORITY_LABELS, action.priority, "priority"),
            (STATUS, ACTION_STATUS_LABELS, action.status, "status"),
        ):
            combo = QComboBox()
            combo.setAccessibleName(self.table.horizontalHeaderItem(column).text())
            for key, text in labels.items():
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.setEnabled(editable)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, a=action.id, f=field, col=column: self.save_field(
                    a, f, c.currentData(), col
                )
            )
            self.table.setCellWidget(row, column, combo)

    def item_changed(self, item: QTableWidgetItem) -> None:
        action_id = self.actions[item.row()].id
        column = item.column()
        text = item.text().strip()
        if column == TITLE:
            if not text:
                self.show_error(self.tr("Une action doit avoir un intitulé."))
                self.refresh_later((action_id, column))
                return
            self.save_field(action_id, "title", text, column)
        elif column == OWNER:
            self.save_field(action_id, "owner", text, column)
        elif column == DUE:
            try:
                due = parse_french_date(text)
            except ValueError as error:
                self.show_error(str(error))
                self.refresh_later((action_id, column))
                return
            self.save_field(action_id, "due_date", due, column)

    def save_field(self, action_id: str, field: str, value, column: int) -> None:
        action = next(a for a in self.actions if a.id == action_id)
        try:
            self.store.save_action(action.model_copy(update={field: value}))
        except (StoreError, ValueError) as error:
            self.show_error(str(error))
        else:
            self.show_error("")
            self.saved.emit()
        self.refresh_later((action_id, column))

    def refresh_later(self, keep: tuple[str, int]) -> None:
        """Rebuild the table after the signal that changed it has returned."""
        QTimer.singleShot(0, lambda: self.refresh(keep))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def add_seeds(self) -> None:
        add_recommended_actions(self.store, self.assessment_id, self.session.evaluation)
        self.saved.emit()
        self.refresh()

    def add_blank(self) -> None:
        action = self.store.add_action(self.assessment_id, self.tr("Nouvelle action"))
        self.saved.emit()
        self.refresh((action.id, TITLE))
        self.table.setFocus()
        self.table.editItem(self.table.currentItem())

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.actions):
            self.show_error(self.tr("Sélectionnez d'abord une action dans le tableau."))
            return
        action = self.actions[row]
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer l'action"),
            self.tr("Supprimer l'action « %s » du plan ?") % action.title,
        )
        if answer != QMessageBox.Yes:
            return
        self.store.delete_action(action)
        self.saved.emit()
        self.refresh()
