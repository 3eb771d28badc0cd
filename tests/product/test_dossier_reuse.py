"""A dossier written from town A fills a new assessment in town B with only product
answers, each marked as reused and editable; the content says which questions those are."""

from datetime import date

import pytest

from evalir_desktop.domain.answers import Answer
from evalir_desktop.domain.origin import Origin, of_town, parse_origin
from evalir_desktop.product.building import NothingToShare, build_dossier, product_answers
from evalir_desktop.product.dossier import read_dossier, write_dossier
from evalir_desktop.product.starting import start_from_dossier
from evalir_desktop.session.session import AssessmentSession
from evalir_desktop.sharing.pipeline import share
from evalir_desktop.store import Store
from tests.product.towns import COMMENT, COMMENTED, PRODUCT_ANSWERS, TOWN_ANSWERS


def write_from(town_a, content, folder):
    with Store.open(town_a["path"], readonly=True) as store:
        dossier = build_dossier(AssessmentSession(store, content, town_a["id"]))
    return write_dossier(dossier, folder / "chatbot")


def test_the_content_marks_the_questions_about_the_tool(content):
    product = {q.id for q in content.questions() if q.product}
    assert set(PRODUCT_ANSWERS) <= product
    assert not product & set(TOWN_ANSWERS)
    for question in content.questions():
        if question.role == "fournisseur":
            assert question.product, f"{question.id} is asked of the supplier"
        if question.axis_id in ("besoin", "gouvernance", "competences"):
            assert not question.product, f"{question.id} is about the town"


def test_the_dossier_holds_the_answers_about_the_tool_and_nothing_of_the_town(
    town_a, content, tmp_path
):
    path = write_from(town_a, content, tmp_path)
    assert path.name == "chatbot.evalir-produit"
    text = path.read_text(encoding="utf-8")
    for private in ("Hélène Lefèvre", "Le standard est saturé", "examen", "certains"):
        assert private not in text
    dossier = read_dossier(path)
    assert {a.question_id: a.value for a in dossier.answers} == PRODUCT_ANSWERS
    assert dossier.source.commune == "Écotay-l'Olme" and dossier.source.insee == "42087"
    assert dossier.source.content_version == content.version
    assert dossier.product.name == PRODUCT_ANSWERS["contexte.fournisseur_nom"]
    assert dossier.product.supplier == "Docaposte"
    assert "inclusion.rgaa" not in {a.question_id for a in dossier.answers}  # « Je ne sais pas »


def test_a_new_assessment_in_town_b_gets_only_the_product_answers_marked_as_reused(
    town_a, town_b, content, tmp_path
):
    dossier = read_dossier(write_from(town_a, content, tmp_path))
    with Store.open(town_b) as store:
        started = start_from_dossier(store, content, dossier)
        session = AssessmentSession(store, content, started.record.id)
        answers = session.answers
        assert {qid: a.value for qid, a in answers.items()} == PRODUCT_ANSWERS
        assert answers[COMMENTED].comment == COMMENT
        assert started.left_aside == []
        assert session.record.title == PRODUCT_ANSWERS["contexte.fournisseur_nom"]
        assert session.record.supplier == "Docaposte"
        assert session.record.commune_id == store.town.commune_id()
        today = dossier.source.answered_on.strftime("%d/%m/%Y")
        labels = {origin.label for origin in session.origins.values()}
        assert labels == {f"Repris du dossier d'Écotay-l'Olme, {today}"}
        assert set(session.origins) == set(PRODUCT_ANSWERS)
        for question_id in TOWN_ANSWERS:
            assert question_id not in answers


def test_every_reused_answer_stays_editable_and_loses_its_mark_once_changed(
    town_a, town_b, content, tmp_path
):
    dossier = read_dossier(write_from(town_a, content, tmp_path))
    with Store.open(town_b, who="Paul Martin") as store:
        record = start_from_dossier(store, content, dossier, "Accueil").record
        session = AssessmentSession(store, content, record.id)
        session.save_comment("contexte.hebergement", "Vérifié avec le contrat de Saint-Just")
        assert "contexte.hebergement" in session.origins  # the value is still the dossier's
        session.save_value("contexte.hebergement", Answer(value="hors_ue"))
        assert session.answers["contexte.hebergement"].value == "hors_ue"
        assert "contexte.hebergement" not in session.origins
        assert store.answers.authors(record.id)["contexte.hebergement"].who == "Paul Martin"
        session.save_answer("contexte.biometrie", Answer())
        assert "contexte.biometrie" not in session.answers
        assert len(session.origins) == len(PRODUCT_ANSWERS) - 2


def test_an_assessment_that_says_nothing_about_the_tool_gives_no_dossier(store, content):
    record = store.assessments.create("Idée", content_id=content.id, content_version="x")
    store.answers.save(record.id, "gouvernance.elu_referent", Answer(value="oui"))
    with pytest.raises(NothingToShare, match="aucune réponse sur l'outil"):
        build_dossier(AssessmentSession(store, content, record.id))


def test_hidden_answers_do_not_travel(town_a, content):
    with Store.open(town_a["path"]) as store:
        store.answers.save(town_a["id"], "contexte.systeme_ia", Answer(value="non"))
        found = product_answers(AssessmentSession(store, content, town_a["id"]))
    assert "contexte.type_ia" not in found and "contexte.biometrie" not in found
    assert found["contexte.systeme_ia"].value == "non"


def test_an_anonymised_share_keeps_the_marks_but_not_the_names(town_a, town_b, content, tmp_path):
    dossier = read_dossier(write_from(town_a, content, tmp_path))
    with Store.open(town_b, who="Paul Martin") as store:
        record = start_from_dossier(store, content, dossier).record
        store.answers.save(record.id, "gouvernance.elu_referent", Answer(value="oui"))
        copy = share(store, tmp_path / "envoi.evalir", anonymise=True).path
    with Store.open(copy, readonly=True) as shared:
        authors = shared.answers.authors(record.id)
    assert authors["gouvernance.elu_referent"].who == ""
    assert parse_origin(authors["contexte.hebergement"].who).commune == "Écotay-l'Olme"


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("dossier-produit|42087|2026-11-15|Écotay-l'Olme", ("Écotay-l'Olme", "42087")),
        ("dossier-produit|2A004|2026-11-15|Ajaccio|bis", ("Ajaccio|bis", "2A004")),
        ("Hélène Lefèvre", None),
        ("dossier-produit|4208|2026-11-15|Écotay", None),
        ("dossier-produit|42087|2026-13-15|Écotay", None),
        ("dossier-produit|42087|2026-11-15|", None),
        ("dossier-produit|42087|2026-11-15", None),
    ],
)
def test_the_origin_tag_is_read_strictly(who, expected):
    origin = parse_origin(who)
    assert (None if origin is None else (origin.commune, origin.insee)) == expected


def test_the_origin_reads_as_french():
    origin = Origin(commune="Le Puy-en-Velay", insee="43157", on=date(2026, 11, 5))
    assert origin.label == "Repris du dossier du Puy-en-Velay, 05/11/2026"
    assert parse_origin(origin.tag) == origin
    assert of_town("Les Mées") == "des Mées"
    assert of_town("Écotay-l'Olme") == "d'Écotay-l'Olme"
    assert of_town("Saint-Just") == "de Saint-Just"
