"""Killing the window (kill -9) while the agent answers loses no answer it saw saved."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from evalir_desktop.content import load_content
from evalir_desktop.session.starting import start_assessment
from evalir_desktop.store import Store
from tests.ui.kill_gui_driver import action, plan

pytestmark = pytest.mark.slow  # the quick run is `pytest -m "not slow"`; CI runs all

ROOT = Path(__file__).resolve().parents[2]
KILLS = 4


def run_and_kill(path: Path, assessment_id: str, start: int, delay: float) -> list[tuple]:
    home = path.parent / "home"  # the driver's settings (recent files) stay in the test area
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.kill_gui_driver", str(path), assessment_id, str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:
            lines.append(line.split())
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(60), "the window did not start"
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join(5)
    return [(int(n), qid, option) for n, qid, option in (x for x in lines if len(x) == 3)]


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is a POSIX signal")
def test_kill_during_answering_keeps_every_answer_shown_saved(tmp_path, commune):
    path = tmp_path / "Mairie de Saint-Étienne" / "tué en répondant.evalir"
    content = load_content()
    with Store.open(path, create=True) as store:
        store.town.save_commune(commune)
        record = start_assessment(store, content, "Agent conversationnel")
    questions = plan()
    rng = random.Random(20261125)
    expected: dict[str, str] = {}
    start = 0
    acknowledged = 0
    for _ in range(KILLS):
        acks = run_and_kill(path, record.id, start, rng.uniform(0.5, 2.0))
        acknowledged += len(acks)
        for _n, question_id, option_id in acks:
            expected[question_id] = option_id
        last = acks[-1][0] if acks else start - 1
        in_flight = action(last + 1, questions)
        with Store.open(path) as store:
            assert not store.readonly
            assert store.integrity_ok()
            stored = {qid: answer.value for qid, answer in store.answers.of(record.id).items()}
        for question_id, option_id in expected.items():
            assert stored[question_id] == option_id or (
                (question_id, stored[question_id]) == in_flight
            ), question_id
        expected.update({qid: stored[qid] for qid in expected})
        start = last + 2
    assert acknowledged > KILLS  # the window really answered between kills
