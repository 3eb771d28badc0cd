"""Importing town files into a territory file: idempotence, newer/older, bad files."""

import json
import shutil
import sqlite3
import uuid
from datetime import date

import pytest

from evalir_desktop.cli import main
from evalir_desktop.domain.answers import Answer
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store, StoreError
from evalir_desktop.territory.importing import consolidate, import_files, open_territory
from tests.sql import query, scalar
from tests.territory.territory_helpers import make_town

TABLES = ("commune", "assessment", "answer", "action", "decision", "source", "history", "meta")


def dump(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in TABLES}
    finally:
        conn.close()


def shared(town: dict, out, **options):
    with Store.open(town["path"], readonly=True) as store:
        return share(store, out, **options).path


def test_import_copies_towns_and_records_sources(generated, folder):
    territory = folder / "Territoire des Monts.evalir"
    report = consolidate(territory, generated)
    assert [f.status for f in report.files] == ["imported"] * len(generated)
    assert not territory.with_name(f"{territory.name}-journal").exists()  # one file again
    with Store.open(territory, readonly=True) as store:
        assert store.role == "territory"
        sources = query(territory, "SELECT file_name, sha256, commune_insee FROM source")
        assert sorted(s[0] for s in sources) == sorted(p.name for p in generated)
        assert scalar(territory, "SELECT count(*) FROM commune") == len(generated)
        assert len(store.assessments.all()) == 3 * len(generated)
    first = generated[0]
    with Store.open(first, readonly=True) as town, Store.open(territory, readonly=True) as terr:
        for record in town.assessments.all():
            assert terr.answers.of(record.id) == town.answers.of(record.id)
            assert terr.plan.actions(record.id) == town.plan.actions(record.id)
            assert terr.plan.decision(record.id) == town.plan.decision(record.id)


def test_reimporting_the_same_files_changes_nothing(generated, folder):
    territory = folder / "territoire.evalir"
    consolidate(territory, generated)
    before = dump(territory)
    report = consolidate(territory, [generated[0].parent])
    assert {f.status for f in report.files} == {"unchanged"}
    assert all("déjà été importé" in f.reason for f in report.files)
    assert dump(territory) == before


def test_newer_file_updates_and_reports_what_changed(town, folder):
    territory = folder / "territoire.evalir"
    first = shared(town, folder / "v1.evalir")
    consolidate(territory, [first])
    with Store.open(town["path"]) as store:
        store.answers.save(town["chatbot"], "donnees.aipd", Answer(value="oui"))
        added = store.assessments.create("Transcription", content_id="evalir", content_version="1")
    second = shared(town, folder / "v2.evalir")
    report = consolidate(territory, [second])
    (item,) = report.files
    assert item.status == "imported"
    assert [a.id for a in item.updated] == [town["chatbot"]]
    assert [a.id for a in item.added] == [added.id]
    assert [a.id for a in item.unchanged] == [town["cameras"]]
    with Store.open(territory, readonly=True) as store:
        assert store.answers.of(town["chatbot"])["donnees.aipd"] == Answer(value="oui")
        assert scalar(territory, "SELECT count(*) FROM commune") == 1
        assert scalar(territory, "SELECT count(*) FROM source") == 2


def test_older_file_never_overwrites_newer_data(town, folder):
    territory = folder / "territoire.evalir"
    old = shared(town, folder / "ancien.evalir")
    with Store.open(town["path"]) as store:
        store.assessments.update(town["chatbot"], title="Agent conversationnel (version 2)")
    new = shared(town, folder / "nouveau.evalir")
    consolidate(territory, [new])
    before = dump(territory)
    (item,) = consolidate(territory, [old]).files
    assert item.status == "unchanged"
    assert [a.id for a in item.kept_newer] == [town["chatbot"]]
    after = dump(territory)
    for table in ("commune", "assessment", "answer", "action", "decision"):
        assert after[table] == before[table], table
    with Store.open(territory, readonly=True) as store:
        assert store.assessments.get(town["chatbot"]).title == "Agent conversationnel (version 2)"


def test_assessment_missing_from_a_later_file_is_kept_and_reported(town, folder):
    territory = folder / "territoire.evalir"
    consolidate(territory, [shared(town, folder / "tout.evalir")])
    with Store.open(town["path"]) as store:  # the council votes on the frozen assessment
        decision = store.plan.decision(town["cameras"])
        store.plan.save_decision(decision.model_copy(update={"council_date": date(2026, 11, 20)}))
    partial = shared(town, folder / "partiel.evalir", assessment_ids=[town["cameras"]])
    (item,) = consolidate(territory, [partial]).files
    assert [a.id for a in item.removed_from_source] == [town["chatbot"]]
    assert [a.id for a in item.updated] == [town["cameras"]]
    with Store.open(territory, readonly=True) as store:
        assert len(store.assessments.all()) == 2


def bad_copy(good, path, sql: str | None = None, version: int | None = None):
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    if sql:
        conn.execute(sql)
        conn.commit()
    if version is not None:
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    return path


@pytest.fixture
def bad_batch(generated, folder) -> dict:
    """Good generated files mixed with one bad file of each kind; expected reason words."""
    batch = folder / "lot mélangé"
    batch.mkdir()
    good = [shutil.copy(p, batch / p.name) for p in generated[:4]]
    source = generated[5]
    data = source.read_bytes()
    corrupt = bytearray(data)
    corrupt[4096 : 4096 * 3] = b"\xa5" * 8192
    (batch / "corrompu.evalir").write_bytes(bytes(corrupt))
    (batch / "tronque.evalir").write_bytes(data[: len(data) // 2])
    (batch / "texte.evalir").write_text("Ceci n'est pas une base.", encoding="utf-8")
    foreign = sqlite3.connect(batch / "etrangere.evalir")
    foreign.execute("CREATE TABLE clients (nom TEXT)")
    foreign.commit()
    foreign.close()
    bad_copy(
        source,
        batch / "declencheur.evalir",
        "CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END",
    )
    bad_copy(source, batch / "vue.evalir", "CREATE VIEW v AS SELECT * FROM answer")
    bad_copy(source, batch / "futur.evalir", version=99)
    bad_copy(source, batch / "invalide.evalir", "UPDATE assessment SET status = 'peut-etre'")
    bad_copy(
        source,
        batch / "date-future.evalir",
        "UPDATE assessment SET updated_at = '2999-01-01T00:00:00+00:00'",
    )
    with open_territory(batch / "autre-territoire.evalir") as store:
        import_files(store, [generated[6]])
    expected = {
        "corrompu.evalir": "endommagé",
        "tronque.evalir": "tronqué",
        "texte.evalir": "pas un fichier EVALIR",
        "etrangere.evalir": "pas un fichier EVALIR",
        "declencheur.evalir": "déclencheur",
        "vue.evalir": "vue",
        "futur.evalir": "version plus récente",
        "invalide.evalir": "valeur n'est pas valide",
        "date-future.evalir": "dans le futur",
        "autre-territoire.evalir": "fichier de territoire",
    }
    return {"folder": batch, "good": good, "expected": expected}


def test_bad_files_are_refused_with_a_french_reason_and_good_ones_imported(bad_batch, folder):
    territory = folder / "territoire.evalir"
    report = consolidate(territory, [bad_batch["folder"]])
    by_name = {f.file_name: f for f in report.files}
    for name, words in bad_batch["expected"].items():
        assert by_name[name].status == "refused", name
        assert words in by_name[name].reason, (name, by_name[name].reason)
    assert sorted(f.file_name for f in report.by_status("imported")) == sorted(
        p.name for p in bad_batch["good"]
    )
    with Store.open(territory, readonly=True) as store:
        assert store.integrity_ok()
        names = {r[0] for r in query(territory, "SELECT file_name FROM source")}
        assert names == {p.name for p in bad_batch["good"]}


def test_cli_consolidate_json_reports_refusals(bad_batch, folder, capsys):
    territory = folder / "territoire cli.evalir"
    code = main(["consolidate", str(bad_batch["folder"]), "-o", str(territory), "--json"])
    assert code == 1
    report = json.loads(capsys.readouterr().out)
    statuses = {f["file_name"]: f["status"] for f in report["files"]}
    assert statuses["vue.evalir"] == "refused"
    assert [statuses[p.name] for p in bad_batch["good"]] == ["imported"] * 4


def test_progress_and_cancel(generated, folder):
    territory = folder / "territoire.evalir"
    seen = []
    with open_territory(territory) as store:
        report = import_files(
            store,
            generated,
            progress=lambda done, total, item: seen.append((done, total, item.status)),
            cancel=lambda: len(seen) >= 2,
        )
        sources = scalar(territory, "SELECT count(*) FROM source")
    assert report.cancelled
    assert seen == [(1, len(generated), "imported"), (2, len(generated), "imported")]
    assert [f.status for f in report.files].count("cancelled") == len(generated) - 2
    assert sources == 2


def test_town_file_cannot_be_the_territory(town, generated, capsys):
    with pytest.raises(StoreError, match="fichier d'une commune"):
        open_territory(town["path"])
    assert main(["consolidate", str(generated[0]), "-o", str(town["path"])]) == 2
    assert "pas un fichier de territoire" in capsys.readouterr().err


def test_file_copied_from_another_town_is_refused(town, folder):
    territory = folder / "territoire.evalir"
    consolidate(territory, [shared(town, folder / "a.evalir")])
    copy = folder / "copie.evalir"
    shutil.copyfile(shared(town, folder / "b.evalir"), copy)
    conn = sqlite3.connect(copy)
    # another town id too: the same id under another INSEE code is a conflict instead
    conn.execute(
        "UPDATE commune SET insee = '42999', nom = 'Voisine', town_id = ?", (str(uuid.uuid4()),)
    )
    conn.commit()
    conn.close()
    (item,) = consolidate(territory, [copy]).files
    assert item.status == "refused"
    assert "une autre commune" in item.reason


def test_two_towns_with_accents_and_spaces(folder):
    one = make_town(folder / "Saint-Genès Champanelle.evalir", nom="Saint-Genès", insee="63345")
    two = make_town(folder / "Bœuf sur Mer.evalir", nom="Bœuf-sur-Mer", insee="2A004")
    report = consolidate(folder / "terr é.evalir", [one["path"], two["path"]])
    assert {f.insee for f in report.by_status("imported")} == {"63345", "2A004"}
