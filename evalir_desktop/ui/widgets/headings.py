"""Bold, wrapped headings scaled from the system font, so they follow its size."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

PAGE = 1.4
SECTION = 1.15


def heading(text: str, scale: float = PAGE) -> QLabel:
    widget = QLabel(text)
    widget.setTextFormat(Qt.PlainText)  # titles may come from a file
    widget.setWordWrap(True)
    font = widget.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)
    return widget
