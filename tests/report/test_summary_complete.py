"""The summary for elected officials lists every binding obligation and every point of
vigilance that fits on two pages, says where the others are, and keeps names as typed."""

from dataclasses import replace

from evalir_desktop.content.models import is_binding
from evalir_desktop.domain.records import DecisionRecord
from evalir_desktop.report import summary_report
from evalir_desktop.report.full import full_document
from evalir_desktop.report.summary import EVERYTHING, summary_flowables
from evalir_desktop.report.summary_fit import fitted_limits, summary_pages
from evalir_desktop.report.writers import render
from tests.report.conftest import norm
from tests.report.pdftext import body_text, page_texts


def test_every_binding_obligation_is_listed(built):
    text = norm(body_text(summary_report(built.data)))
    binding = [ob for ob in built.data.evaluation.obligations if is_binding(ob.level)]
    assert len(binding) > 6  # more than the six the summary used to keep
    for ob in binding:
        assert norm(ob.title) in text


def test_nothing_is_cut_while_it_fits(built):
    data = replace(
        built.data,
        evaluation=built.data.evaluation.model_copy(
            update={"recommendations": built.data.evaluation.recommendations[:3]}
        ),
    )
    assert fitted_limits(data) == EVERYTHING
    text = norm(body_text(summary_report(data)))
    assert "… et" not in text
    for ob in data.evaluation.obligations:
        assert norm(ob.title) in text
    for rec in data.evaluation.recommendations:
        assert norm(rec.text[:60]) in text


def test_when_two_pages_are_full_the_summary_says_where_the_rest_is(built):
    ev = built.data.evaluation
    assert summary_pages(built.data, EVERYTHING, "Synthèse pour les élus") > 2
    limits = fitted_limits(built.data)
    assert limits.others is None  # the points of vigilance go first
    assert 0 < limits.vigilance < len(ev.recommendations)
    pdf = summary_report(built.data)
    assert len(page_texts(pdf)) == 2
    text = norm(body_text(pdf))
    rest = len(ev.recommendations) - limits.vigilance
    assert f"… et {rest} points de vigilance, moins urgents" in text
    assert norm("« 5. Points de vigilance et recommandations » du rapport complet") in text
    one_more = replace(limits, vigilance=limits.vigilance + 1)
    assert summary_pages(built.data, one_more, "Synthèse pour les élus") > 2  # really full
    full = norm(body_text(render(full_document(built.data), built.data)))
    assert "5. Points de vigilance et recommandations" in full  # the place it points to


def test_names_keep_their_case_and_accents(demo):
    decision = DecisionRecord(
        assessment_id=demo.data.assessment.id,
        validated_by="Marie Dupont",
        validated_role="directrice générale des services",
        validated_on="2026-11-20",
    )
    data = replace(demo.data, decision=decision)
    expected = "validée le 20 novembre 2026 par Marie Dupont, directrice générale des services"
    summary = norm(body_text(summary_report(data)))
    assert norm(expected) in summary
    first_page = norm(page_texts(render(full_document(data), data))[0])
    assert norm(expected) in first_page
    blocks = summary_flowables(data)
    assert any("Marie Dupont" in str(block) for block in blocks)
