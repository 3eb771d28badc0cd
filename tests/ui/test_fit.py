"""Every window, page and dialog fits the small screens of town halls, at 100 % and 125 %."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QWidget

from tests.ui.fit_check import window_problems

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {
    "1024×700 à 100 %": (1024, 700, "1"),
    "1366×728 à 125 %": (1366, 728, "1.25"),
}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.slow
def test_every_window_fits_the_screen(tmp_path, screen):
    width, height, scale = SCREENS[screen]
    config = tmp_path / "ecran.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "ecran",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                    }
                ]
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "QT_LOGGING_RULES": "qt.qpa.*=false",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.fit_driver"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(report["checked"]) >= 35  # every page, dialog and territory tab was opened
    assert report["problems"] == []


def test_the_check_sees_a_cut_choice_and_a_widget_off_the_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    combo = QComboBox()
    combo.addItem("Oui, mutualisé (intercommunalité, centre de gestion…)")
    combo.setFixedWidth(80)
    row.addWidget(combo)
    window.resize(300, 100)
    window.show()
    stray = QLabel("hors de la fenêtre", window)
    stray.move(400, 10)
    stray.show()
    scroll = QScrollArea(window)
    scroll.setWidget(QLabel("x" * 400))
    scroll.resize(100, 80)
    scroll.show()
    problems = window_problems(window)
    assert any("QComboBox" in problem and "cut" in problem for problem in problems)
    assert any("hors de la fenêtre" in problem and "outside" in problem for problem in problems)
    assert any("scrolls sideways" in problem for problem in problems)
