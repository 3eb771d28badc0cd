"""The full report and the summary for elected officials say what is in force, what is not."""

import shutil
from datetime import date
from pathlib import Path

from evalir_desktop.content import load_content
from evalir_desktop.report.data import report_data
from evalir_desktop.report.full import full_report, summary_report
from evalir_desktop.report.method import method_pdf
from evalir_desktop.store import Store
from tests.report.pdftext import body_text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "content-2026.11.1.evalir"
TRIAGE = "Repérage des demandes d'aide atypiques"


def _triage(tmp_path, on: date):
    path = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, path)
    with Store.open(path, readonly=True) as store:
        assessment_id = next(r.id for r in store.assessments.all() if r.title == TRIAGE)
        return report_data(store, assessment_id, load_content(), on)


def _text(pdf: bytes) -> str:
    return " ".join(body_text(pdf).replace("\u00a0", " ").split())


def test_the_full_report_reads_the_dates_on_its_printing_day(tmp_path):
    december = _text(full_report(_triage(tmp_path, date(2026, 12, 1))))
    assert "Dates : Dates lues au 1er décembre 2026" in december
    assert "Application : Applicable à partir du 2 décembre 2027 : à anticiper (dans 12 mois)" in (
        december
    )
    assert "À anticiper : applicable à partir du 2 décembre 2027" in december
    assert "En vigueur depuis le 2 février 2025" in december
    later = _text(full_report(_triage(tmp_path, date(2028, 1, 1))))
    assert "Application : En vigueur depuis le 2 décembre 2027" in later
    assert "Application : Applicable à partir du" not in later


def test_the_summary_for_elected_officials_says_which_is_which(tmp_path):
    text = _text(summary_report(_triage(tmp_path, date(2026, 12, 1))))
    assert "— à anticiper : applicable à partir du 2 décembre 2027" in text
    assert "— en vigueur depuis le 2 février 2025" in text


def test_the_method_prints(tmp_path):
    text = _text(method_pdf(load_content(), date(2026, 12, 1)))
    assert "Méthode d’évaluation d’EVALIR Desktop" in text.replace("'", "’")
    assert "Relue avec la version 2026.12.1 du questionnaire." in text
