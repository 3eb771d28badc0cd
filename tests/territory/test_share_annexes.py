"""Attachments, reviewers' opinions and the AI literacy record travel to the territory:
attachments only when the agent asks for them, with the same hash, under the same
limits; reviewers' and trainees' names are removed from an anonymised copy."""

import hashlib
import sqlite3
from datetime import date

import pytest

from evalir_desktop.domain import attachment_rules as rules
from evalir_desktop.domain.annexes import OpinionRecord, TrainingRecord
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.sharing.texts import preview_lines
from evalir_desktop.store import Store
from evalir_desktop.territory.importing import consolidate
from tests.territory.territory_helpers import make_town

REVIEWER = "Solène Marchetti"
TRAINEE = "Gaëtan Roussel"


@pytest.fixture
def dossier(folder):
    """A town file with a contract on one assessment, an opinion and a training."""
    town = make_town(folder / "Écotay l'Olme.evalir")
    contract = folder / "Contrat Docaposte.pdf"
    contract.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 400)
    with Store.open(town["path"], who="Hélène Lefèvre") as store:
        attached = store.attachments.add(town["chatbot"], contract, kind="contrat")
        store.attachments.add(town["chatbot"], contract, question_id="donnees.aipd", kind="aipd")
        store.opinions.save(
            OpinionRecord(
                assessment_id=town["chatbot"],
                step_id="donnees",
                reviewer_role="dpd",
                reviewer_name=REVIEWER,
                verdict="a_corriger",
                comment="Préciser la durée de conservation des conversations.",
                given_on=date(2026, 11, 20),
            )
        )
        store.trainings.save(
            TrainingRecord(
                title="Sensibilisation à l'IA générative",
                audience="agents_et_elus",
                held_on=date(2026, 10, 3),
                people=12,
                participants=f"{TRAINEE}, Inès Carpentier",
            )
        )
    return {**town, "contract": contract, "sha": attached.sha256}


def values(path, sql: str) -> list:
    conn = sqlite3.connect(path)
    try:
        return [row[0] if len(row) == 1 else row for row in conn.execute(sql)]
    finally:
        conn.close()


def test_attachments_stay_home_unless_ticked(dossier, folder):
    with Store.open(dossier["path"], readonly=True) as store:
        result = share(store, folder / "sans pièces.evalir")
    assert values(result.path, "SELECT count(*) FROM attachment") == [0]
    assert values(result.path, "SELECT count(*) FROM attachment_blob") == [0]
    assert dossier["contract"].read_bytes()[:300] not in result.path.read_bytes()
    assert any("les pièces jointes" in line for line in preview_lines(result.preview))
    assert values(result.path, "SELECT count(*) FROM opinion") == [1]  # opinions do travel


def test_an_anonymised_copy_carries_none_by_default(dossier, folder):
    with Store.open(dossier["path"], readonly=True) as store:
        result = share(store, folder / "anonyme.evalir", anonymise=True)
    assert values(result.path, "SELECT count(*) FROM attachment") == [0]
    data = result.path.read_bytes()
    assert REVIEWER.encode() not in data and TRAINEE.encode() not in data
    assert values(result.path, "SELECT people FROM training") == [12]


def test_ticked_attachments_are_shared_and_consolidated_with_the_same_hash(dossier, folder):
    with Store.open(dossier["path"], readonly=True) as store:
        result = share(store, folder / "avec pièces.evalir", attachments=True, anonymise=True)
    lines = preview_lines(result.preview)
    assert any("2 pièces jointes" in line and "pas anonymisé" in line for line in lines)
    assert values(result.path, "SELECT who FROM attachment") == ["", ""]
    territory = folder / "territoire.evalir"
    report = consolidate(territory, [result.path])
    assert [item.status for item in report.files] == ["imported"]
    with Store.open(territory, readonly=True) as store:
        rows = store.attachments.of(dossier["chatbot"])
        assert [(row.kind, row.sha256) for row in rows] == [
            ("contrat", dossier["sha"]),
            ("aipd", dossier["sha"]),
        ]
        data = store.attachments.data(rows[0].id)
        assert hashlib.sha256(data).hexdigest() == dossier["sha"]
        assert data == dossier["contract"].read_bytes()
        (opinion,) = store.opinions.of(dossier["chatbot"])
        assert (opinion.verdict, opinion.reviewer_name) == ("a_corriger", "")
        (training,) = store.trainings.of("*")
        assert (training.people, training.participants) == (12, "")
        assert store.check_rows() == []


def test_a_newer_profile_brings_its_literacy_record(dossier, folder):
    territory = folder / "territoire.evalir"
    with Store.open(dossier["path"], readonly=True) as store:
        consolidate(territory, [share(store, folder / "premier.evalir").path])
    with Store.open(dossier["path"]) as store:
        store.trainings.save(TrainingRecord(title="Atelier CNIL", audience="elus", people=5))
    with Store.open(dossier["path"], readonly=True) as store:
        consolidate(territory, [share(store, folder / "second.evalir").path])
    with Store.open(territory, readonly=True) as store:
        assert sorted(t.title for t in store.trainings.of("*")) == [
            "Atelier CNIL",
            "Sensibilisation à l'IA générative",
        ]


def tamper(path, sql: str, params: tuple = ()) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "params", "reason"),
    [
        ("UPDATE attachment_blob SET data = ?", (b"x" * 102409,), "empreinte"),
        ("UPDATE attachment SET name = 'lancer.exe'", (), "programme ou un script"),
        ("UPDATE attachment SET size = size + 1", (), "taille annoncée"),
        ("DELETE FROM attachment_blob", (), "manque"),
    ],
)
def test_a_tampered_attachment_refuses_the_file(dossier, folder, sql, params, reason):
    with Store.open(dossier["path"], readonly=True) as store:
        copy = share(store, folder / "copie.evalir", attachments=True).path
    tamper(copy, sql, params)
    territory = folder / "territoire.evalir"
    (item,) = consolidate(territory, [copy]).files
    assert item.status == "refused" and reason in item.reason
    with Store.open(territory, readonly=True) as store:
        assert store.assessments.all() == []


def test_the_territory_applies_the_size_limit(dossier, folder, monkeypatch):
    with Store.open(dossier["path"], readonly=True) as store:
        copy = share(store, folder / "copie.evalir", attachments=True).path
    monkeypatch.setattr(rules, "MAX_FILE_BYTES", 1000)
    (item,) = consolidate(folder / "territoire.evalir", [copy]).files
    assert item.status == "refused" and "ne peut pas dépasser" in item.reason


def test_the_territory_counts_each_towns_literacy_record(dossier, folder):
    from evalir_desktop.territory.overview import territory_view
    from tests.territory.territory_helpers import make_town

    other = make_town(folder / "Autre commune.evalir", nom="Saint-Bonnet", insee="42206")
    copies = []
    for town in (dossier, other):
        with Store.open(town["path"], readonly=True) as store:
            copies.append(share(store, folder / f"{town['chatbot'][:8]}.evalir").path)
    territory = folder / "territoire.evalir"
    consolidate(territory, copies)
    with Store.open(territory, readonly=True) as store:
        literacy = territory_view(store).literacy
    counts = {
        town.nom: (town.trainings, town.people, town.agents, town.elus) for town in literacy.towns
    }
    assert counts == {"Écotay-l'Olme": (1, 12, True, True), "Saint-Bonnet": (0, 0, False, False)}
    assert literacy.summary() == (
        "1 commune sur 2 a inscrit au moins une formation à l'IA\u202f; "
        "12 personnes formées en tout."
    )


def test_a_later_share_without_attachments_keeps_those_received(dossier, folder):
    from evalir_desktop.domain.answers import Answer

    territory = folder / "territoire.evalir"
    with Store.open(dossier["path"], readonly=True) as store:
        consolidate(territory, [share(store, folder / "avec.evalir", attachments=True).path])
    with Store.open(dossier["path"]) as store:
        store.answers.save(dossier["chatbot"], "besoin.probleme", Answer(value="Trop d'appels"))
    with Store.open(dossier["path"], readonly=True) as store:
        (item,) = consolidate(territory, [share(store, folder / "sans.evalir").path]).files
    assert item.status == "imported"
    with Store.open(territory, readonly=True) as store:
        assert store.answers.of(dossier["chatbot"])["besoin.probleme"].value == "Trop d'appels"
        rows = store.attachments.of(dossier["chatbot"])
        assert [row.sha256 for row in rows] == [dossier["sha"], dossier["sha"]]
        assert store.attachments.data(rows[0].id) == dossier["contract"].read_bytes()


def test_the_territory_report_counts_the_literacy_records(dossier, folder):
    from evalir_desktop.report.territory import territory_report
    from evalir_desktop.territory.overview import territory_view
    from tests.report.pdftext import body_text, normalize

    with Store.open(dossier["path"], readonly=True) as store:
        consolidate(folder / "territoire.evalir", [share(store, folder / "copie.evalir").path])
    with Store.open(folder / "territoire.evalir", readonly=True) as store:
        text = normalize(body_text(territory_report(territory_view(store))))
    assert "7. Formation à l'IA des agents et des élus" in text
    assert normalize("1 commune sur 1 a inscrit au moins une formation à l'IA") in text
