"""A bare PySide6 main window: the reference the program's start-up is compared with.

Prints the wall-clock time of its first paint, like startup_probe.py does for the program.
"""

import os
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Paint and watched.isWidgetType():
            print(f"painted {time.time():.6f}", flush=True)
            os._exit(0)
        return False


app = QApplication([])
probe = FirstPaint()
app.installEventFilter(probe)
window = QMainWindow()
window.setWindowTitle("Fenêtre vide")
window.resize(1024, 700)
window.show()
app.exec()
