"""Tab labels keep the accents of their capitals (« À venir » never reads « A venir »).

Run in a child process: the program changes the application's style, which the other
tests must not inherit.
"""

import os
import subprocess
import sys

CHILD = """
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from evalir_desktop.ui.widgets.accent_room import (
    make_room_for_accents, tab_text_room, tallest_letters_height,
)
app = QApplication([])
needed = tallest_letters_height(QFontMetrics(app.font()))
before = tab_text_room(app.style())
make_room_for_accents(app)
print(needed, before, tab_text_room(app.style()))
"""


def test_tab_labels_have_room_for_accented_capitals():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    needed, before, after = (int(n) for n in result.stdout.split())
    assert after >= needed
    if before >= needed:
        assert after == before  # labels that fit are left as the style draws them
