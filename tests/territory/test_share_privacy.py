"""The copy sent to the intercommunality: built away from its medium, no erased value."""

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.answers import Answer
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store, StoreError
from evalir_desktop.store.share_copy import ShareCopy
from tests.media import fill, small_disk

ERASED = ["Commentaire effacé par l'agent", "Ancien Contact Effacé", "Propriétaire Supprimé"]


def test_the_destination_never_holds_an_unfinished_copy(town, folder, monkeypatch):
    """Issue 11, point 1: while the copy is built, the USB key holds nothing of it."""
    key = folder / "clé USB"
    key.mkdir()
    leftover = key / ".42087-Ecotay-l-Olme-2026-01-01.evalir.0a1b2c3d.tmp"
    leftover.write_bytes(b"copie complete non anonymisee d'un partage tue")
    seen_during_build = []
    real = ShareCopy.anonymise

    def watch(copy, scrub, owner):
        seen_during_build.append(sorted(p.name for p in key.iterdir()))
        real(copy, scrub, owner)

    monkeypatch.setattr(ShareCopy, "anonymise", watch)
    with Store.open(town["path"], readonly=True) as store:
        result = share(store, key, anonymise=True)
    assert seen_during_build == [[]]  # the earlier leftover is gone, nothing new is there
    assert [p.name for p in key.iterdir()] == [result.path.name]


def test_a_plain_share_carries_no_erased_value(town, folder):
    """Issue 11, point 2: erased or replaced values never travel, even without --anonymiser."""
    with Store.open(town["path"]) as store:
        store.answers.save(
            town["chatbot"], "contexte.usagers", Answer(value="oui", comment=ERASED[0])
        )
        store.answers.save(town["chatbot"], "contexte.usagers", Answer(value="oui"))
        commune = store.town.commune()
        store.town.save_commune(commune.model_copy(update={"contact_nom": ERASED[1]}))
        store.town.save_commune(commune)
        action = store.plan.add_action(town["chatbot"], "Vérifier", owner=ERASED[2])
        store.plan.delete_action(action)
        result = share(store, folder / "copie.evalir")
    data = result.path.read_bytes()
    for value in ERASED:
        assert value.encode("utf-8") not in data, value
    with Store.open(result.path, readonly=True) as copy:
        assert copy.history.entries()  # who changed what and when is kept
        assert all(entry.change == "{}" for entry in copy.history.entries())


def test_sharing_onto_a_full_medium_says_so_in_french(town, tmp_path, capsys):
    """Issue 11, point 6: `evalir share` onto a full key: a French message, no traceback."""
    with small_disk(tmp_path / "clé pleine", kilobytes=64) as key:
        fill(key)
        code = evalir(["share", str(town["path"]), "-o", str(key)])
        err = capsys.readouterr().err
        assert code == 2
        assert "le disque est plein" in err
        assert "Traceback" not in err
        assert sorted(p.name for p in key.iterdir()) == ["remplissage.bin"]


def test_share_refuses_in_french_through_the_api_too(town, tmp_path):
    with small_disk(tmp_path / "clé", kilobytes=64) as key:
        fill(key)
        with Store.open(town["path"], readonly=True) as store, pytest.raises(StoreError) as error:
            share(store, key / "copie.evalir")
        assert "plein" in str(error.value)
