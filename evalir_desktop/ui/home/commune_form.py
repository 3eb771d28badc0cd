"""The town-profile form: every valid change is saved at once, errors shown inline."""

from pydantic import ValidationError
from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.domain.commune import Commune
from evalir_desktop.store import Store, StoreError

ERROR_STYLE = "color: #b00020;"


class CommuneForm(QWidget):
    """Edit the profile of the town of `store`; emits `saved` after each save."""

    saved = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        self.touched: set[str] = set()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapAllRows)  # label above field: fits any width
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        fields = [
            ("nom", self.tr("Nom de la commune"), self.tr("ex. Saint-Étienne-de-Tinée")),
            ("insee", self.tr("Code INSEE"), self.tr("5 caractères, ex. 06120")),
            ("population", self.tr("Nombre d'habitants"), self.tr("ex. 4800")),
            ("agents_etp", self.tr("Agents (équivalent temps plein)"), self.tr("ex. 42")),
            ("epci_nom", self.tr("Intercommunalité"), self.tr("ex. Communauté de communes…")),
            ("epci_siren", self.tr("SIREN de l'intercommunalité"), self.tr("9 chiffres")),
            ("contact_nom", self.tr("Personne à contacter"), ""),
            ("contact_email", self.tr("Courriel"), ""),
            ("contact_telephone", self.tr("Téléphone"), ""),
        ]
        for key, label, placeholder in fields:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(label)
            edit.editingFinished.connect(lambda key=key: self.field_finished(key))
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(label, box)
            self.edits[key] = edit
            self.errors[key] = error
            self.labels[key] = label
        self.dpd = QComboBox()
        self.dpd.setAccessibleName(self.tr("Délégué à la protection des données"))
        self.dpd.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.dpd.setMinimumContentsLength(12)
        self.dpd_hint = QLabel()  # the short choice, explained in full below it
        self.dpd_hint.setWordWrap(True)
        self.dpd_hint.setStyleSheet("color: #444;")
        for value, text, hint in (
            (
                "inconnu",
                self.tr("Je ne sais pas"),
                self.tr("À vérifier : plusieurs obligations en dépendent."),
            ),
            (
                "oui",
                self.tr("Oui, par la commune"),
                self.tr("La commune a désigné son propre délégué auprès de la CNIL."),
            ),
            (
                "mutualise",
                self.tr("Oui, mutualisé"),
                self.tr(
                    "Un délégué commun à plusieurs communes : intercommunalité, centre de "
                    "gestion ou syndicat."
                ),
            ),
            ("non", self.tr("Non, pas encore"), self.tr("Aucun délégué n'est désigné.")),
        ):
            self.dpd.addItem(text, value)
            self.dpd.setItemData(self.dpd.count() - 1, hint, Qt.ToolTipRole)
        self.dpd.currentIndexChanged.connect(self.show_dpd_hint)
        self.dpd.currentIndexChanged.connect(self.save)
        dpd_box = QVBoxLayout()
        dpd_box.setContentsMargins(0, 0, 0, 0)
        dpd_box.addWidget(self.dpd)
        dpd_box.addWidget(self.dpd_hint)
        form.addRow(self.tr("Délégué à la protection des données (DPD)"), dpd_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de l'enregistrement"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        self.load()

    def load(self) -> None:
        commune = self.store.town.commune()
        values = commune.model_dump() if commune else {}
        for key, edit in self.edits.items():
            value = values.get(key)
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            edit.setText("" if value is None else str(value))
            edit.setCursorPosition(0)  # show the start of a long name
        self.dpd.blockSignals(True)
        self.dpd.setCurrentIndex(max(0, self.dpd.findData(values.get("dpd_designe", "inconnu"))))
        self.dpd.blockSignals(False)
        self.show_dpd_hint()
        readonly = self.store.readonly
        for edit in self.edits.values():
            edit.setReadOnly(readonly)
        self.dpd.setEnabled(not readonly)

    def show_dpd_hint(self) -> None:
        self.dpd_hint.setText(self.dpd.currentData(Qt.ToolTipRole) or "")

    def values(self) -> dict:
        data = {key: edit.text().strip() for key, edit in self.edits.items()}
        for key in ("population", "agents_etp"):
            data[key] = data[key].replace(" ", "").replace(",", ".") or None
        data["dpd_designe"] = self.dpd.currentData()
        return data

    def field_finished(self, key: str) -> None:
        self.touched.add(key)
        self.save()

    def show_errors(self, problems: dict[str, str]) -> None:
        """Show the problems of fields the agent has filled or left, not untouched ones."""
        problems = {
            key: text
            for key, text in problems.items()
            if key in self.touched or self.edits[key].text().strip()
        }
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)

    def validate(self) -> Commune | None:
        try:
            commune = Commune(**self.values())
        except ValidationError as error:
            problems = {}
            for item in error.errors():
                key = str(item["loc"][0])
                problems[key] = item.get("ctx", {}).get("error") or self.field_message(key)
            self.show_errors({k: str(v) for k, v in problems.items()})
            return None
        self.show_errors({})
        return commune

    def unsaved_fields(self) -> list[str]:
        """Labels of the filled or left fields whose value was refused, hence not saved."""
        if self.store.closed or self.store.readonly:
            return []
        try:
            Commune(**self.values())
        except ValidationError as error:
            keys = {str(item["loc"][0]) for item in error.errors()}
            return [
                label
                for key, label in self.labels.items()
                if key in keys and (key in self.touched or self.edits[key].text().strip())
            ]
        return []

    def field_message(self, key: str) -> str:
        return {
            "nom": self.tr("Indiquez le nom de la commune."),
            "population": self.tr("Indiquez un nombre entier positif, sans lettres."),
            "agents_etp": self.tr("Indiquez un nombre positif (ex. 42 ou 41,5)."),
        }.get(key, self.tr("Valeur incorrecte."))

    def save(self) -> None:
        if self.store.closed or self.store.readonly:
            return
        commune = self.validate()
        if commune is None:
            self.status.setText(self.tr("Non enregistré : corrigez le champ signalé en rouge."))
            return
        if commune == self.store.town.commune():
            return
        try:
            self.store.town.save_commune(commune)
        except StoreError as error:
            self.status.setText(str(error))
            return
        self.status.setText(self.tr("Enregistré à %s") % QTime.currentTime().toString("HH:mm"))
        self.saved.emit()
