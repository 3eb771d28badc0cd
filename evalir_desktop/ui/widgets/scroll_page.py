"""A page of the assessment that scrolls vertically and wraps its text to the width."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget


class ScrollPage(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

    def setWidget(self, widget: QWidget) -> None:
        """The page is as tall as its text needs at the page's width, no taller. Its
        minimum height is ignored: wrapped labels count it at their narrowest width, and
        the scroll area would keep that height, leaving screens of blank space at the end.
        (Pages without wrapped text keep their minimum height, which is exact.)"""
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():  # else the height is fixed
            policy = widget.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Ignored)
            widget.setSizePolicy(policy)
        super().setWidget(widget)
