"""Issue 21, P2: a killed share left a non-anonymised copy in the temporary folder. The
copy is now built in memory and written once finished, anonymised, under a hidden name
beside its destination: no other file is ever opened on disk while sharing."""

import sqlite3
import tempfile
from pathlib import Path

from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store
from evalir_desktop.store.file.snapshot import PREFIX
from tests.territory.territory_helpers import make_town


def test_a_share_opens_no_file_on_disk_but_its_hidden_twin_beside_the_destination(
    tmp_path, monkeypatch
):
    town = make_town(tmp_path / "Écotay.evalir")
    destination = tmp_path / "clé USB" / "copie.evalir"
    destination.parent.mkdir()
    with Store.open(town["path"], readonly=True) as store:
        opened: list[str] = []
        real = sqlite3.connect

        def watch(database, *args, **kwargs):
            opened.append(str(database))
            return real(database, *args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", watch)
        share(store, destination, anonymise=True)
        monkeypatch.setattr(sqlite3, "connect", real)
    on_disk = [Path(name) for name in opened if name != ":memory:"]
    assert on_disk, opened
    for path in on_disk:  # the hidden temporary twin, renamed onto the destination
        assert path.parent == destination.parent, path
        assert path.name.startswith(f".{destination.name}.") and path.suffix == ".tmp", path


def test_opening_a_file_removes_the_private_copies_of_killed_runs(tmp_path):
    stale = Path(tempfile.gettempdir()) / f"{PREFIX}999999998-partage"
    stale.mkdir(exist_ok=True)
    (stale / "copie.evalir").write_bytes(b"copie privee d'un partage tue")
    town = make_town(tmp_path / "Écotay.evalir")
    with Store.open(town["path"]):
        assert not stale.exists()
