"""Killing a writer at random moments loses no committed answer and never corrupts."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from evalir_desktop.store import Store
from tests.store.kill_writer import QUESTIONS

pytestmark = pytest.mark.slow  # the quick run is `pytest -m "not slow"`; CI runs all

KILLS = 200 if os.environ.get("EVALIR_LONG_TESTS") == "1" else 50  # CI keeps 50
ROOT = Path(__file__).resolve().parents[2]


def run_and_kill(path: Path, assessment_id: str, start: int, delay: float) -> list[int]:
    """Start a writer, kill -9 it `delay` seconds after it is ready, return its acks."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.store.kill_writer", str(path), assessment_id, str(start)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:
            lines.append(line.strip())
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "writer did not start"
    time.sleep(delay)
    process.send_signal(signal.SIGKILL if os.name != "nt" else signal.SIGTERM)
    process.wait()
    reader.join(5)
    return [int(line) for line in lines if line.isdigit()]


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is a POSIX signal")
def test_random_kills_lose_no_committed_answer(tmp_path, commune):
    path = tmp_path / "Mairie de Saint-Étienne" / "tué au hasard.evalir"
    with Store.open(path, create=True) as store:
        store.town.save_commune(commune)
        assessment_id = store.assessments.create("Chatbot", content_id="c", content_version="1").id
    rng = random.Random(20261125)
    expected: dict[str, int] = {}
    start = 0
    total_acked = 0
    for _ in range(KILLS):
        acked = run_and_kill(path, assessment_id, start, rng.uniform(0.0, 0.15))
        for counter in acked:
            expected[f"q.{counter % QUESTIONS}"] = counter
        total_acked += len(acked)
        with Store.open(path) as store:
            assert not store.readonly
            assert store.integrity_ok()
            stored = {qid: answer.value for qid, answer in store.answers.of(assessment_id).items()}
        # every acknowledged answer is there; at most the one in flight went further
        in_flight = (acked[-1] + 1) if acked else start
        for question_id, counter in expected.items():
            assert stored[question_id] in (counter, in_flight), question_id
        start = max(stored.values(), default=start - 1) + 1
        for question_id, value in stored.items():
            expected[question_id] = value
    assert total_acked > KILLS  # the writers really wrote between kills
