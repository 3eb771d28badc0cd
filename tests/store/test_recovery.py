"""A write cut off mid-transaction (crash, power cut) is rolled back when reopened."""

import shutil
import sqlite3

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.store import Store
from evalir_desktop.store.file.inspection import journal_path
from tests.store.bad_files import make_town_file


def crash_snapshot(source, target):
    """Copy the file and its journal in the middle of a large write, as a crash leaves them."""
    conn = sqlite3.connect(source, isolation_level=None)
    conn.execute("PRAGMA cache_size = 2")  # spill changed pages into the file before commit
    conn.execute("BEGIN")
    commune_id = conn.execute("SELECT id FROM commune").fetchone()[0]
    for index in range(300):
        conn.execute(
            "INSERT INTO assessment (id, commune_id, title, content_id, content_version, "
            "created_at, updated_at) VALUES (?, ?, ?, 'c', '1', 'x', 'x')",
            (f"crash-{index}", commune_id, "é" * 500),
        )
    shutil.copy(source, target)
    shutil.copy(journal_path(source), journal_path(target))
    conn.execute("ROLLBACK")
    conn.close()
    return target


@pytest.fixture
def interrupted(tmp_path):
    source = make_town_file(tmp_path / "source.evalir")
    snapshot = crash_snapshot(source, tmp_path / "coupure de courant.evalir")
    assert journal_path(snapshot).stat().st_size > 0
    assert snapshot.stat().st_size != source.stat().st_size  # the file really changed
    return snapshot


def test_reopening_rolls_back_the_interrupted_write(interrupted):
    with Store.open(interrupted) as store:
        assert not store.readonly
        assert store.integrity_ok()
        assert [record.title for record in store.assessments.all()] == ["Tri du courrier"]
    assert not journal_path(interrupted).exists()


def test_check_explains_and_does_not_touch_an_interrupted_file(interrupted, capsys):
    """Issue 11, point 5: SQLite reads the last complete state, so check does not refuse."""
    before = interrupted.read_bytes()
    journal = journal_path(interrupted).read_bytes()
    assert evalir(["check", str(interrupted)]) == 0
    out = capsys.readouterr().out
    assert "interrompu pendant un enregistrement" in out
    assert "Évaluations : 1" in out
    assert interrupted.read_bytes() == before
    assert journal_path(interrupted).read_bytes() == journal
