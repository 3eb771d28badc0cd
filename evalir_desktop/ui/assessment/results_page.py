"""Results: obligations by level, radar of maturities, what lowers each axis, unknowns."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from evalir_desktop.assessment import Evaluation
from evalir_desktop.content import LEVEL_LABELS
from evalir_desktop.content.models import LEVEL_ORDER
from evalir_desktop.french import french_date, spaced
from evalir_desktop.session.reviews import opinion_line
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.ui.widgets.headings import SECTION, heading
from evalir_desktop.ui.widgets.links import LinkLabel
from evalir_desktop.ui.widgets.radar import RadarChart
from evalir_desktop.ui.widgets.scroll_page import ScrollPage

LEVEL_COLORS = {
    "interdit": "#8b0000",
    "obligation": "#9a3c00",
    "a_verifier": "#5c4400",
    "vigilance": "#1f4e8c",
    "recommandation": "#2f5f2f",
}


def label(text: str, bold: bool = False, rich: bool = False) -> QLabel:
    widget = QLabel(spaced(text))  # content text: French spacing on screen
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.RichText if rich else Qt.PlainText)
    widget.setTextInteractionFlags(Qt.TextSelectableByMouse)
    if bold:
        font = widget.font()
        font.setBold(True)
        widget.setFont(font)
    return widget


class ResultsPage(ScrollPage):
    """Rebuilt from the session's evaluation each time it is shown; never a verdict."""

    question_requested = Signal(str)
    step_requested = Signal(str)

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.content = session.content
        self.evaluation: Evaluation | None = None
        self.trigger_buttons: list[tuple[str, LinkLabel]] = []
        self.obligation_boxes: dict[str, QGroupBox] = {}
        self.radar = RadarChart()

    def refresh(self) -> None:
        self.evaluation = self.session.evaluation
        self.trigger_buttons = []
        self.obligation_boxes = {}
        self.radar.setParent(None)
        body = QWidget()
        layout = QVBoxLayout(body)
        title = heading(self.tr("Résultats"))
        layout.addWidget(title)
        layout.addWidget(
            label(
                self.tr(
                    "Le programme ne décide pas à votre place : il montre ce que la loi impose, "
                    "ce qui est solide, ce qui manque et ce qui reste à décider par le conseil "
                    "municipal. Réponses données : %s %% des questions. Dates lues au %s : "
                    "une obligation « à anticiper » ne s'applique pas encore, mais se prépare."
                )
                % (self.evaluation.completion, french_date(self.evaluation.reference_date))
            )
        )
        if self.session.reviews():
            layout.addWidget(self.reviews_section())
        layout.addWidget(self.obligations_section())
        layout.addWidget(self.maturity_section())
        layout.addWidget(self.unknowns_section())
        layout.addWidget(self.recommendations_section())
        layout.addStretch(1)
        self.setWidget(body)

    def jump_button(self, question_id: str, text: str) -> LinkLabel:
        link = LinkLabel(text)
        link.setToolTip(self.tr("Aller à la question"))
        link.clicked.connect(lambda: self.question_requested.emit(question_id))
        self.trigger_buttons.append((question_id, link))
        return link

    def section(self, title: str) -> QGroupBox:
        """A framed section whose heading is a bold label (no style sheet: it is slow)."""
        box = QGroupBox()
        QVBoxLayout(box)
        box.layout().addWidget(heading(title, SECTION))
        return box

    def reviews_section(self) -> QGroupBox:
        """The reviewers' opinions; a step to correct says what to revise."""
        box = self.section(self.tr("Avis des relecteurs"))
        layout = box.layout()
        for review in self.session.reviews():
            text = self.tr("Étape «\u202f%s\u202f»\u202f: %s") % (
                review.title,
                review.verdict_label.lower(),
            )
            link = LinkLabel(text)
            link.setToolTip(self.tr("Aller à l'étape"))
            link.clicked.connect(lambda step=review.step_id: self.step_requested.emit(step))
            layout.addWidget(link)
            for opinion in review.opinions:
                comment = f" — {opinion.comment}" if opinion.comment else ""
                layout.addWidget(label(opinion_line(opinion) + comment))
            if review.to_correct:
                layout.addWidget(label(self.tr("À revoir\u202f:"), bold=True))
                for item in review.to_revise:
                    layout.addWidget(label(f"– {item}"))
        return box

    def obligations_section(self) -> QGroupBox:
        box = self.section(self.tr("Ce que la loi impose ou signale"))
        layout = box.layout()
        obligations = self.evaluation.obligations
        if not obligations:
            layout.addWidget(label(self.tr("Aucune obligation déclenchée par les réponses.")))
        for level in sorted(LEVEL_ORDER, key=LEVEL_ORDER.get):
            items = [ob for ob in obligations if ob.level == level]
            if not items:
                continue
            heading = label(f"{LEVEL_LABELS[level]} ({len(items)})", bold=True)
            palette = heading.palette()
            palette.setColor(QPalette.WindowText, QColor(LEVEL_COLORS[level]))
            heading.setPalette(palette)
            layout.addWidget(heading)
            for ob in items:
                frame = QGroupBox()
                frame.setAccessibleName(ob.title)
                self.obligation_boxes[ob.id] = frame
                inner = QVBoxLayout(frame)
                inner.addWidget(label(ob.title, bold=True))
                inner.addWidget(label(self.tr("Référence : %s") % ob.reference))
                inner.addWidget(label(ob.explanation))
                inner.addWidget(label(ob.deadline, bold=not ob.in_force))
                if ob.to_check:
                    inner.addWidget(label(self.tr("À vérifier : %s") % ob.to_check))
                inner.addWidget(label(self.tr("Réponses à l'origine :")))
                for trigger in ob.triggers:
                    text = f"{trigger.label} → {trigger.display}"
                    if trigger.question_id.startswith("profil."):
                        inner.addWidget(label(text))
                    else:
                        inner.addWidget(self.jump_button(trigger.question_id, text))
                layout.addWidget(frame)
        return box

    def maturity_section(self) -> QGroupBox:
        box = self.section(self.tr("Maturité du projet, axe par axe (sur 100)"))
        layout = box.layout()
        scored = [axis for axis in self.evaluation.axes if axis.scored]
        titles = {axis.id: axis.short_title or axis.title for axis in self.content.axes}
        self.radar.set_scores([(titles[axis.id], axis.score) for axis in scored])
        layout.addWidget(self.radar)
        layout.addWidget(
            label(
                self.tr(
                    "Pas de note globale : chaque axe se lit séparément. Une réponse "
                    "« Je ne sais pas » compte comme 0 tant qu'elle n'est pas documentée."
                )
            )
        )
        for axis in scored:
            score = self.tr("non évalué") if axis.score is None else f"{axis.score:.0f} / 100"
            layout.addWidget(label(f"{axis.title} : {score}", bold=True))
            for item in axis.lowering:
                text = self.tr("Fait baisser de %s points : %s → %s") % (
                    f"{item.points:.0f}",
                    item.label,
                    item.display,
                )
                layout.addWidget(self.jump_button(item.question_id, text))
        return box

    def unknowns_section(self) -> QGroupBox:
        box = self.section(self.tr("À documenter (réponses « Je ne sais pas »)"))
        layout = box.layout()
        if not self.evaluation.unknowns:
            layout.addWidget(label(self.tr("Aucune réponse « Je ne sais pas ».")))
        for item in self.evaluation.unknowns:
            layout.addWidget(self.jump_button(item.question_id, item.label))
            layout.addWidget(label(self.tr("Qui peut répondre : %s") % item.role_label))
        return box

    def recommendations_section(self) -> QGroupBox:
        box = self.section(self.tr("Recommandations"))
        layout = box.layout()
        if not self.evaluation.recommendations:
            layout.addWidget(label(self.tr("Aucune recommandation pour l'instant.")))
        for rec in self.evaluation.recommendations:
            separator = QFrame()
            separator.setFrameShape(QFrame.HLine)
            layout.addWidget(separator)
            layout.addWidget(label(rec.text, bold=True))
            layout.addWidget(label(rec.why))
            layout.addWidget(label(self.tr("Qui : %s") % rec.who_label))
        return box
