"""The main window: file menu, recent files, drag and drop, and the current view.

Start-up paints this window first, then opens the file: the store, the content and the
home screen (and pydantic with them) are imported when a file is opened, not before.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.french import first_upper
from evalir_desktop.ui.help.menu import (
    example_banner,
    install_help_menu,
    is_example,
    open_example,
    show_guide,
)
from evalir_desktop.ui.home.leaving import may_leave_profile
from evalir_desktop.ui.recent_files import recent_files, remember
from evalir_desktop.ui.report.menu import install_report_menu
from evalir_desktop.ui.territory.menu import install_territory_menu, open_territory_window
from evalir_desktop.ui.widgets.save_target import ask_save_target
from evalir_desktop.ui.widgets.screen_fit import restore_geometry, save_geometry

if TYPE_CHECKING:
    from evalir_desktop.content import Content
    from evalir_desktop.store import Store

log = logging.getLogger("evalir")
FILE_FILTER = "Fichiers EVALIR (*.evalir)"


class AfterFirstPaint(QObject):
    """Runs a callback once, just after the widget it watches has been painted."""

    def __init__(self, widget: QWidget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Paint and self.callback is not None:
            callback, self.callback = self.callback, None
            QTimer.singleShot(0, callback)
        return False


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.store: Store | None = None
        self.content: Content | None = None
        self.content_error = ""
        self.assessment_view = None  # an AssessmentView, imported when first needed
        self.file_before_example: Path | None = None
        self.setWindowTitle(self.tr("EVALIR Desktop"))
        self.setAcceptDrops(True)
        restore_geometry(self, "principale", 1100, 760)
        self.build_menu()
        install_report_menu(self)
        install_territory_menu(self)
        install_help_menu(self)
        self.show_empty()

    # -- menu ----------------------------------------------------------------------

    def build_menu(self) -> None:
        # setShortcuts(StandardKey) gives the platform's keys; unlike setShortcut it builds
        # no QKeySequence, whose first construction costs about 10 ms of start-up.
        menu = self.menuBar().addMenu(self.tr("&Fichier"))
        new_action = QAction(self.tr("&Nouveau fichier…"), self)
        new_action.setShortcuts(QKeySequence.New)
        new_action.triggered.connect(self.ask_new_file)
        open_action = QAction(self.tr("&Ouvrir…"), self)
        open_action.setShortcuts(QKeySequence.Open)
        open_action.triggered.connect(self.ask_open_file)
        self.copy_action = QAction(self.tr("Enregistrer une &copie sous…"), self)
        self.copy_action.setEnabled(False)
        self.copy_action.triggered.connect(self.ask_save_copy)
        self.recent_menu = menu.addMenu(self.tr("Fichiers &récents"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        quit_action = QAction(self.tr("&Quitter"), self)
        quit_action.setShortcuts(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        menu.insertAction(self.recent_menu.menuAction(), new_action)
        menu.insertAction(self.recent_menu.menuAction(), open_action)
        menu.insertAction(self.recent_menu.menuAction(), self.copy_action)
        menu.addSeparator()
        menu.addAction(quit_action)

    def save_method(self) -> None:
        from evalir_desktop.ui.dialogs.method import save_method

        save_method(self)

    def show_about(self) -> None:
        from evalir_desktop.ui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files()
        for path in paths:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction(self.tr("(aucun)")).setEnabled(False)

    def ask_new_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Nouveau fichier EVALIR"), "", self.tr(FILE_FILTER)
        )
        if name:
            path = Path(name) if name.endswith(".evalir") else Path(name + ".evalir")
            if path.exists():
                self.warn(self.tr("Ce fichier existe déjà : il va être ouvert."))
            self.open_path(path, create=True)

    def ask_open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Ouvrir un fichier EVALIR"), "", self.tr(FILE_FILTER)
        )
        if name:
            self.open_path(Path(name))

    def ask_save_copy(self) -> None:
        """Save a copy of the open file elsewhere and continue in the copy."""
        if self.store is None:
            return
        target = ask_save_target(
            self,
            self.tr("Enregistrer une copie sous"),
            "",
            self.tr(FILE_FILTER),
            ".evalir",
            sources=[self.store.path],
            creates=".evalir",
        )
        if target:
            self.save_copy(target.path)

    def save_copy(self, path: Path) -> bool:
        from evalir_desktop.output_guard import OutputRefused, check_output
        from evalir_desktop.store import StoreError

        try:  # a new file only: never the open file, never another EVALIR file
            check_output(path, sources=[self.store.path], creates=".evalir")
            self.store.save_copy_as(path)
        except OutputRefused as error:
            self.warn(first_upper(str(error)))
            return False
        except StoreError as error:
            self.warn(str(error))
            return False
        return self.open_path(path)

    # -- opening -------------------------------------------------------------------

    def open_after_first_paint(self, path: Path, create: bool = False) -> None:
        """Show the window at once with « Ouverture… », then open `path` (start-up)."""
        label = QLabel(self.tr("Ouverture de « %s »…") % path.name)
        label.setWordWrap(True)
        self.setCentralWidget(label)
        AfterFirstPaint(label, lambda: self.open_path(path, create=create))

    def open_path(self, path: Path, create: bool = False, readonly: bool = False) -> bool:
        """Open `path` (creating it if asked); on refusal keep the current file."""
        from evalir_desktop.store import Store, StoreError

        try:
            store = Store.open(path, create=create, readonly=readonly)
        except StoreError as error:
            log.warning("Refused %s: %s", path, error)
            self.warn(str(error))
            return False
        if store.role == "territory":  # an intercommunality's file has its own window
            store.close()
            remember(path)
            return open_territory_window(self, path) is not None
        if not may_leave_profile(self):
            store.close()
            return False
        self.close_store()
        self.store = store
        if not readonly:
            remember(path)
        self.show_store()
        return True

    def close_store(self) -> None:
        """Close the open file, first letting the field being edited save itself."""
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        if self.assessment_view is not None:
            self.assessment_view.flush_typing()
        if self.store is not None:
            self.store.close()
            self.store = None

    def show_empty(self) -> None:
        label = QLabel(
            self.tr(
                "Aucun fichier ouvert. Utilisez le menu Fichier pour ouvrir ou créer un fichier."
            )
        )
        label.setWordWrap(True)
        self.setCentralWidget(label)

    def load_content(self) -> Content | None:
        from evalir_desktop.content import ContentError, load_content

        if self.content is None and not self.content_error:
            try:
                self.content = load_content()
            except ContentError as error:
                log.error("Content refused: %s", error)
                self.content_error = (
                    self.tr(
                        "Le questionnaire du programme est illisible (%s). "
                        "Réinstallez le programme."
                    )
                    % error
                )
        return self.content

    def content_or_warn(self) -> Content | None:
        """The content, or None after telling the agent why it could not be read."""
        content = self.load_content()
        if content is None:
            self.warn(self.content_error)
        return content

    def show_store(self) -> None:
        from evalir_desktop.ui.home.page import HomeView, readonly_banner

        central = QWidget()
        layout = QVBoxLayout(central)
        if is_example(self.store.path):
            layout.addWidget(example_banner(self))
        elif self.store.readonly_reason:
            layout.addWidget(readonly_banner(self.store.readonly_reason, self.ask_save_copy))
        self.copy_action.setEnabled(True)
        self.home = HomeView(self.store, self.content, self.content_error)
        if self.content is None and not self.content_error:
            home = self.home
            AfterFirstPaint(home, lambda: self.give_content(home))
        self.home.open_requested.connect(self.open_assessment)
        self.home.open_file_requested.connect(self.ask_open_file)
        self.home.recent_requested.connect(self.open_path)
        self.home.example_requested.connect(lambda: open_example(self))
        self.home.guide_requested.connect(lambda: show_guide(self))
        self.views = QStackedWidget()
        self.views.addWidget(self.home)
        layout.addWidget(self.views)
        self.assessment_view = None
        self.setCentralWidget(central)
        self.setWindowTitle(self.tr("%s — EVALIR Desktop") % self.store.path.name)
        self.statusBar().showMessage(str(self.store.path))

    def give_content(self, home) -> None:
        """Read the questionnaire once the home screen is painted, and hand it over."""
        if home is self.home:
            home.set_content(self.load_content(), self.content_error)

    def current_assessment_id(self) -> str | None:
        """The assessment on screen, if any (the report menu reads it)."""
        view = self.assessment_view
        return view.assessment_id if view is not None and view.isVisible() else None

    def open_assessment(self, assessment_id: str) -> None:
        from evalir_desktop.store import StoreError
        from evalir_desktop.ui.assessment.view import AssessmentView  # kept out of start-up

        if self.content_or_warn() is None:
            return
        if not may_leave_profile(self):
            return
        try:
            view = AssessmentView(self.store, self.content, assessment_id)
        except StoreError as error:
            self.warn(str(error))
            return
        self.close_assessment()
        view.home_requested.connect(self.show_home)
        view.open_requested.connect(self.open_assessment)
        self.assessment_view = view
        self.views.addWidget(view)
        self.views.setCurrentWidget(view)

    def close_assessment(self) -> None:
        if self.assessment_view is not None:
            self.assessment_view.flush_typing()
            self.views.removeWidget(self.assessment_view)
            self.assessment_view.deleteLater()
            self.assessment_view = None

    def show_home(self) -> None:
        self.close_assessment()
        self.views.setCurrentWidget(self.home)
        self.home.refresh()

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("EVALIR Desktop"), message)

    # -- drag and drop, closing ----------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if any(url.toLocalFile().endswith(".evalir") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".evalir"):
                self.open_path(Path(url.toLocalFile()))
                event.acceptProposedAction()
                return

    def closeEvent(self, event) -> None:
        if not may_leave_profile(self):
            event.ignore()
            return
        save_geometry(self, "principale")
        self.close_store()
        super().closeEvent(event)
