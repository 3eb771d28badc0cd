"""The territory timeline: which obligations become applicable when, and in which towns."""

from datetime import date

import pytest

from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.store import Store
from evalir_desktop.territory.aggregate import load_evaluated
from evalir_desktop.territory.importing import consolidate, open_territory
from evalir_desktop.territory.timeline import upcoming
from evalir_desktop.ui.territory.window import TerritoryWindow

CONTENT = load_content()
AI = {
    "contexte.systeme_ia": "oui",
    "contexte.utilisateurs": ["agents"],
    "contexte.type_ia": ["classement"],
    "contexte.fournisseur": "editeur_prive",
    "contexte.decision_individuelle": "aucune",
    "contexte.donnees_personnelles": "non",
}
BENEFITS_SCORING = {
    **AI,
    "contexte.domaine_sensible": ["prestations"],
    "contexte.profilage": "oui",
    "contexte.role_outil": "influence",
    "contexte.pratiques_interdites": ["aucune_pratique"],
}
INTIMATE_IMAGES = {
    **AI,
    "contexte.domaine_sensible": ["aucun_domaine"],
    "contexte.pratiques_interdites": ["images_intimes"],
}
TOWNS = [
    ("Écotay-l'Olme", "42087", {"Aide sociale": BENEFITS_SCORING}),
    ("Montbrison", "42147", {"Aide sociale": BENEFITS_SCORING, "Images": INTIMATE_IMAGES}),
    ("Savigneux", "42299", {"Tri": {**AI, "contexte.domaine_sensible": ["aucun_domaine"]}}),
]


def town_file(folder, nom: str, insee: str, projects: dict) -> None:
    with Store.create(folder / f"{nom}.evalir") as store:
        store.town.save_commune(Commune(nom=nom, insee=insee, dpd_designe="oui"))
        for title, values in projects.items():
            record = store.assessments.create(
                title, content_id=CONTENT.id, content_version=CONTENT.version
            )
            for question_id, value in values.items():
                store.answers.save(record.id, question_id, Answer(value=value))


@pytest.fixture
def territory(tmp_path):
    folder = tmp_path / "Fichiers reçus"
    folder.mkdir()
    for nom, insee, projects in TOWNS:
        town_file(folder, nom, insee, projects)
    path = tmp_path / "Territoire é.evalir"
    consolidate(path, [folder])
    return path


def _towns(entry, rule_id: str) -> list[str]:
    obligation = next(ob for ob in entry.obligations if ob.id == rule_id)
    return [town.nom for town in obligation.towns]


def test_upcoming_dates_name_the_obligations_and_the_towns(territory):
    with open_territory(territory) as store:
        items = load_evaluated(store, CONTENT)
    timeline = upcoming(items, date(2026, 12, 1))
    assert [(entry.on, entry.kind) for entry in timeline] == [
        (date(2026, 12, 2), "debut"),
        (date(2027, 12, 2), "debut"),
        (date(2030, 8, 2), "limite"),
    ]
    december_2026, december_2027, august_2030 = timeline
    assert december_2026.label == "Applicable à partir du 2 décembre 2026"
    assert december_2026.months_left == 0
    assert _towns(december_2026, "aiact.pratique_interdite_images_intimes") == ["Montbrison"]
    assert december_2027.months_left == 12 and december_2027.town_count == 2
    for rule_id in ("aiact.haut_risque", "aiact.obligations_deployeur", "aiact.aiprd"):
        assert _towns(december_2027, rule_id) == ["Écotay-l'Olme", "Montbrison"]
    assert august_2030.label.startswith("Au plus tard le 2 août 2030 pour un système à haut")
    assert {ob.id for ob in august_2030.obligations} == {
        "aiact.haut_risque",
        "aiact.obligations_deployeur",
        "aiact.aiprd",
    }


def test_nothing_is_upcoming_once_every_date_has_passed(territory):
    with open_territory(territory) as store:
        items = load_evaluated(store, CONTENT)
    assert upcoming(items, date(2031, 1, 1)) == []
    assert [entry.on for entry in upcoming(items, date(2028, 1, 1))] == [date(2030, 8, 2)]


def test_the_window_shows_the_timeline_of_the_view(qtbot, territory):
    """Read on the day the test runs: the window shows exactly the view's dates."""
    window = TerritoryWindow(territory, CONTENT)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy and window.view is not None, timeout=60_000)
    tree, timeline = window.upcoming_tree, window.view.upcoming
    assert tree.topLevelItemCount() == len(timeline)
    for index, entry in enumerate(timeline):
        top = tree.topLevelItem(index)
        assert top.text(0).startswith(entry.label) and top.text(1) == str(entry.town_count)
        assert top.childCount() == len(entry.obligations)
        first = entry.obligations[0]
        assert top.child(0).child(0).text(0) == ", ".join(town.nom for town in first.towns)
    if date.today() < date(2027, 12, 2):
        assert any(entry.on == date(2027, 12, 2) for entry in timeline)
