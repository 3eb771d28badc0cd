"""Issue 11, point 12: each town file has an identity, kept in every share and checked by
the territory together with the INSEE code."""

import shutil
from pathlib import Path

from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store
from evalir_desktop.territory.importing import consolidate

FIXTURES = Path(__file__).parents[1] / "fixtures"
V1_TOWN_ID = "ea80bad1-d6d2-4a5a-a3b1-22210e240324"  # meta.file_id of schema-v1.evalir


def territory_town_ids(path: Path) -> dict[str, str]:
    with Store.open(path, readonly=True) as store:
        return {row.insee: row.town_id for row in store.territory.commune_rows()}


def test_a_share_carries_the_town_id(town, folder):
    with Store.open(town["path"], readonly=True) as store:
        town_id = store.town.town_id()
        copy = share(store, folder / "copie.evalir", anonymise=True).path
    assert town_id
    with Store.open(copy, readonly=True) as shared:
        assert shared.town.town_id() == town_id


def test_the_territory_remembers_the_town_id(town, folder):
    territory = folder / "territoire.evalir"
    with Store.open(town["path"], readonly=True) as store:
        town_id = store.town.town_id()
        consolidate(territory, [share(store, folder / "copie.evalir").path])
    assert territory_town_ids(territory) == {"42087": town_id}


def test_a_file_older_than_the_identity_is_known_by_its_file_id(folder):
    """A v1 town file (sent as is, not migrated) is the same town as its migrated self."""
    territory = folder / "territoire.evalir"
    old = folder / "ancien format.evalir"
    shutil.copy(FIXTURES / "schema-v1.evalir", old)
    (item,) = consolidate(territory, [old]).files
    assert item.status == "imported"
    assert territory_town_ids(territory) == {"64483": V1_TOWN_ID}


def test_a_territory_learns_the_id_of_a_town_it_knew_by_insee_code(folder):
    """A territory of v1 knew towns by INSEE code only: the town's next share (its file
    migrated meanwhile) is accepted by INSEE code, and its id remembered."""
    territory = folder / "territoire.evalir"
    shutil.copy(FIXTURES / "territoire-v1.evalir", territory)
    town = folder / "mairie.evalir"
    shutil.copy(FIXTURES / "schema-v1.evalir", town)
    with Store.open(town) as store:  # migrated: its file id becomes its town id
        assert store.town.town_id() == V1_TOWN_ID
        copy = share(store, folder / "copie.evalir").path
    assert territory_town_ids(territory) == {"64483": ""}  # known by INSEE code only
    (item,) = consolidate(territory, [copy]).files
    assert item.status in ("imported", "unchanged"), item.reason
    assert territory_town_ids(territory) == {"64483": V1_TOWN_ID}
