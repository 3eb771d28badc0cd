"""The home screen: the town profile and the list of assessments of the open file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.store import Store
from evalir_desktop.ui.home.assessment_list import AssessmentList
from evalir_desktop.ui.home.commune_form import CommuneForm
from evalir_desktop.ui.home.problems_banner import ProblemsBanner
from evalir_desktop.ui.home.welcome import WelcomePanel
from evalir_desktop.ui.recent_files import recent_files
from evalir_desktop.ui.widgets.scroll_page import ScrollPage

if TYPE_CHECKING:
    from evalir_desktop.content import Content


class HomeView(QWidget):
    """Emits `open_requested(id)`, `open_file_requested()` and `recent_requested(path)`."""

    open_requested = Signal(str)
    open_file_requested = Signal()
    recent_requested = Signal(object)
    example_requested = Signal()
    guide_requested = Signal()

    def __init__(
        self,
        store: Store,
        content: Content | None = None,
        content_error: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        profile_box = QGroupBox(self.tr("Profil de la commune"))
        self.commune_form = CommuneForm(store)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.commune_form)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # errors wrap instead
        profile_layout = QVBoxLayout(profile_box)
        profile_layout.addWidget(scroll)
        self.literacy_label = QLabel()
        self.literacy_label.setWordWrap(True)
        self.literacy_label.setTextFormat(Qt.PlainText)
        self.literacy_button = QPushButton(self.tr("&Formation à l'IA des agents et des élus…"))
        self.literacy_button.clicked.connect(self.open_literacy)
        profile_layout.addWidget(self.literacy_label)
        profile_layout.addWidget(self.literacy_button)
        self.refresh_literacy()

        list_box = QGroupBox(self.tr("Évaluations de projets d'IA"))
        self.assessments = AssessmentList(store, content)
        self.assessments.open_requested.connect(self.open_requested)
        self.assessment_list = self.assessments.tree
        self.new_button = self.assessments.new_button
        self.commune_form.saved.connect(self.assessments.refresh)
        self.commune_form.saved.connect(self.refresh_literacy)
        self.welcome = WelcomePanel()
        self.welcome.new_requested.connect(self.assessments.ask_new)
        self.welcome.example_requested.connect(self.example_requested)
        self.welcome.guide_requested.connect(self.guide_requested)
        self.assessments.refreshed.connect(self.show_welcome)
        list_layout = self.list_layout = QVBoxLayout(list_box)
        self.content_problem = QLabel(content_error)
        self.content_problem.setWordWrap(True)
        self.content_problem.setStyleSheet("color: #b00020;")
        self.content_problem.setVisible(bool(content_error))
        list_layout.addWidget(self.content_problem)
        self.welcome_scroll = ScrollPage()
        self.welcome_scroll.setWidget(self.welcome)
        list_layout.addWidget(self.welcome_scroll, 1)
        list_layout.addWidget(self.assessments, 1)

        self.open_file_button = QPushButton(self.tr("Ouvrir un autre fichier…"))
        self.open_file_button.clicked.connect(self.open_file_requested)
        self.recent_button = QPushButton(self.tr("Fichiers récents"))
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.recent_button.setMenu(self.recent_menu)
        files = QHBoxLayout()
        files.addWidget(self.open_file_button)
        files.addWidget(self.recent_button)
        files.addStretch(1)
        list_layout.addLayout(files)

        self.show_welcome(self.assessments.tree.topLevelItemCount())  # read already
        splitter = QSplitter()
        splitter.addWidget(profile_box)
        splitter.addWidget(list_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.commune_form.sizeHint().width() + 40, 10_000])
        self.problems_banner = ProblemsBanner(store)
        self.assessments.rows_read.connect(self.problems_banner.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems_banner)
        layout.addWidget(splitter, 1)

    def show_welcome(self, count: int) -> None:
        """On an empty file the welcome panel stands where the list will be."""
        self.welcome_scroll.setVisible(count == 0)
        self.assessments.tree.setVisible(count > 0)
        self.list_layout.setStretchFactor(self.assessments, 1 if count else 0)
        self.welcome.set_profile_done(self.store.town.commune() is not None)
        self.welcome.new_button.setEnabled(self.new_button.isEnabled())

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_files():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.recent_requested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(aucun)")).setEnabled(False)

    def refresh(self) -> None:
        self.assessments.refresh()
        self.refresh_literacy()

    def refresh_literacy(self) -> None:
        """« Formation à l'IA (article 4) : 2 formations, 15 personnes formées. »"""
        from evalir_desktop.session.literacy import summary_text

        trainings = self.store.trainings.of() if self.store.town.commune_id() else []
        text = self.tr("Formation à l'IA (article 4)\u202f: %s.") % summary_text(trainings)
        self.literacy_label.setText(text)
        self.literacy_button.setAccessibleDescription(text)
        self.literacy_button.setToolTip(
            self.tr("Qui a été formé à l'IA, à quoi et quand\u202f: la trace que demande la loi.")
        )

    def open_literacy(self) -> None:
        from evalir_desktop.ui.home.literacy import LiteracyDialog

        LiteracyDialog(self.store, self).exec()
        self.refresh_literacy()

    def set_content(self, content: Content | None, content_error: str = "") -> None:
        """The questionnaire is read (after the first paint): complete the list."""
        self.content_problem.setText(content_error)
        self.content_problem.setVisible(bool(content_error))
        self.assessments.set_content(content)
        self.welcome.new_button.setEnabled(self.new_button.isEnabled())


def readonly_banner(reason: str, save_copy) -> QWidget:
    """The reason a file is read-only, with « Enregistrer une copie sous… » beside it."""
    banner = QWidget()
    banner.setObjectName("readonly_banner")
    banner.setStyleSheet("#readonly_banner { background: #fff3cd; }")
    label = QLabel(reason)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5c4400; padding: 6px;")
    label.setAccessibleName(reason)
    button = QPushButton(QCoreApplication.translate("HomeView", "Enregistrer une copie sous…"))
    button.clicked.connect(save_copy)
    row = QHBoxLayout(banner)
    row.setContentsMargins(0, 0, 6, 0)
    row.addWidget(label, 1)
    row.addWidget(button)
    banner.copy_button = button
    return banner
