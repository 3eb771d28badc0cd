"""Open a file in the real main window and print when the home list is first painted,
then when every row's summary is filled. Used by bench_home.py in a fresh process."""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SHOWN = 20  # rows on screen in a 1100 × 760 window


class FirstPaint(QObject):
    at: float | None = None
    cpu: float | None = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Paint and self.at is None:
            self.at, self.cpu = time.perf_counter(), time.process_time()
        return False


def main(path: Path) -> None:
    app = QApplication([])
    from evalir_desktop.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1100, 760)
    window.show()
    app.processEvents()
    started, cpu = time.perf_counter(), time.process_time()
    window.open_path(path)
    probe = FirstPaint()
    tree = window.home.assessment_list
    tree.viewport().installEventFilter(probe)
    while probe.at is None:
        app.processEvents()
    rows = tree.topLevelItemCount()
    home = window.home.assessments
    while not all(tree.topLevelItem(row).text(4) != "…" for row in range(SHOWN)):
        app.processEvents()
    shown = time.perf_counter()
    while home.content is None or not home.summaries_done():
        app.processEvents()
    done = time.perf_counter()
    print(f"painted {probe.at - started:.4f}")
    print(f"cpu {probe.cpu - cpu:.4f}")
    print(f"rows {rows}")
    print(f"shown {shown - started:.4f}")
    print(f"summaries {done - started:.4f}")
    print(f"listed {tree.topLevelItemCount()}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
