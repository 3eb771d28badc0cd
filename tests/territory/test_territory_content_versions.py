"""Territory views evaluate each assessment with the questionnaire version it was answered
with when it is known here (installed or archived), or say plainly that they use the
installed one."""

import shutil
from pathlib import Path

from evalir_desktop.store import Store
from evalir_desktop.territory.aggregate import load_evaluated
from evalir_desktop.territory.importing import consolidate, open_territory
from evalir_desktop.territory.overview import territory_view
from tests.factories import make_commune

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_each_assessment_is_read_with_its_own_version_or_the_note_says_so(tmp_path, content):
    old = tmp_path / "lamballe.evalir"
    shutil.copy(FIXTURES / "content-2026.11.1.evalir", old)
    unknown = tmp_path / "cherier.evalir"
    with Store.create(unknown) as store:
        store.town.save_commune(make_commune(nom="Cherier", insee="42059", epci_siren="200069391"))
        store.assessments.create("Caméras", content_id=content.id, content_version="2031.01.1")
        store.assessments.create("Chatbot", content_id=content.id, content_version=content.version)
    territory = tmp_path / "territoire.evalir"
    consolidate(territory, [old, unknown])
    with open_territory(territory) as store:
        items = load_evaluated(store, content)
        view = territory_view(store, content)
    used = {item.record.title: item.evaluation.content_version for item in items}
    assert used == {
        "Agent vocal du standard téléphonique": "2026.11.1",
        "Repérage des demandes d'aide atypiques": "2026.11.1",
        "Caméras": content.version,
        "Chatbot": content.version,
    }
    note = view.version_note
    assert "2026.11.1 (2)" in note and f"{content.version} (1)" in note
    assert "Une évaluation a été remplie avec une version que ce programme ne connaît pas" in note
    assert "2031.01.1" in note and f"version installée, {content.version}" in note


def test_a_territory_of_the_installed_version_says_it_in_one_sentence(tmp_path, content):
    path = tmp_path / "c.evalir"
    with Store.create(path) as store:
        store.town.save_commune(make_commune(nom="Cherier", insee="42059"))
        store.assessments.create("Chatbot", content_id=content.id, content_version=content.version)
    territory = tmp_path / "t.evalir"
    consolidate(territory, [path])
    with open_territory(territory) as store:
        note = territory_view(store, content).version_note
    assert note == (
        "Chaque évaluation est lue avec la version du questionnaire avec laquelle elle a été "
        f"remplie\u202f: {content.version} (1)."
    )
