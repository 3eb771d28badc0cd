"""The step-by-step assessment: side panel of steps, pages, navigation, autosave, undo."""

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.content import Content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.session.changes import session_account
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.session.steps import STATE_LABELS, steps
from evalir_desktop.session.titles import display_title
from evalir_desktop.session.versions import content_version_notice
from evalir_desktop.store import Store, StoreError
from evalir_desktop.store.errors import SaveFailed
from evalir_desktop.ui.assessment.action_plan import ActionPlanPage
from evalir_desktop.ui.assessment.decision_page import DecisionPage
from evalir_desktop.ui.assessment.dossier import TO_CORRECT_MARK, install_dossier, steps_to_correct
from evalir_desktop.ui.assessment.results_page import ResultsPage
from evalir_desktop.ui.assessment.results_return import ResultsReturn
from evalir_desktop.ui.assessment.step_page import StepPage
from evalir_desktop.ui.assessment.undo import AnswerCommand
from evalir_desktop.ui.home.problems_banner import ProblemsBanner
from evalir_desktop.ui.widgets.headings import heading

SAVED_STYLE = "color: #555;"
UNSAVED_STYLE = "color: #9b1c1c; font-weight: bold;"
RETRY_MS = 3000
STATE_MARKS = {"non_commence": "○", "en_cours": "◐", "complet": "●", "inconnues": "?", "": "▸"}


class AssessmentView(QWidget):
    """One assessment; `home_requested` goes back, `open_requested(id)` opens another."""

    home_requested = Signal()
    open_requested = Signal(str)

    def __init__(self, store: Store, content: Content, assessment_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.content = content
        self.assessment_id = assessment_id
        self.session = AssessmentSession(store, content, assessment_id)
        self.record = self.session.record
        self.answers: dict[str, Answer] = self.session.answers
        self.steps = steps(content)
        self.undo_stack = QUndoStack(self)

        self.back_button = QPushButton(self.tr("← Retour à l'accueil"))
        self.back_button.clicked.connect(self.go_home)
        self.title = heading(display_title(self.record), scale=1.2)
        self.frozen_banner = QLabel()
        self.frozen_banner.setWordWrap(True)
        self.frozen_banner.setStyleSheet("background: #e8f0e0; color: #24420f; padding: 6px;")
        notice = content_version_notice(self.record, content, session_account(self.session))
        self.version_banner = QLabel(notice or "")
        self.version_banner.setWordWrap(True)
        self.version_banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px;")
        self.version_banner.setVisible(notice is not None)
        self.origin_banner = QLabel()
        self.origin_banner.setWordWrap(True)
        self.origin_banner.setTextFormat(Qt.PlainText)
        self.origin_banner.setStyleSheet("background: #e3eef9; color: #1f4e79; padding: 6px;")
        self.origin_banner.hide()
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)

        self.step_list = QListWidget()
        self.step_list.setAccessibleName(self.tr("Étapes de l'évaluation"))
        self.step_list.setMinimumWidth(150)
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.step_list.setMaximumWidth(280)
        for _step in self.steps:
            self.step_list.addItem(QListWidgetItem())
        self.stack = QStackedWidget()
        self.pages: list[QWidget] = []
        self.step_pages: dict[str, StepPage] = {}
        for step in self.steps:
            if step.kind == "axis":
                page = StepPage(content.axis(step.id))
                page.changed.connect(self.on_changed)
                self.step_pages[step.id] = page
            elif step.kind == "results":
                page = ResultsPage(self.session)
                page.question_requested.connect(self.go_to_question)
                page.step_requested.connect(self.go_to_step)
            elif step.kind == "plan":
                page = ActionPlanPage(self.session)
                page.saved.connect(self.mark_saved)
            else:
                page = DecisionPage(store, content, assessment_id)
                page.saved.connect(self.mark_saved)
                page.frozen_changed.connect(self.apply_frozen)
                page.open_requested.connect(self.open_requested)
            self.pages.append(page)
            self.stack.addWidget(page)
        self.attachments_button = install_dossier(self)
        header.addWidget(self.attachments_button)
        splitter = QSplitter()
        splitter.addWidget(self.step_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 800])
        splitter.setChildrenCollapsible(False)

        self.previous_button = QPushButton(self.tr("← &Précédent"))
        self.previous_button.setToolTip(self.tr("Étape précédente (Ctrl+Page précédente)"))
        self.next_button = QPushButton(self.tr("&Suivant →"))
        self.next_button.setToolTip(self.tr("Étape suivante (Ctrl+Page suivante)"))
        self.previous_button.clicked.connect(lambda: self.go_to(self.current() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current() + 1))
        self.undo_button = QPushButton(self.tr("Annuler la dernière modification"))
        self.undo_button.setToolTip(self.tr("Ctrl+Z"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Avancement de l'évaluation"))
        self.progress_bar.setFormat(self.tr("%p % des questions"))
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("État de l'enregistrement"))
        self.saved_label.setStyleSheet(SAVED_STYLE)
        self.saved_label.setWordWrap(True)
        self.unsaved: dict[str, tuple[Answer, AnswerCommand | None]] = {}
        self.retry_timer = QTimer(self, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self.retry_unsaved)
        footer = QHBoxLayout()
        footer.addWidget(self.previous_button)
        footer.addWidget(self.next_button)
        footer.addWidget(self.progress_bar, 1)
        footer.addWidget(self.saved_label)
        footer.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.version_banner)
        layout.addWidget(self.origin_banner)
        layout.addWidget(self.frozen_banner)
        self.problems_banner = ProblemsBanner(store)  # what reading this assessment set aside
        layout.addWidget(self.problems_banner)
        self.results_return = ResultsReturn(self)
        layout.addWidget(self.results_return)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        self.add_shortcuts()

        self.show_all_answers()
        self.apply_frozen()
        ids = [step.id for step in self.steps]
        start = ids.index(self.record.last_step) if self.record.last_step in ids else 0
        self.step_list.currentRowChanged.connect(self.go_to)
        self.go_to(start)

    def add_shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence(Qt.CTRL | Qt.Key_PageDown), lambda: self.go_to(self.current() + 1)),
            (QKeySequence(Qt.CTRL | Qt.Key_PageUp), lambda: self.go_to(self.current() - 1)),
            (QKeySequence.Undo, self.undo_stack.undo),
            (QKeySequence.Redo, self.undo_stack.redo),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- navigation ------------------------------------------------------------------

    def current(self) -> int:
        return self.stack.currentIndex()

    def go_to(self, index: int) -> None:
        if not 0 <= index < len(self.steps):
            return
        self.flush_typing()
        step = self.steps[index]
        self.stack.setCurrentIndex(index)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(index)
        self.step_list.blockSignals(False)
        page = self.pages[index]
        if hasattr(page, "refresh"):
            page.refresh()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.steps) - 1)
        self.store.assessments.set_last_step(self.assessment_id, step.id)
        self.refresh_progress()
        self.results_return.step_changed(step.id)

    def go_to_step(self, step_id: str) -> None:
        self.go_to([step.id for step in self.steps].index(step_id))

    def go_to_question(self, question_id: str) -> None:
        """From the results: open the question, highlighted, with a way back."""
        question = self.content.question(question_id)
        if question is None or question.axis_id not in self.step_pages:
            return
        scroll = self.pages[self.current()].verticalScrollBar().value()
        self.go_to_step(question.axis_id)
        page = self.step_pages[question.axis_id]
        page.focus_question(question_id)
        self.results_return.opened(question.axis_id, page.cards[question_id], scroll)

    def go_home(self) -> None:
        self.flush_typing()
        self.home_requested.emit()

    def flush_typing(self) -> None:
        for page in self.step_pages.values():
            for card in page.cards.values():
                if card.timer.isActive():
                    card.flush()

    # -- answers ---------------------------------------------------------------------

    def on_changed(self, question_id: str, answer: Answer) -> None:
        """Save first; only a stored change becomes a step to undo."""
        before = self.answers.get(question_id)
        typing = self.content.question(question_id).type.startswith("texte") or (
            answer.comment != (before.comment if before else "")
        )
        label = self.tr("Modifier la réponse « %s »") % self.content.question(question_id).label
        command = AnswerCommand(question_id, label, before, answer, self.apply_answer, typing)
        if self.store_answer(question_id, answer, command):
            self.undo_stack.push(command)

    def apply_answer(self, question_id: str, answer: Answer, show: bool) -> None:
        """Save one answer (undo, redo) and, with `show`, put it on screen."""
        if not self.store_answer(question_id, answer, None):
            return
        if show:
            question = self.content.question(question_id)
            self.go_to_step(question.axis_id)
            self.step_pages[question.axis_id].cards[question_id].set_answer(
                self.answers.get(question_id)
            )

    def store_answer(self, question_id: str, answer: Answer, command) -> bool:
        """Write one answer; a failed write stays on screen, is said, and is retried."""
        if self.store.closed:
            return False
        try:
            self.session.save_answer(question_id, answer)
        except SaveFailed as error:
            self.unsaved[question_id] = (answer, command)
            self.saved_label.setText(str(error))
            self.saved_label.setStyleSheet(UNSAVED_STYLE)
            self.retry_timer.start()
            return False
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Réponse non enregistrée"), str(error))
            self.show_all_answers()
            return False
        self.unsaved.pop(question_id, None)
        self.answers = self.session.answers
        self.refresh_visibility()
        self.show_origins()
        self.mark_saved()
        return True

    def retry_unsaved(self) -> None:
        """Write again what could not be written; each change stored becomes undoable."""
        for question_id, (answer, command) in list(self.unsaved.items()):
            if not self.store_answer(question_id, answer, command):
                return
            if command is not None:
                self.undo_stack.push(command)
        self.retry_timer.stop()

    def show_all_answers(self) -> None:
        self.answers = self.session.answers
        visible = {q.id for q in self.session.visible_questions()}
        for page in self.step_pages.values():
            page.show_answers(self.answers, visible)
        self.show_origins()

    def show_origins(self) -> None:
        """Mark the answers taken from a product dossier and say so above the steps."""
        origins = self.session.origins
        labels = {question_id: origin.label for question_id, origin in origins.items()}
        for page in self.step_pages.values():
            page.show_origins(labels)
        sources = "\u202f; ".join(sorted({origin.dossier for origin in origins.values()}))
        if len(origins) == 1:
            text = self.tr("Une réponse sur l'outil vient d'un dossier de produit partagé (%s).")
            text %= sources
        else:
            text = self.tr("%d réponses sur l'outil viennent d'un dossier de produit partagé (%s).")
            text %= (len(origins), sources)
        if not self.store.readonly:
            text += " " + self.tr(
                "Vérifiez-les, et corrigez celles qui ne valent pas pour votre commune\u202f: "
                "chacune reste modifiable."
            )
        self.origin_banner.setText(text)
        self.origin_banner.setVisible(bool(origins))

    def refresh_visibility(self) -> None:
        visible = {q.id for q in self.session.visible_questions()}
        for page in self.step_pages.values():
            page.set_visible_questions(visible)
        self.refresh_progress()

    def refresh_progress(self) -> None:
        state = self.session.progress()
        self.progress_bar.setValue(state.percent)
        to_correct = steps_to_correct(self)
        for row, step in enumerate(self.steps):
            key = state.states.get(step.id, "")
            label = STATE_LABELS[key]
            mark = STATE_MARKS[key]
            if step.id in to_correct:
                mark, label = (
                    TO_CORRECT_MARK,
                    self.tr("À corriger") + (f" · {label}" if label else ""),
                )
            item = self.step_list.item(row)
            item.setText(f"{mark}  {step.title}" + (f"\n     {label}" if label else ""))
            item.setToolTip(label)
            item.setData(Qt.AccessibleTextRole, f"{step.title} : {label}" if label else step.title)

    def on_reviewed(self) -> None:
        """An opinion was given or withdrawn: the side panel marks the steps to correct."""
        self.mark_saved()

    def mark_saved(self) -> None:
        if self.unsaved:
            return
        self.saved_label.setStyleSheet(SAVED_STYLE)
        self.saved_label.setText(self.tr("Enregistré à %s") % QTime.currentTime().toString("HH:mm"))
        self.refresh_progress()

    # -- validated assessments ----------------------------------------------------------

    def apply_frozen(self) -> None:
        frozen = self.session.frozen or self.store.readonly
        for page in self.step_pages.values():
            page.set_readonly(frozen)
        for panel in self.review_panels.values():
            panel.refresh()
        if self.session.frozen:
            follow_up = (
                self.tr("seul le suivi du plan d'action reste à jour")
                if not self.store.readonly
                else self.tr("elle se consulte sans être modifiée")
            )
            self.frozen_banner.setText(
                self.tr(
                    "Cette évaluation a été validée : ses réponses ne changent plus, %s. "
                    "Pour la réévaluer, créez une nouvelle version depuis l'étape « Décision »."
                )
                % follow_up
            )
        self.frozen_banner.setVisible(self.session.frozen)
        if frozen:
            self.undo_stack.clear()
