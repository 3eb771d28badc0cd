"""Bad files are refused with a French reason and never modified."""

import hashlib

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.store import FileRefused, Store
from tests.store.bad_files import REFUSED


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_check_refuses_and_leaves_file_untouched(kind, tmp_path, capsys):
    build, reason = REFUSED[kind]
    path = build(tmp_path / "reçu de la mairie.evalir")
    before = digest(path)
    assert evalir(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert reason in err
    assert "Traceback" not in err
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("kind", sorted(set(REFUSED) - {"version_future"}))
def test_store_refuses_to_open_for_writing(kind, tmp_path):
    build, reason = REFUSED[kind]
    path = build(tmp_path / "f.evalir")
    before = digest(path)
    with pytest.raises(FileRefused, match=reason):
        Store.open(path)
    assert digest(path) == before


def test_future_version_opens_readonly(tmp_path):
    build, _ = REFUSED["version_future"]
    path = build(tmp_path / "f.evalir")
    before = digest(path)
    with Store.open(path) as store:
        assert store.readonly
        assert "version plus récente" in store.readonly_reason
        assert store.town.commune().nom == "Bourg-Saint-Andéol"
    assert digest(path) == before


def test_missing_file_is_explained(tmp_path, capsys):
    assert evalir(["check", str(tmp_path / "absent.evalir")]) == 2
    assert "n'existe pas" in capsys.readouterr().err


def test_directory_is_refused(tmp_path, capsys):
    folder = tmp_path / "dossier.evalir"
    folder.mkdir()
    assert evalir(["check", str(folder)]) == 2
    assert "dossier" in capsys.readouterr().err
