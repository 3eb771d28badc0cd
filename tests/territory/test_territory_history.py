"""The territory over time: each import keeps a dated snapshot, and the territory report
shows the evolution since the last report (« 1 nouveau projet, 1 obligation levée »)."""

import sqlite3

import pytest

from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.answers import Answer
from evalir_desktop.report.territory import territory_report
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store
from evalir_desktop.territory.history import read_snapshots
from evalir_desktop.territory.importing import consolidate, open_territory
from evalir_desktop.territory.overview import territory_view
from tests.content.helpers import CHATBOT_CONTEXT, answers
from tests.factories import make_commune
from tests.report.pdftext import body_text


@pytest.fixture
def town(tmp_path, content):
    path = tmp_path / "montbrison.evalir"
    with Store.create(path) as store:
        store.town.save_commune(make_commune(nom="Montbrison", insee="42147"))
        record = store.assessments.create(
            "Chatbot", content_id=content.id, content_version=content.version
        )
        for question_id, answer in answers(CHATBOT_CONTEXT).items():
            store.answers.save(record.id, question_id, answer)
    return {"path": path, "chatbot": record.id, "folder": tmp_path, "n": 0}


def send(town):
    town["n"] += 1
    with Store.open(town["path"]) as store:
        copy = share(store, town["folder"] / f"envoi {town['n']}.evalir").path
    consolidate(town["folder"] / "territoire.evalir", [copy])


def view_of(town):
    with open_territory(town["folder"] / "territoire.evalir") as store:
        return territory_view(store), read_snapshots(store)


def test_each_import_keeps_a_snapshot_and_the_evolution_is_counted(town, content):
    send(town)
    view, snapshots = view_of(town)
    assert len(snapshots) == 1 and view.evolution is None
    first = snapshots[0]
    assert (first.towns, first.assessments) == (1, 1)
    assert "aiact.transparence_interaction" in first.obligations
    with Store.open(town["path"]) as store:
        store.answers.save(town["chatbot"], "contexte.interaction_habitants", Answer(value="non"))
        store.assessments.create("Caméras", content_id=content.id, content_version=content.version)
    send(town)
    view, snapshots = view_of(town)
    assert len(snapshots) == 2
    evolution = view.evolution
    assert evolution.since_what == "l'import précédent"
    assert (evolution.new_projects, evolution.gone_projects) == (1, 0)
    assert evolution.lifted >= 1
    assert evolution.sentence.startswith("Depuis l'import précédent (")
    assert "1 nouveau projet" in evolution.sentence
    lifted = "obligation levée" if evolution.lifted == 1 else "obligations levées"
    assert f"{evolution.lifted} {lifted}" in evolution.sentence


def test_the_report_shows_the_evolution_since_the_last_report(town, content, tmp_path):
    send(town)
    with open_territory(town["folder"] / "territoire.evalir") as store:
        store.snapshots.record_report("rapport 1.pdf")
    view, _ = view_of(town)
    assert view.evolution.since_what == "le dernier rapport"
    assert view.evolution.sentence.endswith("aucun changement.")
    with Store.open(town["path"]) as store:
        store.assessments.create("Caméras", content_id=content.id, content_version=content.version)
        store.assessments.create("Courrier", content_id=content.id, content_version=content.version)
    send(town)
    view, _ = view_of(town)
    assert "2 nouveaux projets" in view.evolution.sentence
    text = body_text(territory_report(view))
    assert "Évolution et échéances" in text
    assert "Depuis le dernier rapport" in text and "2 nouveaux projets" in text
    assert "Obligations à venir, date par date" in text


def test_a_snapshot_that_does_not_validate_is_left_out(town):
    send(town)
    territory = town["folder"] / "territoire.evalir"
    conn = sqlite3.connect(territory)
    conn.execute(
        "INSERT INTO history (at, who, entity, entity_id, change) VALUES "
        "('2026-01-01T00:00:00+00:00', 'x', 'snapshot', '', '{\"towns\": \"beaucoup\"}'), "
        "('2026-01-01T00:00:00+00:00', 'x', 'snapshot', '', '[[[[[[]]]]]]')"
    )
    conn.commit()
    conn.close()
    view, snapshots = view_of(town)
    assert len(snapshots) == 1 and view.evolution is None


def test_the_command_line_report_records_itself(town, tmp_path, capsys):
    send(town)
    territory = town["folder"] / "territoire.evalir"
    assert evalir(["report", str(territory), "--territoire", "-o", str(tmp_path / "r.pdf")]) == 0
    with Store.open(territory, readonly=True) as store:
        assert store.snapshots.last_report_at()
