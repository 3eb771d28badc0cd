"""Bold, wrapped headings scaled from the system font, so they follow its size."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from evalir_desktop.french import spaced

PAGE = 1.4
SECTION = 1.15
SUBTITLE = 1.05


def heading(text: str, scale: float = PAGE) -> QLabel:
    widget = QLabel(spaced(text))  # titles may come from the content: French spacing
    widget.setTextFormat(Qt.PlainText)  # titles may come from a file
    widget.setWordWrap(True)
    font = widget.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)
    return widget
