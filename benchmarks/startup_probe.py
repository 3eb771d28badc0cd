"""Run the real `evalir-desktop` main() and print the wall-clock time of the first paint.

Used by bench_foundation.py in a fresh process; the parent compares with its own clock.
"""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from evalir_desktop import app as evalir_app


class FirstPaint(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            print(f"painted {time.time():.6f}", flush=True)
            os._exit(0)  # the figure is taken; no need for a clean shutdown
        return False


original_exec = QApplication.exec
probe = FirstPaint()


def exec_with_probe(self):
    self.installEventFilter(probe)
    return original_exec(self)


QApplication.exec = exec_with_probe
sys.exit(evalir_app.main(["evalir-desktop", *sys.argv[1:]]))
