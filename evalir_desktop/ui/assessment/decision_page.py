"""Validation and council decision; a validated assessment offers a new version."""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.content import Content
from evalir_desktop.domain.records import NO_OUTCOME_LABEL, OUTCOME_LABELS, DecisionRecord
from evalir_desktop.french import spaced
from evalir_desktop.session.plan import french_date, parse_french_date
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.session.validation import open_points, open_points_text
from evalir_desktop.session.versions import comparable, new_version
from evalir_desktop.store import Store, StoreError
from evalir_desktop.ui.assessment.answer_editors import PlainTextEdit
from evalir_desktop.ui.assessment.comparison import ComparisonDialog
from evalir_desktop.ui.widgets.headings import heading
from evalir_desktop.ui.widgets.scroll_page import ScrollPage

ERROR_STYLE = "color: #b00020;"


class DecisionPage(ScrollPage):
    """Every valid change is saved at once; « Valider » freezes the answers."""

    saved = Signal()
    frozen_changed = Signal()
    open_requested = Signal(str)

    def __init__(self, store: Store, content: Content, assessment_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.content = content
        self.assessment_id = assessment_id
        self.session = AssessmentSession(store, content, assessment_id)
        self.confirmation: QMessageBox | None = None
        body = QWidget()
        title = heading(self.tr("Décision"))
        intro = QLabel(
            self.tr(
                "La décision appartient aux personnes, pas au programme. Notez ici qui a "
                "validé l'évaluation, puis la décision du conseil municipal."
            )
        )
        intro.setWordWrap(True)

        self.validated_by = self.line(self.tr("Nom de la personne qui valide"))
        self.validated_role = self.line(self.tr("Fonction (ex. maire, DGS)"))
        self.validated_on = self.line(self.tr("Date de validation"), self.tr("JJ/MM/AAAA"))
        self.validate_button = QPushButton(self.tr("Valider l'évaluation…"))
        self.validate_button.clicked.connect(self.validate)
        self.validation_state = QLabel()
        self.validation_state.setTextFormat(Qt.PlainText)  # names come from the file
        self.validation_state.setWordWrap(True)
        validation = QGroupBox(self.tr("Validation de l'évaluation"))
        form = QFormLayout(validation)
        form.addRow(self.tr("Nom"), self.validated_by)
        form.addRow(self.tr("Fonction"), self.validated_role)
        form.addRow(self.tr("Date"), self.validated_on)
        form.addRow(self.validate_button)
        form.addRow(self.validation_state)

        self.council_date = self.line(self.tr("Date du conseil municipal"), self.tr("JJ/MM/AAAA"))
        self.deliberation = self.line(self.tr("Numéro de délibération"))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Décision du conseil"))
        for key, text in {"": NO_OUTCOME_LABEL, **OUTCOME_LABELS}.items():
            self.outcome.addItem(text, key)
        self.outcome.currentIndexChanged.connect(self.save)
        self.text = PlainTextEdit()
        self.text.setAccessibleName(self.tr("Texte de la décision ou conditions"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.text.left.connect(self.save)
        council = QGroupBox(self.tr("Décision du conseil municipal"))
        council_form = QFormLayout(council)
        council_form.addRow(self.tr("Date du conseil"), self.council_date)
        council_form.addRow(self.tr("N° de délibération"), self.deliberation)
        council_form.addRow(self.tr("Décision"), self.outcome)
        council_form.addRow(self.tr("Texte, conditions"), self.text)

        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.new_version_button = QPushButton(self.tr("Nouvelle version…"))
        self.new_version_button.setToolTip(
            self.tr(
                "Crée une copie modifiable de cette évaluation pour la réévaluer ; "
                "celle-ci reste validée."
            )
        )
        self.new_version_button.clicked.connect(self.make_new_version)
        self.compare_button = QPushButton(self.tr("Comparer avec une autre version…"))
        self.compare_button.clicked.connect(self.compare)
        versions = QHBoxLayout()
        versions.addWidget(self.new_version_button)
        versions.addWidget(self.compare_button)
        versions.addStretch(1)

        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(validation)
        layout.addWidget(council)
        layout.addWidget(self.error)
        layout.addLayout(versions)
        layout.addStretch(1)
        self.setWidget(body)
        self.refresh()

    def line(self, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(self.save)
        return edit

    def current(self) -> DecisionRecord:
        return self.store.plan.decision(self.assessment_id) or DecisionRecord(
            assessment_id=self.assessment_id
        )

    def refresh(self) -> None:
        decision = self.current()
        self.loading = True
        self.validated_by.setText(decision.validated_by)
        self.validated_role.setText(decision.validated_role)
        self.validated_on.setText(french_date(decision.validated_on))
        if not decision.validated_on and not self.validated_on.text():
            self.validated_on.setText(french_date(date.today()))
        self.council_date.setText(french_date(decision.council_date))
        self.deliberation.setText(decision.deliberation_number)
        self.outcome.blockSignals(True)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(decision.outcome)))
        self.outcome.blockSignals(False)
        if self.text.toPlainText() != decision.text:
            self.text.setPlainText(decision.text)
        self.loading = False
        frozen = decision.is_validated
        writable = not self.store.readonly
        for edit in (self.validated_by, self.validated_role, self.validated_on):
            edit.setReadOnly(frozen or not writable)
        for edit in (self.council_date, self.deliberation):
            edit.setReadOnly(not writable)
        self.text.setReadOnly(not writable)
        self.outcome.setEnabled(writable)
        self.validate_button.setVisible(not frozen)
        self.validate_button.setEnabled(writable)
        self.validation_state.setText(
            self.tr("Validée le %s par %s (%s). Les réponses ne peuvent plus être modifiées.")
            % (french_date(decision.validated_on), decision.validated_by, decision.validated_role)
            if frozen
            else self.tr("Pas encore validée : les réponses restent modifiables.")
        )
        self.new_version_button.setVisible(frozen)
        self.new_version_button.setEnabled(writable)
        self.compare_button.setEnabled(bool(comparable(self.store, self.assessment_id)))

    def form_record(self, validated_on: date | None) -> DecisionRecord:
        """The decision as typed; raises ValueError (in French) on a wrong date."""
        return self.current().model_copy(
            update={
                "validated_by": self.validated_by.text().strip(),
                "validated_role": self.validated_role.text().strip(),
                "validated_on": validated_on,
                "council_date": parse_french_date(self.council_date.text()),
                "deliberation_number": self.deliberation.text().strip(),
                "outcome": self.outcome.currentData(),
                "text": self.text.toPlainText().strip(),
            }
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> None:
        if getattr(self, "loading", False) or self.store.readonly or self.store.closed:
            return
        try:
            record = self.form_record(self.current().validated_on)
            if record == self.current():
                return
            self.store.plan.save_decision(record)
        except (ValueError, StoreError) as error:
            self.show_error(str(error))
            return
        self.show_error("")
        self.saved.emit()

    def validate(self) -> None:
        try:
            when = parse_french_date(self.validated_on.text())
            record = self.form_record(when)
        except ValueError as error:
            self.show_error(str(error))
            return
        if not (record.validated_by and record.validated_role and when):
            self.show_error(self.tr("Indiquez le nom, la fonction et la date de validation."))
            return
        if not self.confirm_validation():
            return
        try:
            self.store.plan.save_decision(record)
        except StoreError as error:
            self.show_error(str(error))
            return
        self.show_error("")
        self.refresh()
        self.saved.emit()
        self.frozen_changed.emit()

    def confirm_validation(self) -> bool:
        """Say what remains open (how many, in which steps) and what validation does."""
        box, confirm = self.validation_box()
        self.confirmation = box  # tests read what it says
        box.exec()
        return box.clickedButton() is confirm

    def validation_box(self) -> tuple[QMessageBox, QPushButton]:
        """The question asked before validating, and its button that confirms."""
        remaining = open_points_text(open_points(self.session))
        box = QMessageBox(QMessageBox.Question, self.tr("Valider l'évaluation"), "", parent=self)
        if remaining:
            box.setIcon(QMessageBox.Warning)
            box.setText(spaced(remaining))
            box.setInformativeText(
                self.tr(
                    "Vous pouvez valider quand même : ces points resteront listés dans le "
                    "rapport. Une fois validée, l'évaluation ne pourra plus être modifiée ; "
                    "pour la réévaluer, il faudra créer une nouvelle version."
                )
            )
            confirm = box.addButton(self.tr("Valider quand même"), QMessageBox.AcceptRole)
        else:
            box.setText(
                self.tr(
                    "Une fois validée, l'évaluation ne pourra plus être modifiée : pour la "
                    "réévaluer, il faudra créer une nouvelle version. Valider maintenant ?"
                )
            )
            confirm = box.addButton(self.tr("Valider"), QMessageBox.AcceptRole)
        box.addButton(self.tr("Ne pas valider"), QMessageBox.RejectRole)
        box.setDefaultButton(confirm)
        return box, confirm

    def make_new_version(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Nouvelle version"),
            self.tr(
                "Une nouvelle version est une copie modifiable de cette évaluation : "
                "ses réponses, ses commentaires et son plan d'action y sont repris, sans "
                "la validation ni la décision. L'évaluation validée reste telle quelle, "
                "pour mémoire, et les deux versions pourront être comparées.\n\n"
                "Créer la nouvelle version et l'ouvrir ?"
            ),
        )
        if answer != QMessageBox.Yes:
            return
        try:
            record = new_version(self.store, self.assessment_id)
        except StoreError as error:
            self.show_error(str(error))
            return
        self.open_requested.emit(record.id)

    def compare(self) -> None:
        ComparisonDialog(self.store, self.content, self.assessment_id, self).exec()
