"""After a click on an answer in the results: the question highlighted, and a way back."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

RESULTS = "resultats"
BAR_STYLE = "background: #fff4d6; color: #5c3b00;"


class ResultsReturn(QWidget):
    """The bar above the page: what was opened, « Retour aux résultats » where the agent
    was on the results page. Hidden as soon as the agent goes elsewhere."""

    def __init__(self, view, parent=None):
        super().__init__(parent)
        self.view = view
        self.card = None
        self.step_id = ""
        self.scroll = 0
        self.setAutoFillBackground(True)
        self.setStyleSheet(BAR_STYLE)
        self.text = QLabel(
            self.tr("La réponse ouverte depuis les résultats est surlignée ci-dessous.")
        )
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("← Retour aux &résultats"))
        self.button.clicked.connect(self.back)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.button)
        row.addWidget(self.text, 1)
        self.hide()

    def opened(self, step_id: str, card, scroll: int) -> None:
        """`card` of step `step_id` was opened from the results, scrolled to `scroll`."""
        self.clear()
        self.card, self.step_id, self.scroll = card, step_id, scroll
        card.set_highlighted(True)
        self.show()

    def step_changed(self, step_id: str) -> None:
        if step_id != self.step_id:
            self.clear()

    def clear(self) -> None:
        if self.card is not None:
            self.card.set_highlighted(False)
        self.card, self.step_id = None, ""
        self.hide()

    def back(self) -> None:
        scroll = self.scroll
        self.clear()
        self.view.go_to_step(RESULTS)
        page = self.view.pages[self.view.current()]
        page.verticalScrollBar().setValue(scroll)
        # the page lays itself out after this event: restore the place again then
        QTimer.singleShot(0, lambda: page.verticalScrollBar().setValue(scroll))
