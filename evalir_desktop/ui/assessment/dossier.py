"""Put the dossier into the assessment window: reviewers' opinions on each step,
attachments on each question card, and the assessment's attachments button."""

from PySide6.QtWidgets import QPushButton

from evalir_desktop.ui.assessment.attachments_panel import AttachmentsDialog, AttachmentsPanel
from evalir_desktop.ui.assessment.review_panel import ReviewPanel

TO_CORRECT_MARK = "⚠"


def question_label(content):
    def label(question_id: str) -> str:
        question = content.question(question_id)
        return question.label if question is not None else question_id

    return label


def install_dossier(view) -> QPushButton:
    """Opinions and attachments on every step page of `view` (an AssessmentView); the
    returned button opens the attachments of the whole assessment."""
    label = question_label(view.content)
    counts: dict[str, int] = {}
    for record in view.session.attachments:
        counts[record.question_id] = counts.get(record.question_id, 0) + 1
    view.review_panels = {}
    for step in view.steps:
        page = view.step_pages.get(step.id)
        if page is None:
            continue
        panel = ReviewPanel(view.session, step.id, step.title)
        panel.changed.connect(view.on_reviewed)
        page.set_header(panel)
        view.review_panels[step.id] = panel

        def factory(card, page=page):
            return AttachmentsPanel(view.store, view.assessment_id, card.question.id, label, card)

        page.enable_attachments(factory, counts)
    button = QPushButton()
    button.clicked.connect(lambda: open_attachments(view, button))
    count_attachments(view, button)
    return button


def count_attachments(view, button: QPushButton) -> None:
    count = len(view.store.attachments.of(view.assessment_id))
    button.setText(view.tr("Pièces jointes (%d)…") % count)
    button.setAccessibleName(view.tr("Pièces jointes de l'évaluation\u202f: %d") % count)


def open_attachments(view, button: QPushButton) -> None:
    dialog = AttachmentsDialog(view.store, view.assessment_id, question_label(view.content), view)
    dialog.exec()
    count_attachments(view, button)
    for page in view.step_pages.values():
        for card in page.cards.values():
            if card.attachments_panel is not None:
                card.attachments_panel.refresh()


def steps_to_correct(view) -> set[str]:
    return {review.step_id for review in view.session.reviews() if review.to_correct}
