"""Files we did not write are never changed, and only a real hot journal means « interrupted »."""

import hashlib
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.answers import Answer
from evalir_desktop.store import Store
from evalir_desktop.store.file.inspection import journal_path
from evalir_desktop.store.file.opening import FOREIGN_FORMAT_MESSAGE, READONLY_MEDIUM_MESSAGE
from evalir_desktop.store.file.snapshot import PREFIX
from evalir_desktop.territory.importing import consolidate, open_territory
from tests.media import make_readonly, small_disk
from tests.store.bad_files import make_town_file


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def wal_town_file(folder: Path) -> Path:
    """A town file in WAL mode whose last answer is still only in its `-wal` file."""
    source = make_town_file(folder / "source.evalir", answers=5)
    conn = sqlite3.connect(source, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE answer SET value = '\"dans le wal\"' WHERE question_id = 'q.0'")
    target = folder / "reçu en WAL.evalir"
    shutil.copy(source, target)
    shutil.copy(f"{source}-wal", f"{target}-wal")
    conn.close()
    source.unlink()
    return target


def zeroed_journal(path: Path) -> Path:
    """A journal as a persistent journal or a kill before its header leaves it: zeros."""
    journal_path(path).write_bytes(b"\0" * 4096)
    return path


@pytest.mark.parametrize(
    "command",
    [["check"], ["info"], ["info", "--json"], ["export", "--format", "reponses-csv", "-o"]],
)
def test_a_wal_file_is_read_without_being_written(tmp_path, command, capsys):
    """Issue 11, point 11: opening, checking or exporting a foreign file never writes it."""
    received = tmp_path / "reçu"
    received.mkdir()
    path = wal_town_file(received)
    before = fingerprint(received)
    extra = [str(tmp_path / "sortie.csv")] if command[-1] == "-o" else []
    code = evalir([command[0], str(path), *command[1:], *extra])
    assert code == 0, capsys.readouterr().err
    assert fingerprint(received) == before  # no byte changed, no -shm, no journal


def test_opening_a_wal_file_in_the_window_shows_it_read_only(tmp_path):
    received = tmp_path / "reçu"
    received.mkdir()
    path = wal_town_file(received)
    before = fingerprint(received)
    with Store.open(path) as store:
        assert store.readonly_reason == FOREIGN_FORMAT_MESSAGE
        record = store.assessments.all()[0]
        assert store.answers.of(record.id)["q.0"] == Answer(value="dans le wal", comment="é" * 50)
        copy = store.save_copy_as(tmp_path / "ma copie.evalir")
    assert fingerprint(received) == before
    with Store.open(copy) as editable:
        assert not editable.readonly


def test_importing_a_wal_file_leaves_it_untouched(tmp_path):
    received = tmp_path / "reçu"
    received.mkdir()
    path = wal_town_file(received)
    before = fingerprint(received)
    report = consolidate(tmp_path / "territoire.evalir", [path])
    assert [f.status for f in report.files] == ["imported"]
    assert fingerprint(received) == before


def test_a_zeroed_journal_is_not_an_interrupted_write(tmp_path, capsys):
    """Issue 11, point 5: SQLite ignores a journal whose header is zero, and so do we."""
    path = zeroed_journal(make_town_file(tmp_path / "sain.evalir"))
    out = str(tmp_path / "sortie.csv")
    for command in (["check"], ["info"], ["export", "--format", "reponses-csv", "-o", out]):
        assert evalir([command[0], str(path), *command[1:]]) == 0
        assert "interrompu" not in capsys.readouterr().out
    report = consolidate(tmp_path / "territoire.evalir", [path])
    assert [f.status for f in report.files] == ["imported"], report.files[0].reason


def test_a_territory_left_with_a_zeroed_journal_is_still_a_territory(tmp_path):
    territory = tmp_path / "territoire.evalir"
    consolidate(territory, [make_town_file(tmp_path / "commune.evalir", answers=5)])
    zeroed_journal(territory)
    with open_territory(territory) as store:
        assert store.role == "territory"
    assert evalir(["check", str(territory)]) == 0


def test_a_file_on_a_read_only_medium_opens_read_only(tmp_path):
    """Issue 11, point 7: a CD or a protected key opens read-only; a copy can be saved."""
    with small_disk(tmp_path / "clé") as key:
        path = make_town_file(key / "commune.evalir", answers=5)
        make_readonly(key)
        before = fingerprint(key)
        with Store.open(path) as store:
            assert store.readonly_reason == READONLY_MEDIUM_MESSAGE
            record = store.assessments.all()[0]
            assert len(store.answers.of(record.id)) == 5
            copy = store.save_copy_as(tmp_path / "copie modifiable.evalir")
        assert fingerprint(key) == before
    with Store.open(copy) as editable:
        assert not editable.readonly
        editable.answers.save(record.id, "q.neuve", Answer(value="oui"))


def test_leftovers_of_killed_runs_are_removed_at_the_next_run(tmp_path):
    """Issue 11, point 8: temporary files of killed consolidations and copies go away."""
    territory = tmp_path / "territoire.evalir"
    town = make_town_file(tmp_path / "commune.evalir", answers=5)
    consolidate(territory, [town])
    beside = tmp_path / ".territoire.evalir.0a1b2c3d.tmp"
    beside.write_bytes(b"copie interrompue")
    stale = Path(tempfile.gettempdir()) / f"{PREFIX}999999999-abc"
    stale.mkdir(exist_ok=True)
    (stale / "commune.evalir").write_bytes(b"copie privee d'un import tue")
    town.write_bytes(town.read_bytes())  # the same file again: nothing to merge
    consolidate(territory, [town])
    assert not beside.exists()
    assert not stale.exists()
