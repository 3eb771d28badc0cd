"""Double-click (or Enter) on a line of a territory table opens the town's assessment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from evalir_desktop.store import StoreError
from evalir_desktop.territory.drilldown import Kind, assessments_behind, choice_label


class DrillDown:
    """Leads from the territory window's tables to read-only assessment windows."""

    def __init__(self, window):
        self.window = window
        self.opened: list = []  # the assessment windows, kept alive while shown

    def connect_table(self, table, kind: Kind) -> None:
        table.activated.connect(lambda index: self.from_table(table, kind, index))

    def connect_groups(self, tree) -> None:
        tree.itemActivated.connect(lambda item, _column: self.from_group(item))

    def from_table(self, table, kind: Kind, index) -> None:
        cell = table.model().item(index.row(), 0)
        key = cell.data(Qt.UserRole) if cell is not None else None
        if key:
            self.open(kind, key)

    def from_group(self, item) -> None:
        position = item.data(1, Qt.UserRole)
        if item.parent() is not None and position is not None:
            self.open("group_town", f"{item.data(0, Qt.UserRole)}:{position}")

    def open(self, kind: Kind, key: str):
        """Open the assessment behind a line, asking which one when there are several."""
        view = self.window.view
        rows = assessments_behind(view, kind, key) if view is not None else []
        if not rows:
            return None
        chosen = rows[0] if len(rows) == 1 else self.choose(rows)
        return self.open_assessment(chosen.assessment_id) if chosen else None

    def choose(self, rows):
        labels = [choice_label(row) for row in rows]
        label, accepted = QInputDialog.getItem(
            self.window,
            self.window.tr("Ouvrir une évaluation"),
            self.window.tr("%d évaluations sont concernées\u202f: laquelle ouvrir\u202f?")
            % len(rows),
            labels,
            0,
            False,
        )
        return rows[labels.index(label)] if accepted and label in labels else None

    def open_assessment(self, assessment_id: str):
        from evalir_desktop.ui.territory.town_window import TownAssessmentWindow

        try:
            window = TownAssessmentWindow(
                self.window.path, self.window.content, assessment_id, self.window
            )
        except StoreError as error:
            QMessageBox.warning(self.window, self.window.tr("Territoire"), str(error))
            return None
        window.destroyed.connect(lambda *_: self.forget(window))
        self.opened.append(window)
        window.show()
        return window

    def forget(self, window) -> None:
        if window in self.opened:
            self.opened.remove(window)
