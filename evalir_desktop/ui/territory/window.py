"""The territory window: add town files (progress, cancel) and see the territory views."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.content import Content, load_content
from evalir_desktop.domain.records import AI_TYPE_LABELS, STATUS_LABELS
from evalir_desktop.french import counted
from evalir_desktop.territory.aggregate import filter_rows
from evalir_desktop.territory.models import ImportReport
from evalir_desktop.territory.view_models import TerritoryView
from evalir_desktop.ui.territory import tables
from evalir_desktop.ui.territory.absent_tab import AbsentTab
from evalir_desktop.ui.territory.conflicts import ConflictPanel
from evalir_desktop.ui.territory.drill import DrillDown
from evalir_desktop.ui.territory.literacy_tab import LiteracyTab
from evalir_desktop.ui.territory.outputs import TerritoryOutputs
from evalir_desktop.ui.territory.products_tab import ProductsTab
from evalir_desktop.ui.territory.tables import fit_columns, table
from evalir_desktop.ui.territory.task import ReportTask, TerritoryTask
from evalir_desktop.ui.widgets.plain import escaped
from evalir_desktop.ui.widgets.screen_fit import restore_geometry, save_geometry

FILE_FILTER = "Fichiers EVALIR (*.evalir)"


def evolution_line(view: TerritoryView) -> str:
    if view.evolution is not None:
        return view.evolution.sentence
    return (
        "Premier état du territoire conservé\u202f: le prochain import dira ce qui a changé."
        if view.rows
        else ""
    )


class TerritoryWindow(TerritoryOutputs, QMainWindow):
    """Shows one territory file; the file is created by the first import."""

    def __init__(self, path: Path, content: Content | None = None, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.content = content or load_content()
        self.view: TerritoryView | None = None
        self.task: TerritoryTask | None = None
        self.report_task: ReportTask | None = None
        self.evaluations: dict = {}  # evaluations reused between refreshes
        self.notice = ""  # said before the counts once the views are computed again
        self.setWindowTitle(self.tr("%s — Territoire — EVALIR Desktop") % self.path.name)
        self.setAcceptDrops(True)
        restore_geometry(self, "territoire", 1200, 800)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self.build_actions())
        layout.addWidget(self.build_tabs(), 1)
        self.setCentralWidget(central)
        if self.path.exists():
            self.start([])
        else:
            self.status.setText(
                self.tr("Nouveau territoire : ajoutez les fichiers envoyés par les communes.")
            )

    # -- layout --------------------------------------------------------------------

    def build_actions(self) -> QVBoxLayout:
        self.add_files_button = QPushButton(self.tr("Ajouter des &fichiers…"))
        self.add_files_button.clicked.connect(self.ask_files)
        self.add_folder_button = QPushButton(self.tr("Ajouter un &dossier…"))
        self.add_folder_button.clicked.connect(self.ask_folder)
        self.cancel_button = QPushButton(self.tr("&Arrêter l'import"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton(self.tr("&Exporter le tableau (CSV)…"))
        self.export_button.setToolTip(self.tr("Exporte les lignes affichées, filtres compris."))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.ask_export)
        self.report_button = QPushButton(self.tr("&Rapport PDF…"))
        self.report_button.setToolTip(self.tr("Rapport de territoire à imprimer ou à diffuser."))
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.ask_report)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Avancement de l'import"))
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.versions = QLabel()
        self.versions.setWordWrap(True)
        self.versions.setTextFormat(Qt.PlainText)
        self.versions.setAccessibleName(self.tr("Versions du questionnaire"))
        self.versions.setStyleSheet("color: #444;")
        buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.report_button)
        column = QVBoxLayout()
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addWidget(self.versions)
        return column

    def build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.addTab(self.build_table_tab(), self.tr("Communes et projets"))
        self.obligations_view, self.obligations_model = table(self.tr("Obligations du territoire"))
        self.tabs.addTab(self.obligations_view, self.tr("Obligations"))
        self.maturity_view, self.maturity_model = table(self.tr("Maturité par axe"))
        self.tabs.addTab(self.maturity_view, self.tr("Maturité par axe"))
        self.unknowns_view, self.unknowns_model = table(self.tr("Questions sans réponse"))
        self.tabs.addTab(self.unknowns_view, self.tr("« Je ne sais pas » fréquents"))
        self.tabs.addTab(self.build_groups_tab(), self.tr("Mutualisation"))
        self.upcoming_tree = QTreeWidget()
        self.upcoming_tree.setAccessibleName(self.tr("Obligations à venir, date par date"))
        self.upcoming_tree.setWordWrap(True)
        self.tabs.addTab(self.upcoming_tree, self.tr("À venir"))
        self.products_tab = ProductsTab(self)
        self.products_tab.dossier_written.connect(self.on_dossier_written)
        self.tabs.addTab(self.products_tab, self.tr("Produits et dossiers partagés"))
        self.literacy_tab = LiteracyTab(self)
        self.tabs.addTab(self.literacy_tab, self.tr("Formation à l'IA"))
        self.drill = DrillDown(self)
        for view, kind in (
            (self.rows_view, "assessment"),
            (self.obligations_view, "obligation"),
            (self.maturity_view, "town"),
            (self.unknowns_view, "unknown"),
            (self.products_tab.table, "product"),
        ):
            self.drill.connect_table(view, kind)
            view.setToolTip(self.tr("Double-cliquez sur une ligne pour ouvrir l'évaluation."))
        self.drill.connect_groups(self.groups_tree)
        self.report_list = QListWidget()
        self.report_list.setAccessibleName(self.tr("Compte rendu du dernier import"))
        self.report_list.setWordWrap(True)
        self.tabs.addTab(self.report_list, self.tr("Dernier import"))
        self.conflict_panel = ConflictPanel(self.tabs, self.path, lambda: self.busy, self.refresh)
        self.absent_tab = AbsentTab(self)
        self.absent_tab.removed.connect(lambda _title: self.refresh())
        self.drill.connect_table(self.absent_tab.table, "assessment")
        return self.tabs

    def build_table_tab(self) -> QWidget:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            self.tr("Rechercher une commune, un projet, un fournisseur…")
        )
        self.filter_edit.setAccessibleName(self.tr("Recherche dans le tableau"))
        self.filter_edit.textChanged.connect(self.apply_filters)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filtrer par statut"))
        self.status_filter.addItem(self.tr("Tous les statuts"), None)
        for code, label in STATUS_LABELS.items():
            self.status_filter.addItem(label, code)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName(self.tr("Filtrer par type d'IA"))
        self.type_filter.addItem(self.tr("Tous les types d'IA"), None)
        for code, label in AI_TYPE_LABELS.items():
            self.type_filter.addItem(label, code)
        self.type_filter.currentIndexChanged.connect(self.apply_filters)
        self.rows_view, self.rows_model = table(self.tr("Tableau des communes et des projets"))
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.type_filter, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.rows_view, 1)
        return page

    def build_groups_tab(self) -> QWidget:
        self.groups_tree = tables.wrapping_tree(self.tr("Opportunités de mutualisation"))
        self.groups_tree.currentItemChanged.connect(self.show_group)
        self.group_text = QLabel()
        self.group_text.setTextFormat(Qt.RichText)  # composed here, data escaped
        self.group_text.setWordWrap(True)
        self.group_text.setAccessibleName(self.tr("Ce qui pourrait être partagé"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.groups_tree, 3)
        layout.addWidget(self.group_text, 1)
        return page

    # -- work ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None

    def ask_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Fichiers des communes"), "", self.tr(FILE_FILTER)
        )
        if names:
            self.add_paths([Path(name) for name in names])

    def ask_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Dossier des fichiers des communes"))
        if name:
            self.add_paths([Path(name)])

    def add_paths(self, paths: list[Path]) -> None:
        if self.busy:
            self.status.setText(self.tr("Un import est en cours : attendez qu'il se termine."))
            return
        self.report_list.clear()
        self.start(paths)

    def start(self, items: list[Path]) -> None:
        self.task = TerritoryTask(self.path, items, self.content, self.evaluations, self)
        self.task.progressed.connect(self.on_progress)
        self.task.computing.connect(self.on_computing)
        self.task.finished_work.connect(self.on_finished)
        self.task.failed.connect(self.on_failed)
        self.set_busy(True, importing=bool(items))
        self.status.setText(
            self.tr("Import en cours…") if items else self.tr("Calcul des vues du territoire…")
        )
        self.task.start()

    def refresh(self) -> None:
        self.start([])  # a conflict was resolved: recompute the views

    def set_busy(self, busy: bool, importing: bool = False) -> None:
        self.add_files_button.setEnabled(not busy)
        self.add_folder_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy and importing)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self.products_tab.update_button()

    def on_dossier_written(self, path: str) -> None:
        self.status.setText(self.tr("Dossier de produit écrit\u202f: %s") % path)
        self.start([])  # the list of products now says that the dossier exists

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Territoire"), message)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Arrêt demandé : le fichier en cours se termine…"))

    def on_progress(self, done: int, total: int, summary: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.report_list.addItem(summary)
        self.status.setText(self.tr("Import\u202f: fichier %d sur %d") % (done, total))

    def on_computing(self) -> None:
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Calcul des vues du territoire…"))

    def end_task(self) -> None:
        if self.task is not None:
            self.task.wait()
            self.task.deleteLater()
            self.task = None
        self.set_busy(False)

    def on_finished(self, report: ImportReport | None, view: TerritoryView) -> None:
        self.end_task()
        self.view = view
        self.show_view()
        text = (
            counted(len(view.towns), "commune", "communes")
            + ", "
            + counted(len(view.rows), "évaluation.", "évaluations.")
        )
        if report is not None:
            imported = counted(len(report.by_status("imported")), "importé", "importés")
            refused = counted(len(report.refused), "refusé", "refusés")
            text = self.tr("Import terminé, fichiers\u202f: %s, %s. ") % (imported, refused) + text
            self.report_list.clear()  # the full account, missing and cancelled files too
            self.report_list.addItems([item.summary() for item in report.files])
            self.conflict_panel.show_conflicts(report.conflicts)
            if report.refused:
                text += self.tr(" Voir l'onglet « Dernier import » pour les fichiers refusés.")
            if report.cancelled:
                text = self.tr("Import arrêté. ") + text
        self.status.setText(self.notice + text)
        self.notice = ""

    def on_failed(self, message: str) -> None:
        self.end_task()
        self.status.setText(message)
        QMessageBox.warning(self, self.tr("Territoire"), message)

    # -- views ---------------------------------------------------------------------

    def show_view(self) -> None:
        view = self.view
        self.apply_filters()
        tables.fill_obligations(self.obligations_model, view)
        tables.fill_maturity(self.maturity_model, view)
        tables.fill_unknowns(self.unknowns_model, view)
        tables.fill_groups(self.groups_tree, view)
        tables.fill_upcoming(self.upcoming_tree, view)
        self.products_tab.fill(view)
        self.absent_tab.fill(view)
        self.literacy_tab.fill(view)
        self.versions.setText(
            "\n".join(line for line in (evolution_line(view), view.version_note) if line)
        )
        for table_view in (self.obligations_view, self.maturity_view, self.unknowns_view):
            fit_columns(table_view)
        self.group_text.setText(
            self.tr("Choisissez une opportunité pour voir ce qui peut être partagé.")
        )
        self.export_button.setEnabled(bool(view.rows))
        self.report_button.setEnabled(True)

    def shown_rows(self) -> list:
        if self.view is None:
            return []
        return filter_rows(
            self.view.rows,
            text=self.filter_edit.text(),
            status=self.status_filter.currentData(),
            ai_type=self.type_filter.currentData(),
        )

    def apply_filters(self) -> None:
        tables.fill_assessments(self.rows_model, self.shown_rows())
        fit_columns(self.rows_view)

    def show_group(self, current, _previous=None) -> None:
        if current is None or self.view is None:
            return
        group = self.view.opportunities[current.data(0, Qt.UserRole)]
        lines = [f"<b>{escaped(group.title)}</b>", escaped(group.explanation)]
        if group.details:
            lines.append(self.tr("Questions à poser ensemble :"))
            lines.append("<br>".join(f"• {escaped(detail)}" for detail in group.details))
        self.group_text.setText("<br>".join(lines))

    # -- drag and drop, closing ----------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    def closeEvent(self, event) -> None:
        save_geometry(self, "territoire")
        if self.report_task is not None:
            self.report_task.wait()
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
        super().closeEvent(event)
