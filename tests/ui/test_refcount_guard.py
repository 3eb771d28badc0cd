"""Many Qt calls in one session must not abort the interpreter (PySide6 6.12, Python 3.11)."""

import sys

from PySide6.QtWidgets import QWidget

import evalir_desktop.ui  # noqa: F401  (installs the guard)


def test_a_long_session_of_qt_calls_keeps_none_alive(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for index in range(50_000):  # more calls than None has references on Python 3.11
        widget.setEnabled(index % 2 == 1)
        widget.setToolTip("")
    assert sys.getrefcount(None) > 0
    assert widget.isEnabled()
    assert before > 50_000 or sys.version_info >= (3, 12)
