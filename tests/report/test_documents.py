"""Summary, mention explicite, supplier questionnaire, transparency record, answers CSV."""

import csv
import io
import json
from dataclasses import replace

import pytest

from evalir_desktop.domain.answers import Answer
from evalir_desktop.report import (
    mention_pdf,
    mention_status,
    mention_text,
    report_data,
    summary_report,
    supplier_csv,
    supplier_pdf,
    supplier_questions,
    transparency_csv,
    transparency_json,
)
from evalir_desktop.report.exports import answers_csv
from evalir_desktop.report.transparency import CORRESPONDENCE
from tests.report.conftest import TODAY, norm
from tests.report.factories import demo_assessment
from tests.report.pdftext import BASE14, base_name, body_text, fonts, page_texts, reader

SUPPLIER_UNKNOWN = (
    "donnees.reutilisation_fournisseur",
    "donnees.restitution",
    "frugalite.empreinte",
)


def read_csv(payload: bytes) -> list[list[str]]:
    assert payload.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for French Excel"
    return list(csv.reader(io.StringIO(payload.decode("utf-8-sig")), delimiter=";"))


def assert_dejavu_only(pdf: bytes) -> None:
    found = fonts(pdf)
    assert found and all(found.values())
    assert not {base_name(name) for name in found} & BASE14


@pytest.fixture
def with_supplier_unknowns(store):
    """A demo assessment with three supplier questions answered "Je ne sais pas"."""
    record_id = demo_assessment(store, comment_length=60, actions=3)
    for question_id in SUPPLIER_UNKNOWN:
        store.answers.save(record_id, question_id, Answer(unknown=True, comment="À demander"))
    return report_data(store, record_id, today=TODAY)


def test_summary_fits_two_pages(built):
    pdf = summary_report(built.data)
    pages = page_texts(pdf)
    assert 1 <= len(pages) <= 2
    assert f"Page {len(pages)} / {len(pages)}" in pages[-1]
    text = norm(body_text(pdf))
    assert "Ce que la loi impose" in text
    assert "Ce qui reste à décider par les élus" in text
    assert_dejavu_only(pdf)


def test_summary_names_the_gravest_obligations(demo):
    text = norm(body_text(summary_report(demo.data)))
    for ob in demo.data.evaluation.obligations[:6]:
        assert norm(ob.title) in text


def test_mention_is_filled_with_the_town(demo):
    assert mention_status(demo.data) == "obligation"
    text = mention_text(demo.data)
    assert "Mairie de Saint-Étienne-de-Tinée" in text
    assert "accueil@mairie-exemple.fr" in text
    assert "CADA" in text and "L311-3-1" in text
    assert "[à compléter" not in text  # purpose and contact are known
    assert text.startswith("Cette décision a été prise en partie")  # an agent decides
    total = {**demo.data.answers, "contexte.decision_individuelle": Answer(value="totale")}
    assert mention_text(replace(demo.data, answers=total)).startswith(
        "Cette décision a été prise sur le fondement"
    )
    pdf = mention_pdf(demo.data)
    assert norm(text.splitlines()[0]) in norm(body_text(pdf))
    assert_dejavu_only(pdf)


def test_mention_without_purpose_or_contact_leaves_visible_gaps(demo):
    answers = {k: v for k, v in demo.data.answers.items() if k != "contexte.finalite"}
    bare = replace(
        demo.data,
        answers=answers,
        commune=demo.data.commune.model_copy(update={"contact_email": "", "contact_nom": ""}),
        assessment=demo.data.assessment.model_copy(update={"description": ""}),
    )
    assert bare.commune is not None
    text = mention_text(bare)
    assert text.count("[à compléter") == 2


def test_supplier_questionnaire_lists_supplier_unknowns(with_supplier_unknowns):
    data = with_supplier_unknowns
    questions = supplier_questions(data, ["gouvernance.charte"])
    ids = [question.id for question in questions]
    assert set(SUPPLIER_UNKNOWN) | {"gouvernance.charte"} <= set(ids)
    assert all(
        question.role == "fournisseur" or question.id == "gouvernance.charte"
        for question in questions
    )
    pdf = supplier_pdf(data, ["gouvernance.charte"])
    text = norm(body_text(pdf))
    for index, question in enumerate(questions, 1):
        assert norm(f"Question {index} — {question.label}") in text
    assert data.assessment.supplier.split()[0] in text
    assert_dejavu_only(pdf)
    rows = read_csv(supplier_csv(data, ["gouvernance.charte"]))
    assert rows[0][5] == "Réponse du fournisseur"
    assert [row[1] for row in rows[1:]] == ids
    assert all(row[5] == "" for row in rows[1:])


def test_transparency_record_json_and_csv(demo):
    record = json.loads(transparency_json(demo.data))
    etalab = record["etalab"]
    assert etalab["administration_nom"] == "Commune de Saint-Étienne-de-Tinée"
    assert etalab["nom_algorithme"] == demo.data.project
    assert etalab["niveau_automatisation"].startswith("Aide à la décision")
    assert set(etalab) == set(CORRESPONDENCE)
    dutch = record["algorithm_register_nl_eurocities"]
    for name in (
        "name",
        "description_short",
        "organization",
        "status",
        "goal",
        "human_intervention",
        "legal_basis",
        "impact_assessments",
        "provider",
    ):
        assert name in dutch
    assert len(dutch["description_short"]) <= 400
    assert dutch["publication_category"] == "impactful algorithm"
    for etalab_name, dutch_name in record["correspondance"].items():
        assert etalab_name in etalab and (dutch_name is None or dutch_name in dutch)
    assert set(record["a_completer"]) == {k for k, v in etalab.items() if not v}
    rows = read_csv(transparency_csv(demo.data))
    assert rows[0] == list(etalab)
    assert rows[1] == list(etalab.values())


def test_answers_csv_has_every_answer_and_comment(built):
    rows = read_csv(answers_csv(built.data))
    assert rows[0][:4] == ["Axe", "Identifiant", "Question", "Réponse"]
    by_id = {row[1]: row for row in rows[1:]}
    for question_id, answer in built.data.answers.items():
        assert by_id[question_id][5] == answer.comment
        assert (by_id[question_id][4] == "oui") == answer.unknown


def test_pdf_documents_have_consistent_page_numbers(with_supplier_unknowns):
    for pdf in (mention_pdf(with_supplier_unknowns), supplier_pdf(with_supplier_unknowns)):
        total = len(reader(pdf).pages)
        for number, page in enumerate(page_texts(pdf), 1):
            assert f"Page {number} / {total}" in page
