"""An assessment a town no longer sends can be set aside by the officer (confirmation in the
window, journal in the file); one the town moved to its trash and restored comes back at
the next import, because a restore dates it anew."""

import pytest

from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store, StoreError
from evalir_desktop.territory.importing import consolidate, open_territory
from evalir_desktop.territory.overview import territory_view
from tests.factories import make_commune


@pytest.fixture
def town(tmp_path):
    path = tmp_path / "commune.evalir"
    with Store.create(path) as store:
        store.town.save_commune(make_commune(nom="Cherier", insee="42059"))
        kept = store.assessments.create("Chatbot", content_id="c", content_version="v")
        trashed = store.assessments.create("Caméras", content_id="c", content_version="v")
    return {"path": path, "kept": kept.id, "trashed": trashed.id, "folder": tmp_path}


def send(town, name: str):
    """The town shares its file; the territory imports the copy."""
    with Store.open(town["path"]) as store:
        copy = share(store, town["folder"] / f"{name}.evalir").path
    report = consolidate(town["folder"] / "territoire.evalir", [copy])
    return report.files[0]


def territory(town):
    with open_territory(town["folder"] / "territoire.evalir") as store:
        return territory_view(store), store.history.entries(limit=50)


def test_trash_then_restore_is_seen_by_the_territory(town):
    send(town, "1")
    with Store.open(town["path"]) as store:
        before = store.assessments.get(town["trashed"]).updated_at
        store.assessments.delete(town["trashed"])
        store.assessments.restore(town["trashed"])
        assert store.assessments.get(town["trashed"]).updated_at > before
    item = send(town, "2")
    assert [ref.id for ref in item.updated] == [town["trashed"]]


def test_an_absent_assessment_is_listed_then_set_aside_with_history(town):
    send(town, "1")
    with Store.open(town["path"]) as store:
        store.assessments.delete(town["trashed"])
    item = send(town, "2")
    assert [ref.title for ref in item.removed_from_source] == ["Caméras"]
    assert "1 absente de ce fichier" in item.summary()
    view, _ = territory(town)
    assert [(a.title, a.commune) for a in view.absent] == [("Caméras", "Cherier")]
    assert view.absent[0].file_name == "2.evalir"
    with open_territory(town["folder"] / "territoire.evalir") as store:
        store.absences.set_aside(town["trashed"])
        with pytest.raises(StoreError, match="n'a pas été retirée"):
            store.absences.set_aside(town["kept"])
    view, history = territory(town)
    assert [row.title for row in view.rows] == ["Chatbot"] and view.absent == []
    assert any(
        entry.entity_id == town["trashed"] and "removed_from_territory" in entry.change
        for entry in history
    )
    again = send(town, "3")  # still in the town's trash: not reported again
    assert again.removed_from_source == []


def test_a_set_aside_assessment_comes_back_once_restored_not_before(town):
    send(town, "1")
    with Store.open(town["path"]) as store:
        store.assessments.delete(town["trashed"])
        copy_without = share(store, town["folder"] / "2.evalir").path
        store.assessments.restore(town["trashed"])
    with Store.open(town["path"]) as store:
        store.assessments.delete(town["trashed"])
    consolidate(town["folder"] / "territoire.evalir", [copy_without])
    with open_territory(town["folder"] / "territoire.evalir") as store:
        store.absences.set_aside(town["trashed"])
    stale = consolidate(town["folder"] / "territoire.evalir", [town["folder"] / "1.evalir"])
    assert stale.files[0].status == "unchanged"  # the first copy: already imported
    with Store.open(town["path"]) as store:
        store.assessments.restore(town["trashed"])
    item = send(town, "4")
    assert [ref.title for ref in item.returned] == ["Caméras"]
    assert "retirée du territoire puis revenue" in item.summary()
    view, _ = territory(town)
    assert sorted(row.title for row in view.rows) == ["Caméras", "Chatbot"]


def test_a_set_aside_assessment_sent_unchanged_stays_aside(town, tmp_path):
    send(town, "1")
    older = town["folder"] / "ancienne copie.evalir"
    with Store.open(town["path"]) as store:
        share(store, older)
        store.assessments.delete(town["trashed"])
    send(town, "2")
    with open_territory(town["folder"] / "territoire.evalir") as store:
        store.absences.set_aside(town["trashed"])
    item = consolidate(town["folder"] / "territoire.evalir", [older]).files[0]
    assert [ref.title for ref in item.still_removed] == ["Caméras"]
    assert item.status != "conflict"
    view, _ = territory(town)
    assert [row.title for row in view.rows] == ["Chatbot"]
