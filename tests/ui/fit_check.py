"""Find what does not fit in a window: widgets off the visible area, forms that scroll sideways."""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QTextEdit,
    QWidget,
)

TOLERANCE = 1  # px, for rounding at fractional scale factors
SIDEWAYS_ALLOWED = (QAbstractItemView, QTextEdit, QPlainTextEdit)  # tables and texts may scroll


def describe(widget: QWidget) -> str:
    text = ""
    for getter in ("text", "currentText", "title", "accessibleName"):
        value = getattr(widget, getter, None)
        if callable(value) and value():
            text = str(value())[:40]
            break
    return f"{type(widget).__name__}({widget.objectName() or text!r})"


def scrolls(widget: QWidget, top: QWidget) -> bool:
    """True if `widget` lies inside the viewport of a scroll area below `top`."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return True
        parent = area
    return False


def cut_text(widget: QWidget) -> bool:
    """A one-line label, button or list of choices narrower than its text."""
    if isinstance(widget, QLabel) and widget.text():
        if widget.wordWrap():
            return widget.heightForWidth(widget.width()) > widget.height() + TOLERANCE
        return widget.sizeHint().width() > widget.width() + TOLERANCE
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.sizeHint().width() > widget.width() + TOLERANCE
    if isinstance(widget, QComboBox) and widget.currentText():
        wanted = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 24
        return wanted > widget.width() + TOLERANCE
    return False


def window_problems(top: QWidget) -> list[str]:
    """What an agent could not see or read in `top` as it is laid out now."""
    found = []
    screen = top.screen().availableGeometry()
    frame = top.frameGeometry()
    if not screen.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(frame):
        found.append(f"window {frame.getRect()} larger than the screen {screen.getRect()}")
    whole = top.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QScrollBar):
            continue
        if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, SIDEWAYS_ALLOWED):
            if widget.horizontalScrollBar().isVisible():
                found.append(f"{describe(widget)} scrolls sideways")
            inner = widget.widget() if isinstance(widget, QScrollArea) else None
            if inner is not None and inner.width() > widget.viewport().width() + TOLERANCE:
                found.append(f"{describe(widget)} clips its content sideways")
        if cut_text(widget):
            found.append(f"{describe(widget)} is cut ({widget.width()} px)")
        if scrolls(widget, top):
            continue
        rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        if not whole.contains(rect):
            found.append(f"{describe(widget)} at {rect.getRect()} is outside the window")
    return found
