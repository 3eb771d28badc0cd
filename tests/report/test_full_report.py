"""The full report: every answer, comment, obligation and action printed; pages and fonts."""

from evalir_desktop.content import UNKNOWN_LABEL, display_answer
from evalir_desktop.report import sections
from tests.report.conftest import norm
from tests.report.pdftext import BASE14, base_name, fonts, page_last_lines, reader


def test_every_answered_question_and_comment_appears(built):
    text = built.text
    data = built.data
    visible = data.visible_questions()
    answered = [q for q in visible if q.id in data.answers]
    assert len(answered) > 60
    for question in answered:
        answer = data.answers[question.id]
        assert norm(question.label) in text, question.id
        shown = UNKNOWN_LABEL if answer.unknown else display_answer(question, answer)
        assert norm(shown) in text, question.id
        assert answer.comment and norm(answer.comment) in text, question.id


def test_every_triggered_obligation_appears_with_its_reference(built):
    text = built.text
    obligations = built.data.evaluation.obligations
    assert {"crpa.mention_explicite", "aiact.transparence_interaction"} <= {
        ob.id for ob in obligations
    }
    for ob in obligations:
        assert ob.id in text
        assert norm(ob.reference) in text
        assert norm(ob.title) in text


def test_every_action_appears(built):
    """A title too long for one page is split inside its row, under the repeated header:
    its beginning and its end are then checked separately."""
    text = built.text
    assert built.data.actions
    for action in built.data.actions:
        title = action.title
        assert norm(title[:300]) in text
        assert norm(title[-300:]) in text


def test_page_numbers_are_consistent(built):
    pages = built.pages
    total = len(reader(built.pdf).pages)
    assert total == len(pages) > 10
    for number, page in enumerate(pages, 1):
        assert f"Page {number} / {total}" in page
        assert built.data.fingerprint in page
    assert not any(f"Page {total + 1} /" in page for page in pages)


def test_table_headers_repeat_on_every_page_of_a_long_table(stress):
    header = "N° Action Axe Responsable Échéance Priorité État"
    plan = stress.text[stress.text.rindex("8. Plan d'action") : stress.text.rindex("9. Décision")]
    assert plan.count(header) >= 8  # 200 actions run over many pages


def test_no_page_ends_on_a_heading(built):
    data = built.data
    headings = [f"{i}. {title}" for i, title in enumerate(sections.CONTENTS, 1)]
    for index, axis in enumerate(data.content.axes, 1):
        result = data.evaluation.axis(axis.id)
        score = "" if not result.scored else " — non évalué"
        if result.scored and result.score is not None:
            score = f" — maturité {round(result.score)} / 100"
        headings.append(f"7.{index} {axis.title}{score}")
    headings += [question.label for question in data.visible_questions()]
    headings += [ob.title for ob in data.evaluation.obligations]
    headings += [rec.text for rec in data.evaluation.recommendations]
    headings = [norm(heading) for heading in headings]
    # An axis title alone is also a cell of the « Axe » column (unknowns, supplier tables).
    cells = {norm(axis.title) for axis in data.content.axes}
    for number, last in enumerate(page_last_lines(built.pdf)[1:], 2):  # the cover lists them
        last = norm(last)
        if len(last) > 8 and last not in cells:
            assert not any(heading.endswith(last) for heading in headings), (number, last)


def test_only_embedded_dejavu_fonts(built):
    found = fonts(built.pdf)
    assert found, "no font found in the PDF"
    assert all(found.values()), found
    assert not {base_name(name) for name in found} & BASE14
    assert {base_name(name) for name in found} <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
    }


def test_french_characters_survive(stress):
    text = stress.text
    for char in "éèêàçœ«»€…—":
        assert char in text
    assert "l'œuvre coûte 12 €" in text


def test_sections_in_order(demo):
    text = demo.text
    titles = [
        "1. Le projet",
        "2. Synthèse pour les élus",
        "3. Qualification réglementaire",
        "4. Maturité par axe",
        "5. Points de vigilance et recommandations",
        "6. Ce qui reste à documenter",
        "7. Réponses et commentaires, axe par axe",
        "8. Plan d'action",
        "9. Décision",
        "10. Glossaire",
    ]
    positions = [text.rindex(title) for title in titles]  # the cover lists them first
    assert positions == sorted(positions)


def test_blank_decision_box_without_a_recorded_decision(demo):
    text = demo.text
    assert "Décision du conseil municipal (à remplir)" in text
    assert text.count("☐") == 4


def test_recorded_decision_is_printed(stress):
    text = stress.text
    decision = stress.data.decision
    assert decision.deliberation_number in text
    assert "Engager le projet sous conditions" in text
    assert norm(decision.text) in text
    assert "(à remplir)" not in text


def test_unknowns_listed_with_who_can_answer(demo):
    text = demo.text
    unknowns = demo.data.evaluation.unknowns
    assert unknowns
    for item in unknowns:
        assert norm(item.role_label) in text
        assert norm(item.label) in text


def test_glossary_keeps_terms_used(demo):
    text = demo.text
    glossary = text[text.rindex("10. Glossaire") :]
    assert "CRPA" in glossary and "AIPD" in glossary


def test_no_verdict_is_given(demo):
    text = demo.text.lower()
    assert "la décision appartient aux élus" in text
    for verdict in ("projet conforme", "vous pouvez y aller", "feu vert", "note globale :"):
        assert verdict not in text


def test_decision_line_spaces_its_semicolon_as_french_does(stress):
    from evalir_desktop.report.summary import decision_line
    from evalir_desktop.report.typography import NNBSP, french

    decision = stress.data.decision
    assert decision.validated_on and decision.outcome
    line = french(decision_line(stress.data), NNBSP)
    assert f"{NNBSP}; décision du conseil" in line
