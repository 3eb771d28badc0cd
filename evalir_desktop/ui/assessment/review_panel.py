"""Reviewers' opinions on one step: what they said, what to revise, and a dialog to give
or withdraw an opinion (DPD, DGS, élu: acceptable, à améliorer, à corriger)."""

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from evalir_desktop.domain.annexes import REVIEWER_ROLE_LABELS, VERDICT_LABELS, OpinionRecord
from evalir_desktop.session.reviews import opinion_line
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.store import StoreError

TO_CORRECT_STYLE = "background: #fbe3e3; color: #7a1010; padding: 6px;"


def plain(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setStyleSheet(style)
    return label


class ReviewPanel(QGroupBox):
    """The opinions on step `step_id`; emits `changed` after one is given or withdrawn."""

    changed = Signal()

    def __init__(self, session: AssessmentSession, step_id: str, title: str, parent=None):
        super().__init__(self.tr("Avis des relecteurs"), parent)
        self.session = session
        self.step_id = step_id
        self.step_title = title
        self.setAccessibleName(self.tr("Avis des relecteurs sur l'étape %s") % title)
        self.lines = QVBoxLayout()
        self.button = QPushButton(self.tr("Donner un &avis sur cette étape…"))
        self.button.setAccessibleName(self.tr("Donner un avis sur l'étape %s") % title)
        self.button.clicked.connect(self.give)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.lines)
        layout.addLayout(row)
        self.refresh()

    def review(self):
        return next((r for r in self.session.reviews() if r.step_id == self.step_id), None)

    def refresh(self) -> None:
        while self.lines.count():
            widget = self.lines.takeAt(0).widget()
            widget.hide()  # at once: deleteLater leaves it painted until the next loop
            widget.deleteLater()
        review = self.review()
        if review is None:
            self.lines.addWidget(
                plain(
                    self.tr(
                        "Aucun avis sur cette étape. Le DPD, le DGS ou un élu peut dire si "
                        "elle est acceptable, à améliorer ou à corriger."
                    ),
                    "color: #555;",
                )
            )
        else:
            if review.to_correct:
                items = "\n".join(f"– {item}" for item in review.to_revise)
                banner = plain(self.tr("Étape à corriger. À revoir\u202f:\n%s") % items)
                banner.setStyleSheet(TO_CORRECT_STYLE)
                self.lines.addWidget(banner)
            for opinion in review.opinions:
                text = opinion_line(opinion)
                if opinion.comment:
                    text += f"\n{opinion.comment}"
                self.lines.addWidget(plain(text))
        writable = not (self.session.frozen or self.session.store.readonly)
        self.button.setEnabled(writable)

    def give(self) -> None:
        dialog = OpinionDialog(self.session, self.step_id, self.step_title, self)
        if dialog.exec() == QDialog.Accepted:
            self.refresh()
            self.changed.emit()


class OpinionDialog(QDialog):
    """Give, change or withdraw one reviewer's opinion on one step."""

    def __init__(self, session: AssessmentSession, step_id: str, title: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.step_id = step_id
        self.setWindowTitle(self.tr("Avis sur l'étape «\u202f%s\u202f»") % title)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Relecteur"))
        for code, label in REVIEWER_ROLE_LABELS.items():
            self.role.addItem(label, code)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Nom du relecteur"))
        self.name.setMaxLength(300)
        self.verdicts = QButtonGroup(self)
        verdict_row = QHBoxLayout()
        for code, label in VERDICT_LABELS.items():
            button = QRadioButton(label)
            button.setProperty("code", code)
            self.verdicts.addButton(button)
            verdict_row.addWidget(button)
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Commentaire du relecteur"))
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("Ce qui va, ce qui manque, ce qu'il faut revoir"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setAccessibleName(self.tr("Date de l'avis"))
        self.problem = plain("", "color: #9b1c1c;")
        form = QFormLayout()
        form.addRow(self.tr("&Relecteur"), self.role)
        form.addRow(self.tr("&Nom"), self.name)
        form.addRow(self.tr("Avis"), verdict_row)
        form.addRow(self.tr("&Commentaire"), self.comment)
        form.addRow(self.tr("&Date"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.withdraw_button = buttons.addButton(
            self.tr("&Retirer cet avis"), QDialogButtonBox.DestructiveRole
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.withdraw_button.clicked.connect(self.withdraw)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(lambda *_: self.load())
        self.load()

    def current(self) -> OpinionRecord | None:
        role = self.role.currentData()
        return next(
            (
                o
                for o in self.session.opinions
                if o.step_id == self.step_id and o.reviewer_role == role
            ),
            None,
        )

    def load(self) -> None:
        """Show the chosen reviewer's current opinion, if there is one."""
        opinion = self.current()
        self.name.setText(opinion.reviewer_name if opinion else "")
        self.comment.setPlainText(opinion.comment if opinion else "")
        for button in self.verdicts.buttons():
            self.verdicts.setExclusive(False)
            button.setChecked(bool(opinion) and button.property("code") == opinion.verdict)
            self.verdicts.setExclusive(True)
        if opinion:
            day = opinion.given_on
            self.day.setDate(QDate(day.year, day.month, day.day))
        self.withdraw_button.setEnabled(opinion is not None)

    def save(self) -> None:
        chosen = self.verdicts.checkedButton()
        if chosen is None:
            self.problem.setText(
                self.tr("Choisissez un avis\u202f: acceptable, à améliorer ou à corriger.")
            )
            return
        if chosen.property("code") == "a_corriger" and not self.comment.toPlainText().strip():
            self.problem.setText(
                self.tr(
                    "Dites dans le commentaire ce qu'il faut corriger\u202f: c'est ce que "
                    "l'agent lira pour reprendre l'étape."
                )
            )
            return
        try:
            self.session.store.opinions.save(
                OpinionRecord(
                    assessment_id=self.session.assessment_id,
                    step_id=self.step_id,
                    reviewer_role=self.role.currentData(),
                    reviewer_name=self.name.text().strip(),
                    verdict=chosen.property("code"),
                    comment=self.comment.toPlainText().strip(),
                    given_on=self.day.date().toPython(),
                )
            )
        except (StoreError, ValueError) as error:
            self.problem.setText(str(error))
            return
        self.accept()

    def withdraw(self) -> None:
        opinion = self.current()
        if opinion is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retirer l'avis"),
            self.tr("Retirer l'avis «\u202f%s\u202f» de cette étape\u202f?")
            % opinion.verdict_label,
        )
        if answer != QMessageBox.Yes:
            return
        try:
            self.session.store.opinions.delete(opinion)
        except StoreError as error:
            self.problem.setText(str(error))
            return
        self.accept()
