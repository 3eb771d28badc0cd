"""Give windows and dialogs a size that fits the available screen; remember main windows."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from evalir_desktop.screen_fit import Rect, clamp_rect, first_rect, format_rect, parse_rect

# Borders and title bar added by the window manager before the window is shown (they are
# measured once it is): about 8 px of border and a 31 px title bar on Windows at 100 %.
FRAME_GUESS = (16, 40)


def available_rect(widget: QWidget) -> Rect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return Rect(area.x(), area.y(), area.width(), area.height())


def frame_size(widget: QWidget) -> tuple[int, int]:
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        measured = (outer.width() - inner.width(), outer.height() - inner.height())
        if measured != (0, 0):
            return measured
    return FRAME_GUESS


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Size `widget` to `width` × `height`, or less so that it fits the available screen."""
    rect = first_rect(available_rect(widget), (width, height), frame_size(widget))
    widget.resize(rect.width, rect.height)
    if widget.isWindow():
        widget.move(rect.x, rect.y)


def restore_geometry(widget: QWidget, key: str, width: int, height: int) -> None:
    """Put a main window back where it was, clamped to today's screen, or fit it anew."""
    settings = QSettings()
    saved = parse_rect(settings.value(f"fenetres/{key}"))
    if saved is None:
        fit_to_screen(widget, width, height)
    else:
        rect = clamp_rect(saved, available_rect(widget), frame_size(widget))
        widget.setGeometry(rect.x, rect.y, rect.width, rect.height)
    if settings.value(f"fenetres/{key}-agrandie") in (True, "true"):
        widget.setWindowState(widget.windowState() | Qt.WindowMaximized)


def save_geometry(widget: QWidget, key: str) -> None:
    settings = QSettings()
    maximized = widget.isMaximized()
    settings.setValue(f"fenetres/{key}-agrandie", maximized)
    if not maximized:
        geometry = widget.geometry()
        rect = Rect(geometry.x(), geometry.y(), geometry.width(), geometry.height())
        settings.setValue(f"fenetres/{key}", format_rect(rect))
