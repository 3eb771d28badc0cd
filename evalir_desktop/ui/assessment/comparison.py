"""Compare two versions of an assessment: answers, axis scores and obligations that changed."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from evalir_desktop.content import Content
from evalir_desktop.session.titles import display_title, with_versions
from evalir_desktop.session.versions import comparable, compare_stored, rule_title
from evalir_desktop.store import Store
from evalir_desktop.ui.widgets.screen_fit import fit_to_screen


def score_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


class ComparisonDialog(QDialog):
    """`assessment_id` is the newer one; the agent picks the one to compare it with."""

    def __init__(self, store: Store, content: Content, assessment_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.content = content
        self.assessment_id = assessment_id
        self.setWindowTitle(self.tr("Comparer deux versions"))
        fit_to_screen(self, 820, 560)
        self.other = QComboBox()
        self.other.setAccessibleName(self.tr("Version à comparer"))
        titles = with_versions(store.assessments.all())
        for record in comparable(store, assessment_id):
            self.other.addItem(titles.get(record.id, display_title(record)), record.id)
        self.other.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Différences entre les deux versions"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Élément"), self.tr("Avant"), self.tr("Après")])
        self.tree.setColumnWidth(0, 420)
        self.tree.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Comparer avec"), self.other)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.refresh()

    def group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.tree.addTopLevelItem(item)
        return item

    def refresh(self) -> None:
        self.tree.clear()
        before_id = self.other.currentData()
        if before_id is None:
            self.summary.setText(self.tr("Aucune autre évaluation à comparer dans ce fichier."))
            return
        result = compare_stored(self.store, self.content, before_id, self.assessment_id)
        counts = (
            self.tr("%n réponses modifiées", "", len(result.answers_changed)),
            self.tr("%n obligations apparues", "", len(result.obligations_added)),
            self.tr("%n disparues", "", len(result.obligations_removed)),
        )
        self.summary.setText(", ".join(counts) + ".")
        answers = self.group(self.tr("Réponses modifiées (%s)") % len(result.answers_changed))
        for change in result.answers_changed:
            QTreeWidgetItem(answers, [change.label, change.before, change.after])
        scores = self.group(self.tr("Maturité par axe (sur 100)"))
        for delta in result.score_deltas:
            if delta.before is None and delta.after is None:
                continue
            QTreeWidgetItem(
                scores, [delta.title, score_text(delta.before), score_text(delta.after)]
            )
        obligations = self.group(self.tr("Obligations"))
        for rule_id in result.obligations_added:
            title = rule_title(self.content, rule_id)
            QTreeWidgetItem(obligations, [title, self.tr("absente"), self.tr("apparaît")])
        for rule_id in result.obligations_removed:
            title = rule_title(self.content, rule_id)
            QTreeWidgetItem(obligations, [title, self.tr("présente"), self.tr("disparaît")])
        for rule_id in result.obligations_level_changed:
            title = rule_title(self.content, rule_id)
            QTreeWidgetItem(
                obligations, [title, self.tr("niveau changé"), self.tr("niveau changé")]
            )
        opinions = self.group(self.tr("Avis des relecteurs (%s)") % len(result.opinions_changed))
        for change in result.opinions_changed:
            QTreeWidgetItem(
                opinions, [f"{change.title} — {change.reviewer}", change.before, change.after]
            )
        self.tree.expandAll()
