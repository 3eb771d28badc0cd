"""The « Conflits à résoudre » tab: a file not merged because it conflicts with the
territory's data for its town; the officer reads both sides, then keeps or replaces."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.store import StoreError
from evalir_desktop.territory.conflicts import (
    incoming_lines,
    replace_consequence,
    resolve_conflict,
    territory_lines,
)
from evalir_desktop.territory.models import FileReport


def side_view(name: str) -> QPlainTextEdit:
    view = QPlainTextEdit()  # plain text: names from the files are never rendered
    view.setReadOnly(True)
    view.setAccessibleName(name)
    return view


class ConflictPanel(QWidget):
    """Lists the conflicts of the last import; adds itself as a tab of `tabs`, shown
    while conflicts remain. `refresh()` is called once one is resolved."""

    def __init__(
        self, tabs: QTabWidget, territory: Path, busy: Callable[[], bool], refresh: Callable
    ):
        super().__init__(tabs)
        self.tabs, self.territory, self.busy, self.refresh = tabs, territory, busy, refresh
        self.items: list[FileReport] = []
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Fichiers en conflit"))
        self.list.currentRowChanged.connect(self.show_item)
        self.reason = QLabel()
        self.reason.setTextFormat(Qt.PlainText)
        self.reason.setWordWrap(True)
        self.current = side_view(self.tr("Ce que le territoire contient"))
        self.incoming = side_view(self.tr("Ce que contient le fichier reçu"))
        self.keep_button = QPushButton(self.tr("&Garder les données actuelles"))
        self.keep_button.clicked.connect(lambda: self.resolve("keep"))
        self.replace_button = QPushButton(self.tr("&Remplacer par ce fichier…"))
        self.replace_button.clicked.connect(self.ask_replace)
        self.message = QLabel()
        self.message.setTextFormat(Qt.PlainText)
        self.message.setWordWrap(True)
        sides = QGridLayout()
        sides.addWidget(QLabel(self.tr("Ce que le territoire contient :")), 0, 0)
        sides.addWidget(QLabel(self.tr("Ce que contient le fichier reçu :")), 0, 1)
        sides.addWidget(self.current, 1, 0)
        sides.addWidget(self.incoming, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.replace_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reason)
        layout.addLayout(sides, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.index = tabs.addTab(self, self.tr("Conflits à résoudre"))
        self.update_tab()

    def show_conflicts(self, items: list[FileReport]) -> None:
        """The conflicts of an import: listed, and the tab brought forward if any."""
        self.items = list(items)
        self.list.clear()
        for item in self.items:
            line = QListWidgetItem(f"{item.file_name} — {item.commune} ({item.insee})")
            self.list.addItem(line)
        self.message.clear()
        self.update_tab()
        if self.items:
            self.list.setCurrentRow(0)
            self.tabs.setCurrentIndex(self.index)

    def update_tab(self) -> None:
        count = len(self.items)
        self.tabs.setTabVisible(self.index, bool(count) or bool(self.message.text()))
        self.tabs.setTabText(self.index, self.tr("Conflits à résoudre (%d)") % count)
        for button in (self.keep_button, self.replace_button):
            button.setEnabled(bool(count))
        if not count:
            for widget in (self.current, self.incoming):
                widget.clear()
            self.reason.clear()

    def selected(self) -> FileReport | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def show_item(self, _row: int = 0) -> None:
        item = self.selected()
        if item is None or item.conflict is None:
            return
        self.reason.setText(item.reason)
        self.current.setPlainText("\n".join(territory_lines(item)))
        self.incoming.setPlainText("\n".join(incoming_lines(item)))
        other_epci = item.conflict.kind == "epci"
        self.keep_button.setText(
            self.tr("&Ne pas importer ce fichier")
            if other_epci
            else self.tr("&Garder les données actuelles")
        )
        self.replace_button.setText(
            self.tr("&Importer quand même…")
            if other_epci
            else self.tr("&Remplacer par ce fichier…")
        )

    def ask_replace(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.conflict is not None and item.conflict.kind == "epci":
            self.ask_import(item)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remplacer les données de la commune"),
            replace_consequence(item) + "\n\n" + self.tr("Remplacer par ce fichier ?"),
        )
        if answer == QMessageBox.Yes:
            self.resolve("replace")

    def ask_import(self, item: FileReport) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Commune d'une autre intercommunalité"),
            self.tr(
                "« %s » sera ajoutée au territoire avec ses évaluations, bien qu'elle déclare "
                "une autre intercommunalité. Ses prochains fichiers seront importés sans "
                "nouvelle question.\n\nImporter quand même\u202f?"
            )
            % item.commune,
        )
        if answer == QMessageBox.Yes:
            self.resolve("import")

    def resolve(self, choice: str) -> None:
        item = self.selected()
        if item is None:
            return
        if self.busy():
            self.message.setText(self.tr("Un import est en cours : attendez qu'il se termine."))
            return
        try:
            result = resolve_conflict(self.territory, item, choice)
        except StoreError as error:
            self.message.setText(str(error))
            return
        self.items.remove(item)
        self.list.takeItem(self.list.currentRow())
        self.message.setText(result.summary())
        self.update_tab()
        self.show_item()
        self.refresh()
