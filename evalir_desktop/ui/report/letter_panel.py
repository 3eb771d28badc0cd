"""The fields about one person for the explanation letter: typed here, never saved."""

from datetime import date

from pydantic import ValidationError
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.report.inhabitants import LetterFields
from evalir_desktop.report.typography import fr_date


class LetterPanel(QScrollArea):
    """A form beside the preview; its values live in memory only, for this letter."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        notice = QLabel(
            self.tr(
                "Ces renseignements servent à cette lettre seulement : ils ne sont pas "
                "enregistrés dans le fichier EVALIR ni envoyés à l'intercommunalité."
            )
        )
        notice.setWordWrap(True)
        layout.addWidget(notice)
        form = QFormLayout()
        self.nom = self._line(form, self.tr("&Nom et prénom :"), 200)
        self.adresse = self._text(form, self.tr("&Adresse :"), 500)
        self.has_date = QCheckBox(self.tr("Date de la &demande connue"))
        self.date_demande = QDateEdit(QDate.currentDate())
        self.date_demande.setCalendarPopup(True)
        self.date_demande.setDisplayFormat("dd/MM/yyyy")
        self.date_demande.setAccessibleName(self.tr("Date de la demande"))
        self.date_demande.setEnabled(False)
        self.has_date.toggled.connect(self.date_demande.setEnabled)
        self.has_date.toggled.connect(self._changed)
        self.date_demande.dateChanged.connect(self._changed)
        form.addRow(self.has_date, self.date_demande)
        self.decision = self._line(form, self.tr("Décision &concernée :"), 500)
        self.donnees = self._text(form, self.tr("Données de la &personne :"), 5000)
        self.parametres = self._text(form, self.tr("&Paramètres et poids :"), 5000)
        self.operations = self._text(form, self.tr("&Opérations (en plus) :"), 5000)
        self.signataire = self._line(form, self.tr("&Signataire :"), 300)
        layout.addLayout(form)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        layout.addWidget(self.deadline)
        layout.addStretch(1)
        self.setWidget(body)
        self._changed()

    def _line(self, form: QFormLayout, label: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(limit)
        edit.textChanged.connect(self._changed)
        edit.setAccessibleName(label.replace("&", "").rstrip(" :"))
        form.addRow(label, edit)
        return edit

    def _text(self, form: QFormLayout, label: str, limit: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(56)
        edit.textChanged.connect(self._changed)
        edit.setAccessibleName(label.replace("&", "").rstrip(" :"))
        edit.setProperty("limit", limit)
        form.addRow(label, edit)
        return edit

    def _changed(self) -> None:
        fields = self.fields()
        due = fields.answer_by()
        self.deadline.setText(
            self.tr(
                "Réponse à envoyer au plus tard le %s : sans réponse dans le mois, la demande "
                "vaut refus et peut être portée devant la CADA."
            )
            % fr_date(due)
            if due
            else self.tr("La commune doit répondre dans le mois qui suit la demande.")
        )
        self.changed.emit()

    def fields(self) -> LetterFields:
        """The values typed, validated; a text past its limit is cut, never refused."""
        qdate = self.date_demande.date()
        values = {
            "nom": self.nom.text(),
            "adresse": self.adresse.toPlainText()[:500],
            "date_demande": date(qdate.year(), qdate.month(), qdate.day())
            if self.has_date.isChecked()
            else None,
            "decision": self.decision.text(),
            "donnees": self.donnees.toPlainText()[:5000],
            "parametres": self.parametres.toPlainText()[:5000],
            "operations": self.operations.toPlainText()[:5000],
            "signataire": self.signataire.text(),
        }
        try:
            return LetterFields(**values)
        except ValidationError:  # cannot happen with the limits above; keep the letter usable
            return LetterFields()
