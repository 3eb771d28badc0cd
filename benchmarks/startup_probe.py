"""Run the real `evalir-desktop` main() and print when the window, then the home, is painted.

Used by bench_startup.py in a fresh process. « window » is the first paint of the main
window (the file is then opened just after it); « home » is the first paint of the home
screen with the default file open: the figure the start-up target is about.
"""

import os
import sys
import time

import PySide6.QtWidgets
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from evalir_desktop import app as evalir_app


def in_home(widget: QWidget) -> bool:
    while widget is not None:
        if type(widget).__name__ == "HomeView":
            return True
        widget = widget.parentWidget()
    return False


class FirstPaint(QObject):
    window_seen = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Paint or not isinstance(watched, QWidget):
            return False
        if not self.window_seen and isinstance(watched.window(), QMainWindow):
            self.window_seen = True
            print(f"window {time.time():.6f}", flush=True)
        if in_home(watched):
            print(f"painted {time.time():.6f}", flush=True)
            os._exit(0)  # the figure is taken; no need for a clean shutdown
        return False


probe = FirstPaint()


class ProbedApplication(QApplication):
    """The application main() creates, watching every paint from its construction."""

    def __init__(self, *args):
        super().__init__(*args)
        self.installEventFilter(probe)


PySide6.QtWidgets.QApplication = ProbedApplication  # app.main() imports it when it runs
sys.exit(evalir_app.main(["evalir-desktop", *sys.argv[1:]]))
