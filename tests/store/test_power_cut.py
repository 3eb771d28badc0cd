"""A power cut right after « Enregistré » keeps the acknowledged answer (fault injection).

The shim in `shims/power_cut.c` makes the deletion of the journal non-durable until the
folder is synced, as a disk cache would after a power cut; the writer is then killed
right after acknowledging its save, and the file is reopened.
"""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from evalir_desktop.domain.answers import Answer
from evalir_desktop.store import Store

pytestmark = pytest.mark.slow  # the quick run is `pytest -m "not slow"`; CI runs all

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TRIALS = 5
WRITER = """
import sys, time
from evalir_desktop.domain.answers import Answer
from evalir_desktop.store import Store
store = Store.open(sys.argv[1])
store.answers.save(sys.argv[2], "q.derniere", Answer(value=sys.argv[3]))
print("enregistré", flush=True)
time.sleep(60)
"""


@pytest.fixture(scope="module")
def shim(tmp_path_factory) -> Path:
    if sys.platform != "linux":
        pytest.skip("the power-cut shim is an LD_PRELOAD library: Linux only")
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler (cc or gcc) to build the power-cut shim")
    library = tmp_path_factory.mktemp("shim") / "power_cut.so"
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-o", str(library), str(HERE / "shims" / "power_cut.c")]
        + ["-ldl"],
        check=True,
        capture_output=True,
    )
    return library


def save_then_cut_power(shim: Path, path: Path, assessment_id: str, value: str) -> None:
    env = {**os.environ, "LD_PRELOAD": str(shim)}
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), assessment_id, value],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert process.stdout.readline().strip() == "enregistré"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


def test_an_acknowledged_save_survives_a_power_cut(shim, tmp_path, commune):
    path = tmp_path / "coupure.evalir"
    with Store.open(path, create=True) as store:
        store.town.save_commune(commune)
        assessment_id = store.assessments.create("Chatbot", content_id="c", content_version="1").id
    for trial in range(TRIALS):
        save_then_cut_power(shim, path, assessment_id, f"réponse {trial}")
        with Store.open(path) as store:
            assert store.answers.of(assessment_id)["q.derniere"] == Answer(value=f"réponse {trial}")
