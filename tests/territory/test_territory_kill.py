"""An import killed at random moments leaves a sound territory file with whole sources."""

import random
import subprocess
import sys
import time

import pytest

from evalir_desktop.store import Store
from evalir_desktop.territory.importing import open_territory
from tests.sql import query, scalar
from tests.synthetic import generate_towns

pytestmark = pytest.mark.slow  # the quick run is `pytest -m "not slow"`; CI runs all

KILLS = 20


@pytest.fixture(scope="module")
def towns(tmp_path_factory):
    """Forty town files, with the assessment ids and answer count of each."""
    folder = tmp_path_factory.mktemp("communes à tuer")
    expected = {}
    for path in generate_towns(folder, 40, assessments=3, seed=7):
        with Store.open(path, readonly=True) as store:
            ids = {a.id for a in store.assessments.all()}
            answers = sum(len(store.answers.of(i)) for i in ids)
        expected[path.name] = (ids, answers)
    return folder, expected


def run(folder, territory) -> subprocess.Popen:
    """Import `folder` into a territory that already knows its intercommunality, so that
    files are merged as they are read (a first import reads every file before merging)."""
    with open_territory(territory) as store:
        store.territory.record_epci("200065886", "Communauté de communes des Monts du Forez")
    command = [sys.executable, "-m", "evalir_desktop.cli", "consolidate", str(folder)]
    return subprocess.Popen(
        [*command, "-o", str(territory)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )


def done_files(output: str, expected: dict) -> list[str]:
    """Files the command reported as finished (each line is printed after its commit)."""
    names = [line.split(" — ")[0] for line in output.splitlines()]
    return [name for name in names if name in expected]


def check(territory, expected: dict, printed: list[str]) -> int:
    order = sorted(expected)
    if not territory.exists():
        assert printed == []
        return 0
    with open_territory(territory) as store:  # rolls back the interrupted file, as the window will
        assert store.integrity_ok()
    sources = [
        row[0] for row in query(territory, "SELECT file_name FROM source ORDER BY imported_at")
    ]
    held = {row[0] for row in query(territory, "SELECT id FROM assessment")}
    answers = scalar(territory, "SELECT count(*) FROM answer")
    assert sources == order[: len(sources)]
    assert printed == order[: len(printed)]
    assert len(printed) <= len(sources) <= len(printed) + 1
    assert held == set().union(*(expected[name][0] for name in sources))
    assert answers == sum(expected[name][1] for name in sources)
    return len(sources)


def test_import_killed_at_random_moments(towns, tmp_path):
    folder, expected = towns
    started = time.perf_counter()
    full = run(folder, tmp_path / "complet.evalir")
    output, _ = full.communicate(timeout=120)
    duration = time.perf_counter() - started
    assert check(tmp_path / "complet.evalir", expected, done_files(output, expected)) == len(
        expected
    )

    rng = random.Random(2026)
    partial = 0
    for attempt in range(KILLS):
        territory = tmp_path / f"territoire tué {attempt}.evalir"
        process = run(folder, territory)
        time.sleep(rng.uniform(0.05, duration))
        process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        output, _ = process.communicate(timeout=60)
        count = check(territory, expected, done_files(output, expected))
        partial += 0 < count < len(expected)
    assert partial >= KILLS // 4, "too few kills landed in the middle of the import"
