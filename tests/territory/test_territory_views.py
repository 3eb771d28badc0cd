"""Territory views on a small, hand-made territory, and the CSV export."""

import csv
import io
from statistics import fmean

import pytest

import evalir_desktop.territory.evaluations as evaluations
from evalir_desktop.assessment import evaluate
from evalir_desktop.cli import main
from evalir_desktop.content import load_content
from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.commune import Commune
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.store import Store
from evalir_desktop.territory.aggregate import filter_rows, load_evaluated
from evalir_desktop.territory.csv_export import rows_to_csv, write_csv
from evalir_desktop.territory.importing import consolidate, open_territory
from evalir_desktop.territory.overview import build_view, territory_view

CHATBOT = "agent_conversationnel_accueil"
WEAK_TRAINING = {"competences.formation_agents": Answer(value="aucun")}
UNKNOWN_HOSTING = {"contexte.hebergement": Answer(unknown=True)}


@pytest.fixture(scope="module")
def content():
    return load_content()


def town(folder, nom, insee, dpd, projects) -> None:
    """A town file; `projects` = (title, template, supplier, ai_type, answers) tuples."""
    with Store.create(folder / f"{nom}.evalir", who="Agent") as store:
        store.town.save_commune(Commune(nom=nom, insee=insee, dpd_designe=dpd, population=900))
        for title, template, supplier, ai_type, answers in projects:
            record = store.assessments.create(
                title,
                content_id="evalir-commune",
                content_version="1",
                template_id=template,
                supplier=supplier,
                ai_type=ai_type,
                status="pilote",
            )
            for question_id, answer in answers.items():
                store.answers.save(record.id, question_id, answer)
            if title.startswith("Standard"):
                store.plan.save_decision(
                    DecisionRecord(
                        assessment_id=record.id,
                        validated_by="X",
                        validated_on="2026-10-01",
                        outcome="engager_sous_conditions",
                    )
                )


@pytest.fixture(scope="module")
def territory(tmp_path_factory):
    folder = tmp_path_factory.mktemp("territoire à la main")
    both = {**WEAK_TRAINING, **UNKNOWN_HOSTING}
    town(folder, "Écotay", "42087", "non", [
        ("Standard téléphonique", CHATBOT, "Docaposte", "texte_generatif", both),
        ("Caméras", "cameras_depots_sauvages", "Ségilog", "vision", {}),
    ])  # fmt: skip
    town(folder, "Saint-Genès", "63345", "oui", [
        ("Accueil du site", CHATBOT, " docaposte ", "texte_generatif", both),
    ])  # fmt: skip
    town(folder, "Lézigneux", "42120", "inconnu", [
        ("Courrier", "tri_demandes_courrier", "Berger-Levrault", "classement", {}),
    ])  # fmt: skip
    path = folder / "territoire.evalir"
    report = consolidate(path, [folder])
    assert len(report.by_status("imported")) == 3
    return path


@pytest.fixture(scope="module")
def view(territory, content):
    with open_territory(territory) as store:
        return territory_view(store, content)


def test_table_has_one_row_per_assessment(view):
    assert [(r.commune, r.title) for r in view.rows] == [
        ("Écotay", "Caméras"),
        ("Écotay", "Standard téléphonique"),
        ("Lézigneux", "Courrier"),
        ("Saint-Genès", "Accueil du site"),
    ]
    standard = view.rows[1]
    assert standard.template_title.startswith("Agent conversationnel")
    assert standard.ai_type_label == "Texte généré (IA générative)"
    assert standard.status_label == "Expérimentation"
    assert standard.decision_label == "Engager le projet sous conditions"
    assert standard.validated_on == "2026-10-01"
    assert standard.unknown_count >= 1
    assert filter_rows(view.rows, text="docaposte") == [view.rows[1], view.rows[3]]
    assert [r.commune for r in filter_rows(view.rows, text="ecotay")] == ["Écotay", "Écotay"]
    assert [r.title for r in filter_rows(view.rows, ai_type="vision")] == ["Caméras"]


def test_obligations_count_towns(view):
    by_id = {o.id: o for o in view.obligations}
    dpd = by_id["rgpd.dpd_absent"]  # from the profile: Écotay has no DPO
    assert [t.nom for t in dpd.towns] == ["Écotay"]
    assert dpd.assessment_count == 2
    levels = [o.level for o in view.obligations]
    order = ["interdit", "obligation", "a_verifier", "vigilance", "recommandation"]
    assert levels == sorted(levels, key=order.index)


def test_axis_maturity_is_the_mean_of_each_town(view, territory, content):
    with open_territory(territory) as store:
        items = [i for i in load_evaluated(store, content) if i.town.nom == "Écotay"]
    ecotay = next(m for m in view.maturity if m.town.nom == "Écotay")
    assert ecotay.assessment_count == 2
    for axis in view.axes:
        scores = [s for i in items if (s := i.evaluation.axis(axis.id).score) is not None]
        expected = round(fmean(scores), 1) if scores else None
        assert ecotay.scores[axis.id] == expected
    skills = next(a for a in view.averages if a.id == "competences")
    values = [m.scores["competences"] for m in view.maturity if m.scores["competences"] is not None]
    assert len(values) == 2  # Lézigneux answered no skills question: no score, not a zero
    assert skills.average == round(fmean(values), 1)
    assert skills.town_count == 2


def test_most_frequent_unknown_comes_first(view, content):
    answers = {**WEAK_TRAINING, **UNKNOWN_HOSTING}
    assert "contexte.hebergement" in {u.question_id for u in evaluate(content, answers).unknowns}
    first = view.unknowns[0]
    assert first.question_id == "contexte.hebergement"
    assert (first.town_count, first.assessment_count) == (2, 2)


def test_mutualisation_groups(view):
    groups = {(g.kind, g.key): g for g in view.opportunities}
    project = groups[("projet", CHATBOT)]
    assert [t.nom for t in project.towns] == ["Écotay", "Saint-Genès"]
    assert "cahier des charges commun" in project.explanation
    supplier = groups[("fournisseur", "docaposte")]  # " docaposte " and "Docaposte" meet
    assert [t.nom for t in supplier.towns] == ["Écotay", "Saint-Genès"]
    titles = {project.title for member in supplier.members for project in member.projects}
    assert titles == {"Standard téléphonique", "Accueil du site"}
    dpd = groups[("besoin", "dpd")]
    assert [t.nom for t in dpd.towns] == ["Écotay", "Lézigneux"]
    assert "mutualisé" in dpd.explanation
    training = groups[("besoin", "formation")]
    assert [t.nom for t in training.towns] == ["Écotay", "Saint-Genès"]
    assert ("fournisseur", "segilog") not in groups  # a single town is no group
    assert all(len(g.towns) >= 2 for g in view.opportunities)
    assert ("type_ia", "texte_generatif") not in groups  # same towns as the project group


def test_csv_is_excel_friendly(view, tmp_path):
    path = write_csv(view.rows, tmp_path / "tableau é.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert lines[0][:4] == ["Commune", "Code INSEE", "Population", "Projet"]
    assert len(lines) == 1 + len(view.rows)
    assert lines[1][0] == "Écotay" and lines[1][1] == "42087"


def test_csv_neutralises_formulas(view):
    row = view.rows[0].model_copy(update={"title": '=HYPERLINK("http://x")'})
    text = rows_to_csv([row])
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text and ';"=HYPERLINK' not in text


def test_cli_export(territory, tmp_path, capsys):
    out = tmp_path / "sortie é.csv"
    assert main(["export", str(territory), "--format", "territoire-csv", "-o", str(out)]) == 0
    assert "4 évaluations" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8-sig").count("\n") == 5


def test_epci_and_axis_titles(view):
    assert view.epci == ""  # the hand-made towns name no intercommunality
    assert all(axis.short_title for axis in view.axes)


def test_generated_territory_has_groups(generated, tmp_path, content):
    with open_territory(tmp_path / "t.evalir") as store:
        from evalir_desktop.territory.importing import import_files

        import_files(store, generated)
        items = load_evaluated(store, content)
    view = build_view(items, content)
    assert len(view.rows) == 3 * len(generated)
    assert view.opportunities and view.obligations and view.unknowns
    assert view.epci == "Communauté de communes des Monts du Forez"


def test_cache_reuses_unchanged_evaluations(territory, content, monkeypatch):
    cache = {}
    with open_territory(territory) as store:
        first = load_evaluated(store, content, cache)
        assert len(cache) == 4
        calls = []
        monkeypatch.setattr(evaluations, "evaluate_stored", lambda *a: calls.append(a))
        monkeypatch.setattr(store.territory, "all_answers", lambda: calls.append("answers read"))
        again = load_evaluated(store, content, cache)
    assert calls == []  # neither evaluated again nor even read
    assert [i.evaluation for i in again] == [i.evaluation for i in first]


def test_homonym_towns_are_told_apart_by_their_insee_code():
    from evalir_desktop.territory.aggregate import town_labels

    labels = town_labels(
        [("Sainte-Foy", "85214"), ("Sainte-Foy", "40261"), ("sainte-foy", "71409"), ("Priest", "1")]
    )
    assert labels[("Sainte-Foy", "85214")] == "Sainte-Foy (INSEE 85214)"
    assert labels[("sainte-foy", "71409")] == "sainte-foy (INSEE 71409)"
    assert labels[("Priest", "1")] == "Priest"
