"""The draft council deliberation: French structure, filled from the assessment's facts."""

from dataclasses import replace

import pytest

from evalir_desktop.domain.records import OUTCOME_LABELS, DecisionRecord
from evalir_desktop.report import ReportOptions, build
from evalir_desktop.report.deliberation import deliberation_document, visa
from evalir_desktop.report.model import plain_text
from tests.report.conftest import norm
from tests.report.editable import convert_to_pdf, needs_libreoffice
from tests.report.pdftext import body_text, page_texts


def text_of(data) -> str:
    return norm(plain_text(deliberation_document(data).blocks))


def test_structure_and_facts_of_the_assessment(demo):
    data = demo.data
    text = text_of(data)
    order = [
        "Projet de délibération",
        "Le conseil municipal,",
        "Vu le code général des collectivités territoriales",
        "Considérant que la commune envisage le projet",
        "Après en avoir délibéré, le conseil municipal",
        "Article 1er",
        "Article 2",
        "Article 3",
        "Article 4",
    ]
    positions = [text.find(norm(part)) for part in order]
    assert -1 not in positions and positions == sorted(positions)
    assert norm(data.project) in text
    binding = [ob for ob in data.evaluation.obligations if ob.level in ("obligation", "interdit")]
    assert binding
    for ob in binding:
        assert norm(ob.title) in text
        assert norm(visa(ob.reference)) in text
        if ob.deadline:
            assert norm(ob.deadline.rstrip(".")[1:]) in text  # with its date
    assert data.fingerprint in text
    open_actions = sorted((a for a in data.actions if a.status != "fait"), key=lambda a: a.priority)
    assert norm(open_actions[0].title) in text
    assert "Quand le projet sera-t-il réexaminé" in text
    assert "réexaminé par le conseil municipal au plus tard le …………" in text


def test_decision_left_to_the_council_as_four_choices(demo):
    text = text_of(demo.data)
    for label in OUTCOME_LABELS.values():
        assert label in text
    assert "Délibération n° …………" in text
    assert "Décide (cocher la décision retenue)" in text


@pytest.mark.parametrize(
    ("outcome", "wording"),
    [("engager", "Décide d’engager le projet."), ("renoncer", "Décide de renoncer au projet.")],
)
def test_a_recorded_decision_gives_its_number_date_and_outcome(demo, outcome, wording):
    decision = DecisionRecord(
        assessment_id=demo.data.assessment.id,
        council_date="2026-12-03",
        deliberation_number="2026-051",
        outcome=outcome,
        text="Sous réserve d'un essai de trois mois.",
    )
    text = text_of(replace(demo.data, decision=decision))
    assert "Délibération n° 2026-051" in text
    assert "Séance du conseil municipal 3 décembre 2026" in text
    assert norm(wording) in text
    assert "Sous réserve d'un essai de trois mois." in text
    assert "cocher la décision retenue" not in text


def test_pdf_of_the_deliberation(demo):
    pdf = build(demo.data, ReportOptions("deliberation"))
    text = norm(body_text(pdf))
    assert "Projet de délibération" in text and "Article 1er" in text
    assert "Projet de délibération" in page_texts(pdf)[-1]  # the footer names the document


@needs_libreoffice
def test_editable_deliberation_converts(demo, tmp_path):
    files = []
    for fmt in ("odt", "docx"):
        path = tmp_path / f"deliberation.{fmt}"
        path.write_bytes(build(demo.data, ReportOptions("deliberation", format=fmt)))
        files.append(path)
    for pdf in convert_to_pdf(files, tmp_path / "pdf").values():
        text = norm(" ".join(page_texts(pdf.read_bytes())))
        assert "Après en avoir délibéré, le conseil municipal" in text
        assert "Article 1er" in text and "Renoncer au projet" in text
