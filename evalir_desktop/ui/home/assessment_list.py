"""The list of assessments of the open file, with its actions (new, open, copy, delete…).

The rows appear from the file alone, one query per page of rows (the first page at
once, the next ones at the following turns of the event loop); their progress and
obligations are filled in once the content is there (`set_content`), a batch of rows
per turn, each batch read in one query (`session.summaries`).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.domain.records import STATUS_LABELS
from evalir_desktop.french import short_local
from evalir_desktop.session.titles import version_label, with_versions
from evalir_desktop.store import Store, StoreError

if TYPE_CHECKING:
    from evalir_desktop.content import Content
    from evalir_desktop.ui.dialogs.new_assessment import NewAssessmentDialog
from evalir_desktop.ui.widgets.plain import plain_tooltip
from evalir_desktop.ui.widgets.progress_delegate import ProgressDelegate

TITLE, STATUS, PROGRESS, CHANGED, OBLIGATIONS = range(5)
WRAP = int(Qt.TextWordWrap)
PAGE = 100  # rows read per query and added per turn of the event loop
BATCH = 8  # summaries computed per turn of the event loop, so the window stays responsive


def local_time(iso: str, with_time: bool = False) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return short_local(moment, with_time)


class AssessmentList(QWidget):
    """Emits `open_requested(assessment_id)`; changes go straight to the store."""

    open_requested = Signal(str)
    refreshed = Signal(int)  # the number of assessments listed (0: the file has none)
    rows_read = Signal()  # a page or a batch was read: `store.problems` may have grown

    def __init__(self, store: Store, content: Content | None, parent=None):
        super().__init__(parent)
        self.store = store
        self.content = content
        self.pending: list[tuple[QTreeWidgetItem, object]] = []
        self.loaded = 0  # rows read so far; the next page starts there
        self.complete = False  # every page read
        self.generation = 0  # bumped by each refresh: pages of an older one are dropped
        self.select: str | None = None
        self.followed: set[str] = set()  # assessments a later version was made from
        self.tree = QTreeWidget()
        self.tree.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.tree))
        self.tree.setAccessibleName(self.tr("Liste des évaluations"))
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("Projet évalué"),
                self.tr("Statut"),
                self.tr("Avancement"),
                self.tr("Modifiée le"),
                self.tr("Obligations"),
            ]
        )
        self.tree.headerItem().setToolTip(
            OBLIGATIONS,
            self.tr(
                "Nombre d'obligations et d'interdictions que la loi impose à ce projet "
                "(les points à vérifier, de vigilance et les recommandations ne sont pas comptés)"
            ),
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)  # long titles wrap
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        for column in (STATUS, CHANGED, OBLIGATIONS):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(PROGRESS, QHeaderView.Fixed)
        header.resizeSection(
            PROGRESS, self.fontMetrics().horizontalAdvance(self.tr("Avancement")) + 24
        )
        header.setStretchLastSection(False)
        self.tree.setTextElideMode(Qt.ElideNone)
        header.sectionResized.connect(
            lambda column, *_: self.relayout_rows.start() if column == TITLE else None
        )
        self.relayout_rows = QTimer(self)  # rows take the height of their wrapped title
        self.relayout_rows.setSingleShot(True)
        self.relayout_rows.setInterval(0)
        self.relayout_rows.timeout.connect(self.fit_rows)
        self.tree.itemActivated.connect(lambda item, _c: self.open_item(item))
        self.tree.currentItemChanged.connect(lambda *_: self.update_buttons())

        self.new_button = QPushButton(self.tr("&Nouvelle évaluation…"))
        self.new_button.clicked.connect(self.ask_new)
        self.open_button = QPushButton(self.tr("&Ouvrir"))
        self.open_button.clicked.connect(lambda: self.open_item(self.tree.currentItem()))
        self.copy_button = QPushButton(self.tr("D&upliquer"))
        self.copy_button.clicked.connect(self.duplicate)
        self.rename_button = QPushButton(self.tr("Re&nommer…"))
        self.rename_button.clicked.connect(self.rename)
        self.delete_button = QPushButton(self.tr("Su&pprimer…"))
        self.delete_button.clicked.connect(self.delete)
        self.trash_button = QPushButton(self.tr("&Corbeille…"))
        self.trash_button.clicked.connect(self.show_trash)
        grid = QGridLayout()
        for index, button in enumerate(
            (
                self.new_button,
                self.open_button,
                self.copy_button,
                self.rename_button,
                self.delete_button,
                self.trash_button,
            )
        ):
            grid.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(grid)
        self.refresh()

    # -- filling -----------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        self.generation += 1
        self.tree.clear()
        self.pending = []
        self.loaded = 0
        self.complete = False
        self.select = select
        self.followed = self.store.listing.previous_version_ids()
        records = self.add_page()
        if records and self.tree.currentItem() is None:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.update_buttons()
        self.refreshed.emit(len(records))
        QTimer.singleShot(0, self.fill_summaries)

    def add_page(self) -> list:
        """Read one page of rows in one query and add them; schedule the next page."""
        records = self.store.listing.page(self.loaded, PAGE)
        self.loaded += len(records)
        items = [self.row(record) for record in records]
        self.tree.addTopLevelItems(items)
        for item, record in zip(items, records, strict=True):
            self.pending.append((item, record))
            if record.id == self.select:
                self.tree.setCurrentItem(item)
        self.fit_rows(items)
        self.complete = len(records) < PAGE
        if not self.complete:
            generation = self.generation
            QTimer.singleShot(0, lambda: self.next_page(generation))
        self.rows_read.emit()
        return records

    def next_page(self, generation: int) -> None:
        if generation == self.generation and not self.store.closed:
            self.add_page()

    def row(self, record) -> QTreeWidgetItem:
        label = version_label(record, versioned=record.id in self.followed)
        title = f"{record.title}\n{label}" if label else record.title  # version on its line
        item = QTreeWidgetItem(
            [
                title,
                STATUS_LABELS.get(record.status, record.status),
                "",
                local_time(record.updated_at),
                "…",
            ]
        )
        item.setData(TITLE, Qt.UserRole, record.id)
        item.setToolTip(TITLE, plain_tooltip(record.description or title))
        item.setToolTip(CHANGED, local_time(record.updated_at, with_time=True))
        return item

    def set_content(self, content: Content | None) -> None:
        """The questionnaire has been read: fill in the summaries, allow new assessments."""
        self.content = content
        self.update_buttons()
        QTimer.singleShot(0, self.fill_summaries)

    def fit_rows(self, items: list[QTreeWidgetItem] | None = None) -> None:
        """Give each row (or `items`) the height of its title wrapped to the column (Qt
        guesses it wider)."""
        width = self.tree.columnWidth(TITLE) - 12
        metrics = self.tree.fontMetrics()
        changed = False
        if items is None:
            items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        for item in items:
            box = metrics.boundingRect(QRect(0, 0, width, 10_000), WRAP, item.text(TITLE))
            hint = QSize(box.width(), box.height() + 6)
            if item.sizeHint(TITLE) != hint:
                item.setSizeHint(TITLE, hint)
                changed = True
        if changed:
            self.tree.doItemsLayout()

    def fill_summaries(self) -> None:
        """Compute a batch of summaries, then yield to the event loop until all are done."""
        if self.content is None or self.store.closed:
            return
        from evalir_desktop.session.summaries import summaries

        batch, self.pending = self.pending[:BATCH], self.pending[BATCH:]
        found = summaries(self.store, self.content, [record for _item, record in batch])
        for item, record in batch:
            summary = found[record.id]
            item.setText(PROGRESS, f"{summary.completion} %")
            item.setData(PROGRESS, Qt.UserRole, summary.completion)
            item.setText(OBLIGATIONS, str(summary.obligations))
            if summary.frozen:
                item.setText(STATUS, item.text(STATUS) + self.tr(" · validée"))
        if batch:
            self.rows_read.emit()
        if self.pending:
            QTimer.singleShot(0, self.fill_summaries)

    def summaries_done(self) -> bool:
        return self.complete and not self.pending

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(TITLE, Qt.UserRole) if item else None

    def update_buttons(self) -> None:
        chosen = self.current_id() is not None
        writable = not self.store.readonly
        self.new_button.setEnabled(writable and self.content is not None)
        self.open_button.setEnabled(chosen and self.content is not None)
        for button in (self.copy_button, self.rename_button, self.delete_button):
            button.setEnabled(chosen and writable)
        self.trash_button.setEnabled(True)

    # -- actions -----------------------------------------------------------------------

    def open_item(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and self.content is not None:
            self.open_requested.emit(item.data(TITLE, Qt.UserRole))

    def warn(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("EVALIR Desktop"), str(error))

    def ask_new(self) -> None:
        if self.store.town.commune() is None:
            self.warn(StoreError(self.tr("Renseignez d'abord le profil de la commune.")))
            return
        from evalir_desktop.ui.dialogs.new_assessment import NewAssessmentDialog

        dialog = NewAssessmentDialog(self.content, self)
        if dialog.exec() != QDialog.Accepted:
            return
        self.create_from(dialog)

    def create_from(self, dialog: NewAssessmentDialog) -> str | None:
        from evalir_desktop.product.starting import start_from_dossier
        from evalir_desktop.session.starting import start_assessment

        title = dialog.title.text().strip()
        try:
            if dialog.dossier is not None:
                started = start_from_dossier(
                    self.store, self.content, dialog.dossier, title, **dialog.fields()
                )
                record = started.record
            else:
                record = start_assessment(
                    self.store, self.content, title, dialog.chosen_template(), **dialog.fields()
                )
        except (StoreError, ValueError) as error:
            self.warn(error)
            return None
        self.refresh(record.id)
        self.open_requested.emit(record.id)
        return record.id

    def duplicate(self) -> None:
        assessment_id = self.current_id()
        if assessment_id is None:
            return
        title = self.tr("Copie de %s") % self.store.assessments.get(assessment_id).title
        try:
            record = self.store.assessments.copy(assessment_id, title)
        except StoreError as error:
            self.warn(error)
            return
        self.refresh(record.id)

    def rename(self) -> None:
        assessment_id = self.current_id()
        if assessment_id is None:
            return
        current = self.store.assessments.get(assessment_id).title
        title, ok = QInputDialog.getText(
            self, self.tr("Renommer"), self.tr("Nouveau titre :"), QLineEdit.Normal, current
        )
        if not ok or not title.strip() or title.strip() == current:
            return
        try:
            self.store.assessments.update(assessment_id, title=title.strip())
        except (StoreError, ValueError) as error:
            self.warn(error)
            return
        self.refresh(assessment_id)

    def delete(self) -> None:
        assessment_id = self.current_id()
        if assessment_id is None:
            return
        title = with_versions(self.store.assessments.all())[assessment_id]
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer l'évaluation"),
            self.tr(
                "Mettre l'évaluation « %s » à la corbeille ? Vous pourrez la restaurer "
                "tant que la corbeille n'est pas vidée."
            )
            % title,
        )
        if answer != QMessageBox.Yes:
            return
        try:
            self.store.assessments.delete(assessment_id)
        except StoreError as error:
            self.warn(error)
        self.refresh()

    def show_trash(self) -> None:
        from evalir_desktop.ui.dialogs.trash import TrashDialog

        TrashDialog(self.store, self).exec()
        self.refresh()
