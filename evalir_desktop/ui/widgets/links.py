"""A word-wrapping link that the keyboard can reach (Tab, then Entrée or Espace)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy

from evalir_desktop.french import spaced

LINK_COLOR = QColor("#1f4e8c")
FOCUS_BACKGROUND = QColor("#dce8f7")


class LinkLabel(QLabel):
    """Looks like a link, wraps like a paragraph, emits `clicked` on click or key."""

    clicked = Signal()

    def __init__(self, text: str, parent=None):
        text = spaced(text)  # links name content: French spacing on screen
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.PlainText)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        self.setAccessibleName(text)
        # palette and font rather than a style sheet: pages hold dozens of links
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        palette = self.palette()
        palette.setColor(QPalette.WindowText, LINK_COLOR)
        palette.setColor(QPalette.Window, FOCUS_BACKGROUND)
        self.setPalette(palette)
        self.setContentsMargins(2, 2, 2, 2)

    def focusInEvent(self, event) -> None:
        self.setAutoFillBackground(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.setAutoFillBackground(False)
        super().focusOutEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
