"""Issue 11, point 12: one town cannot overwrite another in the territory.

A file whose identity conflicts with what the territory holds for its INSEE code is not
merged but reported as a conflict (both sides summarised) that the officer resolves;
dates in the future beyond a few minutes are refused with the reason; a genuine newer
re-send is never silently dropped.
"""

import shutil
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store
from evalir_desktop.territory.conflicts import conflict_text, resolve_conflict
from evalir_desktop.territory.importing import consolidate
from tests.territory.territory_helpers import CONTACT, make_town
from tests.territory.test_territory_import import dump

FORGED_CONTACT = "Contact Usurpé"


def shared(town: dict, out):
    with Store.open(town["path"], readonly=True) as store:
        return share(store, out).path


def altered(source, path, *statements):
    """A copy of `source` changed with plain SQL, as a hand-made file could be."""
    shutil.copyfile(source, path)
    conn = sqlite3.connect(path)
    with conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()
    return path


def later(**delta) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat(timespec="microseconds")


def forged_from(copy, path, *, town_id: str | None = None, ahead=timedelta(minutes=2)):
    """A's own shared copy, its contact replaced and its dates moved ahead."""
    stamp = (datetime.now(UTC) + ahead).isoformat(timespec="microseconds")
    statements = [
        ("UPDATE commune SET contact_nom = ?, updated_at = ?", (FORGED_CONTACT, stamp)),
        ("UPDATE assessment SET title = title || ' (falsifiée)', updated_at = ?", (stamp,)),
    ]
    if town_id is not None:
        statements.append(("UPDATE commune SET town_id = ?", (town_id,)))
    return altered(copy, path, *statements)


def territory_contact(territory) -> str:
    with Store.open(territory, readonly=True) as store:
        (row,) = store.territory.commune_rows()
        return row.contact_nom


@pytest.fixture
def territory(town, folder):
    """A territory that imported town A's first share."""
    path = folder / "territoire.evalir"
    (item,) = consolidate(path, [shared(town, folder / "42087-A-1.evalir")]).files
    assert item.status == "imported"
    return path


def test_another_file_with_the_same_insee_code_is_a_conflict_not_a_merge(territory, folder):
    other = make_town(folder / "autre fichier.evalir")  # a new file made with A's INSEE code
    before = dump(territory)
    (item,) = consolidate(territory, [shared(other, folder / "42087-B.evalir")]).files
    assert item.status == "conflict"
    assert "ne vient pas du même fichier de commune" in item.reason
    assert dump(territory) == before  # nothing merged, nothing recorded
    details = item.conflict
    assert details.current.file_name == "42087-A-1.evalir"
    assert details.incoming.file_name == "42087-B.evalir"
    assert details.current.town_id != details.incoming.town_id
    assert len(details.current.assessments) == len(details.incoming.assessments) == 2
    text = conflict_text(item)
    assert "Ce que le territoire contient" in text and "Ce que contient le fichier reçu" in text
    assert "42087-A-1.evalir" in text and "42087-B.evalir" in text and "importé le" in text


def test_dates_in_the_future_beyond_a_few_minutes_are_refused_with_the_reason(town, folder):
    territory = folder / "territoire.evalir"
    copy = shared(town, folder / "copie.evalir")
    ahead = altered(
        copy,
        folder / "en avance.evalir",
        ("UPDATE assessment SET updated_at = ?", (later(hours=3),)),
    )
    (item,) = consolidate(territory, [ahead]).files
    assert item.status == "refused"
    assert "dans le futur" in item.reason and "horloge" in item.reason
    assert "Caméras" in item.reason or "Agent conversationnel" in item.reason  # names it
    answer = altered(
        copy,
        folder / "réponse en avance.evalir",
        ("UPDATE answer SET updated_at = ?", (later(hours=1),)),
    )
    assert consolidate(territory, [answer]).files[0].status == "refused"
    drift = altered(
        copy,
        folder / "horloge décalée.evalir",
        ("UPDATE assessment SET updated_at = ?", (later(minutes=2),)),
    )
    assert consolidate(territory, [drift]).files[0].status == "imported"


def test_a_forged_file_cannot_take_the_town_nor_drop_its_genuine_resend(town, folder):
    """The issue's case: a file made from A's own share, carrying A's INSEE code and
    assessments, but not A's town file; accepted first, A's genuine re-send is a
    conflict (never dropped as « older ») and replacing restores A."""
    territory = folder / "territoire.evalir"
    copy = shared(town, folder / "copie de A.evalir")
    forged = forged_from(copy, folder / "falsifié.evalir", town_id=str(uuid.uuid4()))
    assert consolidate(territory, [forged]).files[0].status == "imported"  # nothing to compare
    genuine = shared(town, folder / "42087-A-2.evalir")
    (item,) = consolidate(territory, [genuine]).files
    assert item.status == "conflict"
    assert item.conflict.incoming.contact == CONTACT
    assert item.conflict.current.contact == FORGED_CONTACT
    replaced = resolve_conflict(territory, item, "replace")
    assert replaced.status == "imported"
    assert territory_contact(territory) == CONTACT
    with Store.open(territory, readonly=True) as store, Store.open(town["path"]) as own:
        assert {r.title for r in store.assessments.all()} == {
            r.title for r in own.assessments.all()
        }
        assert store.territory.commune_rows()[0].town_id == own.town.town_id()


def test_a_forged_file_with_the_towns_id_is_refused_beyond_a_few_minutes(town, territory, folder):
    copy = shared(town, folder / "copie de A.evalir")
    forged = forged_from(copy, folder / "falsifié.evalir", ahead=timedelta(hours=5))
    (item,) = consolidate(territory, [forged]).files
    assert item.status == "refused" and "dans le futur" in item.reason
    assert territory_contact(territory) == CONTACT


def test_a_newer_resend_holding_older_data_is_a_conflict(town, territory, folder):
    """Same identity, dates within the tolerance: the forged copy is merged, but A's own
    re-send, made after it, is not silently kept out as « older »: it is a conflict."""
    copy = shared(town, folder / "copie de A.evalir")
    forged = forged_from(copy, folder / "falsifié.evalir", ahead=timedelta(minutes=4))
    assert consolidate(territory, [forged]).files[0].status == "imported"
    resend = shared(town, folder / "42087-A-2.evalir")
    (item,) = consolidate(territory, [resend]).files
    assert item.status == "conflict"
    assert "préparé le" in item.reason and "plus anciennes" in item.reason
    assert resolve_conflict(territory, item, "replace").status == "imported"
    assert territory_contact(territory) == CONTACT


def test_an_older_copy_still_changes_nothing_quietly(town, territory, folder):
    with Store.open(town["path"]) as store:
        store.assessments.update(town["chatbot"], title="Agent conversationnel (version 2)")
    consolidate(territory, [shared(town, folder / "42087-A-2.evalir")])
    before = dump(territory)
    (item,) = consolidate(territory, [folder / "42087-A-1.evalir"]).files  # seen already
    assert item.status == "unchanged" and dump(territory) == before


def test_keeping_the_current_data_is_remembered(territory, folder):
    other = make_town(folder / "autre fichier.evalir")
    copy = shared(other, folder / "42087-B.evalir")
    (item,) = consolidate(territory, [copy]).files
    before = {t: rows for t, rows in dump(territory).items() if t not in ("source", "history")}
    kept = resolve_conflict(territory, item, "keep")
    assert kept.status == "unchanged" and "gardées" in kept.reason
    after = {t: rows for t, rows in dump(territory).items() if t not in ("source", "history")}
    assert after == before
    (again,) = consolidate(territory, [copy]).files
    assert again.status == "unchanged" and "garder les données du territoire" in again.reason


def test_replacing_takes_the_file_and_removes_what_it_lacks(territory, folder):
    other = make_town(folder / "autre fichier.evalir")
    with Store.open(other["path"]) as store:
        store.assessments.delete(other["cameras"])
    (item,) = consolidate(territory, [shared(other, folder / "42087-B.evalir")]).files
    replaced = resolve_conflict(territory, item, "replace")
    assert replaced.status == "imported"
    with Store.open(territory, readonly=True) as store:
        assert [r.id for r in store.assessments.all()] == [other["chatbot"]]
        with Store.open(other["path"], readonly=True) as own:
            assert store.territory.commune_rows()[0].town_id == own.town.town_id()


def test_a_file_changed_since_the_conflict_is_not_used(territory, folder):
    other = make_town(folder / "autre fichier.evalir")
    copy = shared(other, folder / "42087-B.evalir")
    (item,) = consolidate(territory, [copy]).files
    altered(copy, folder / "tmp.evalir", ("UPDATE commune SET population = 2", ()))
    shutil.move(folder / "tmp.evalir", copy)
    before = dump(territory)
    result = resolve_conflict(territory, item, "replace")
    assert result.status == "refused" and "a changé" in result.reason
    assert dump(territory) == before


def test_the_same_town_under_another_insee_code_is_a_conflict(town, territory, folder):
    copy = shared(town, folder / "copie.evalir")
    moved = altered(
        copy, folder / "code corrigé.evalir", ("UPDATE commune SET insee = '42088'", ())
    )
    (item,) = consolidate(territory, [moved]).files
    assert item.status == "conflict" and "autre code INSEE" in item.reason


def test_a_file_of_the_current_format_without_a_town_id_is_refused(town, territory, folder):
    copy = shared(town, folder / "copie.evalir")
    blank = altered(copy, folder / "sans id.evalir", ("UPDATE commune SET town_id = ''", ()))
    (item,) = consolidate(territory, [blank]).files
    assert item.status == "refused" and "identifiant de la commune" in item.reason


def test_cli_consolidate_reports_a_conflict_with_a_documented_exit_code(territory, folder, capsys):
    other = make_town(folder / "autre fichier.evalir")
    code = evalir(
        ["consolidate", str(shared(other, folder / "42087-B.evalir")), "-o", str(territory)]
    )
    captured = capsys.readouterr()
    assert code == 3
    assert (
        "Conflit à résoudre" in captured.out and "Ce que contient le fichier reçu" in captured.out
    )
    assert "1 en conflit" in captured.out
    assert "ouvrez le territoire dans EVALIR Desktop" in captured.err
    assert "Traceback" not in captured.out + captured.err
    with pytest.raises(SystemExit):
        evalir(["consolidate", "--help"])
    assert "3  des fichiers sont en conflit" in capsys.readouterr().out
