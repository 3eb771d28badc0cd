"""The action plan: a table that reads well, the selected action's editor below, autosaved.

The table shows the action text in a wide wrapping column and the follow-up in short
columns; every field is edited once, in the editor under it, rather than in drop-downs on
every row. Rows keep their order while the agent edits (sorting only on request), and
the selection stays on the action edited.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.domain.records import ACTION_PRIORITY_LABELS, ACTION_STATUS_LABELS, ActionRecord
from evalir_desktop.french import spaced
from evalir_desktop.session.plan import (
    EDIT,
    FOLLOW_UP,
    action_origins,
    add_recommended_actions,
    editable_fields,
    french_date,
    keep_order,
    pending_seeds,
    plan_mode,
)
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import StoreError
from evalir_desktop.ui.assessment.action_editor import ActionEditor
from evalir_desktop.ui.assessment.plan_export import PlanExportButton
from evalir_desktop.ui.widgets.headings import heading
from evalir_desktop.ui.widgets.plain import plain_tooltip

TITLE, PRIORITY, OWNER, DUE, STATUS = range(5)
ERROR_STYLE = "color: #b00020;"


class ActionPlanPage(QWidget):
    """The plan of one assessment; `saved` after each change stored."""

    saved = Signal()

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.assessment_id = session.assessment_id
        self.origins = action_origins(session.content)
        self.actions: list[ActionRecord] = []
        self.mode = EDIT
        title = heading(self.tr("Plan d'action"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Tableau du plan d'action"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Action"),
                self.tr("Priorité"),
                self.tr("Responsable"),
                self.tr("Échéance"),
                self.tr("État"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        header.setMinimumSectionSize(60)
        width = self.fontMetrics().horizontalAdvance
        for column, sample in (
            (PRIORITY, "Moyenne"),
            (OWNER, "Agent d'accueil, DGS"),
            (DUE, "31/12/2027"),
            (STATUS, "Abandonné"),
        ):
            self.table.setColumnWidth(column, width(sample) + 24)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)
        for corner in self.table.findChildren(QAbstractButton):
            corner.setAccessibleName(self.tr("Coin du tableau"))
        self.table.itemSelectionChanged.connect(self.selection_changed)

        self.editor = ActionEditor(session.content)
        self.editor.edited.connect(self.save_field)
        self.editor.refused.connect(self.show_error)
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QScrollArea.NoFrame)
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        editor_scroll.setWidget(self.editor)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(editor_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        self.editor_scroll = editor_scroll

        self.seed_button = QPushButton()
        self.seed_button.clicked.connect(self.add_seeds)
        self.add_button = QPushButton(self.tr("Ajouter une action"))
        self.add_button.clicked.connect(self.add_blank)
        self.remove_button = QPushButton(self.tr("Supprimer l'action sélectionnée"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.sort_button = QPushButton(self.tr("Trier par priorité et échéance"))
        self.sort_button.setToolTip(
            self.tr("Les lignes ne bougent pas pendant que vous les modifiez : triez-les ici.")
        )
        self.sort_button.clicked.connect(self.sort)
        self.export_button = PlanExportButton(session)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        top = QHBoxLayout()  # what applies to the whole table, beside the title
        top.addWidget(title, 1)
        top.addWidget(self.sort_button)
        top.addWidget(self.export_button)
        buttons = QHBoxLayout()  # what changes the plan
        for button in (self.add_button, self.seed_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

    # -- showing -------------------------------------------------------------------

    def intro_text(self) -> str:
        if self.mode == EDIT:
            return self.tr(
                "Les actions proposées viennent des recommandations. Choisissez une action "
                "dans le tableau et modifiez-la dans le cadre du dessous : tout est enregistré "
                "aussitôt. Les dates s'écrivent JJ/MM/AAAA."
            )
        if self.mode == FOLLOW_UP:
            return self.tr(
                "L'évaluation est validée : les actions ne changent plus, mais leur suivi "
                "reste à jour. Choisissez une action et notez son état, son responsable, son "
                "échéance ou une note de suivi dans le cadre du dessous : chaque changement "
                "est enregistré et noté dans le journal de l'évaluation."
            )
        return self.tr("Ce fichier est ouvert en lecture seule : le plan se consulte ici.")

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.actions[row].id if selected and 0 <= row < len(self.actions) else None

    def refresh(self, select: str | None = None, sort: bool = False) -> None:
        """Read the plan again; rows keep their order unless `sort`, the selection stays
        (or moves to `select`)."""
        if self.store.closed:
            return
        keep = select or self.selected_id()
        stored = self.store.plan.actions(self.assessment_id)
        shown = [] if sort else [action.id for action in self.actions]
        self.actions = keep_order(shown, stored)
        self.mode = plan_mode(self.store, self.assessment_id)
        self.intro.setText(self.intro_text())
        pending = len(pending_seeds(self.store, self.assessment_id, self.session.evaluation))
        self.seed_button.setText(self.tr("Ajouter les actions recommandées (%n)", "", pending))
        editing = self.mode == EDIT
        for button in (self.seed_button, self.add_button, self.remove_button):
            button.setVisible(editing)
        self.seed_button.setEnabled(editing and pending > 0)
        self.add_button.setEnabled(editing)
        self.sort_button.setEnabled(len(self.actions) > 1)
        self.export_button.setEnabled(bool(self.actions))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.actions))
        for row, action in enumerate(self.actions):
            self.fill_row(row, action)
        self.table.blockSignals(False)
        ids = [action.id for action in self.actions]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif self.actions:
            self.table.selectRow(0)
        self.selection_changed()

    def fill_row(self, row: int, action: ActionRecord) -> None:
        for column, text in (
            (TITLE, action.title),
            (PRIORITY, ACTION_PRIORITY_LABELS.get(action.priority, "")),
            (OWNER, action.owner),
            (DUE, french_date(action.due_date)),
            (STATUS, ACTION_STATUS_LABELS.get(action.status, action.status)),
        ):
            item = QTableWidgetItem(spaced(text))
            if column == TITLE and action.note:
                item.setToolTip(plain_tooltip(self.tr("Note de suivi : %s") % action.note))
            item.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
            item.setTextAlignment(Qt.AlignLeft | Qt.AlignTop)
            self.table.setItem(row, column, item)

    def selection_changed(self) -> None:
        action_id = self.selected_id()
        action = next((a for a in self.actions if a.id == action_id), None)
        origin = self.editor_origin(action) if action else None
        self.editor.show_action(action, editable_fields(self.mode), origin)
        self.remove_button.setEnabled(action is not None and self.mode == EDIT)
        self.fit_editor()

    def fit_editor(self) -> None:
        """Give the editor the height its text needs, up to half the page; the table
        takes the rest (the editor scrolls beyond)."""
        width = self.editor_scroll.viewport().width()
        needed = self.editor.heightForWidth(width) if self.editor.hasHeightForWidth() else -1
        needed = needed if needed > 0 else self.editor.sizeHint().height()
        self.editor_scroll.setMinimumHeight(min(needed + 2, max(self.height() // 2, 120)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_editor()

    # -- changes -------------------------------------------------------------------

    def save_field(self, action_id: str, field: str, value) -> None:
        """Store one change of the editor; its row is updated where it stands."""
        index = next(i for i, a in enumerate(self.actions) if a.id == action_id)
        try:
            saved = self.store.plan.save_action(
                self.actions[index].model_copy(update={field: value})
            )
        except (StoreError, ValueError) as error:
            self.show_error(str(error))
            self.refresh()
            return
        self.show_error("")
        self.actions[index] = saved
        self.fill_row(index, saved)
        if self.selected_id() == action_id:
            self.editor.show_action(saved, editable_fields(self.mode), self.editor_origin(saved))
        self.saved.emit()

    def editor_origin(self, action: ActionRecord):
        return self.origins.get(action.recommendation_id or "")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def sort(self) -> None:
        self.refresh(sort=True)

    def add_seeds(self) -> None:
        add_recommended_actions(self.store, self.assessment_id, self.session.evaluation)
        self.saved.emit()
        self.refresh()

    def add_blank(self) -> None:
        action = self.store.plan.add_action(self.assessment_id, self.tr("Nouvelle action"))
        self.saved.emit()
        self.refresh(select=action.id)
        self.table.scrollToItem(self.table.item(len(self.actions) - 1, TITLE))
        self.editor.title_edit.setFocus(Qt.OtherFocusReason)
        self.editor.title_edit.selectAll()

    def remove_selected(self) -> None:
        action_id = self.selected_id()
        if action_id is None:
            self.show_error(self.tr("Sélectionnez d'abord une action dans le tableau."))
            return
        action = next(a for a in self.actions if a.id == action_id)
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer l'action"),
            self.tr("Supprimer l'action « %s » du plan ?") % action.title,
        )
        if answer != QMessageBox.Yes:
            return
        row = self.actions.index(action)
        self.store.plan.delete_action(action)
        self.saved.emit()
        self.actions.remove(action)
        neighbour = self.actions[min(row, len(self.actions) - 1)].id if self.actions else None
        self.refresh(select=neighbour)
