"""Typography, fingerprint, radar chart (PDF and SVG), and reportlab kept off start-up."""

import subprocess
import sys
from datetime import date
from xml.etree import ElementTree

from evalir_desktop.domain.answers import Answer
from evalir_desktop.report import build_pdf, fingerprint, fr_date, french, radar_drawing, radar_svg
from evalir_desktop.report.document import PageInfo
from evalir_desktop.report.typography import markup, number
from tests.report.pdftext import BASE14, base_name, body_text, fonts

AXES = [
    ("Besoin", 62),
    ("Gouvernance et décision humaine", 45),
    ("Compétences", None),
    ("Données", 80),
    ("Droit", 0),
]


def test_french_dates_and_numbers():
    assert fr_date(date(2026, 11, 25)) == "25 novembre 2026"
    assert fr_date("2027-02-01") == "1er février 2027"
    assert fr_date("2026-08-02T10:00:00+00:00") == "2 août 2026"
    assert fr_date(None, "—") == "—"
    assert number(4800) == "4\u00a0800" and number(12.5) == "12,5"


def test_french_spacing_is_non_breaking():
    assert french("« oui » : non ? 12 €") == "«\u00a0oui\u00a0»\u00a0: non\u00a0? 12\u00a0€"
    assert french("l'outil") == "l\u2019outil"
    assert french("https://exemple.fr/a?b=1") == "https://exemple.fr/a?b=1"
    assert markup("a < b & c\nd") == "a &lt; b &amp; c<br/>d"


def test_fingerprint_follows_the_data(store, make_assessment):
    record = make_assessment()
    answers = {"besoin.probleme": Answer(value="Files d'attente", comment="Mairie")}
    first = fingerprint(record, answers, [], None, store.town.commune())
    assert len(first) == 8 and int(first, 16) >= 0
    assert fingerprint(record, dict(answers), [], None, store.town.commune()) == first
    changed = {"besoin.probleme": Answer(value="Files d'attente", comment="Mairie !")}
    assert fingerprint(record, changed, [], None, store.town.commune()) != first
    later = record.model_copy(update={"updated_at": "2030-01-01T00:00:00+00:00"})
    assert fingerprint(later, answers, [], None, store.town.commune()) == first


def test_radar_in_pdf_prints_every_axis_and_score():
    pdf = build_pdf([radar_drawing(AXES)], PageInfo("Ville", "Projet", "25 novembre 2026"), "t")
    text = body_text(pdf)
    for label, score in AXES:
        assert label.split()[0] in text
        assert ("non évalué" if score is None else f"{score} / 100") in text
    assert not {base_name(name) for name in fonts(pdf)} & BASE14


def test_radar_svg_is_valid_and_labelled():
    svg = radar_svg(AXES)
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    text = svg.decode("utf-8")
    assert "Compétences" in text and "non évalué" in text and "62 / 100" in text
    assert "font-family: DejaVu Sans" in text and "font-weight: bold" in text
    assert "clipPath" not in text  # Qt's SVG renderer would paint it black


def test_radar_skips_unscored_axes_and_uses_short_labels(demo):
    axes = demo.data.evaluation.axes
    labels = demo.data.axis_labels()
    text = radar_svg(axes, labels).decode("utf-8")
    assert labels["besoin"] in text
    assert demo.data.content.axis("contexte").title not in text


def test_main_window_starts_without_reportlab_or_qtpdf():
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import evalir_desktop.ui.main_window\n"
        "bad = [m for m in sys.modules if m.startswith('reportlab') or 'QtPdf' in m]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_hostile_text_is_printed_literally(store, make_assessment):
    from evalir_desktop.report import full_report, report_data

    record = make_assessment(title="<b>Projet</b> & « essai »\x00\x07")
    store.answers.save(
        record.id,
        "besoin.probleme",
        Answer(value="<font name='Helvetica'>x</font> & <br/> fin\x0b\x1b", comment="a\tb\r\nc"),
    )
    pdf = full_report(report_data(store, record.id))
    text = body_text(pdf)
    assert "<font name='Helvetica'>x</font> & <br/> fin" in text.replace("\u2019", "'")
    assert "<b>Projet</b> &" in text
    assert not {base_name(name) for name in fonts(pdf)} & BASE14


def test_a_new_assessment_prints_its_gaps(store, make_assessment):
    from evalir_desktop.report import full_report, report_data, summary_report
    from tests.report.pdftext import page_texts

    record = make_assessment()
    data = report_data(store, record.id)
    text = body_text(full_report(data))
    assert "Sans réponse" in text
    assert "Aucune action n'a encore été inscrite" in text.replace("\u2019", "'")
    assert "Décision du conseil municipal (à remplir)" in text
    assert "non évalué" in text
    assert len(page_texts(summary_report(data))) <= 2
