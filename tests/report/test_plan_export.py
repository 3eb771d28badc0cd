"""The action plan exported for a spreadsheet carries the axis, the recommendation each action
came from and its legal basis (CSV and ODS)."""

import csv
import io
import zipfile
from datetime import date

from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from odf.text import P

from evalir_desktop.content import load_content
from evalir_desktop.report.api import ReportOptions, build
from evalir_desktop.report.data import report_data
from evalir_desktop.session.plan import add_recommended_actions
from evalir_desktop.session.session import AssessmentSession
from tests.report.factories import demo_assessment


def seeded(store):
    content = load_content()
    assessment_id = demo_assessment(store, actions=0)
    added = add_recommended_actions(
        store, assessment_id, AssessmentSession(store, content, assessment_id).evaluation
    )
    store.plan.add_action(
        assessment_id, "Action ajoutée à la main", due_date=date(2027, 3, 15), note="Devis reçu."
    )
    data = report_data(store, assessment_id, content, date(2026, 11, 25))
    return data, added


def expected_first(data):
    action = next(a for a in data.actions if a.recommendation_id)
    question = next(
        q
        for q in data.content.questions()
        if any(r.id == action.recommendation_id for r in q.recommendations)
    )
    recommendation = next(r for r in question.recommendations if r.id == action.recommendation_id)
    return action, question, recommendation


def test_csv_has_axis_origin_and_legal_basis(store):
    data, added = seeded(store)
    assert added > 3
    rows = list(
        csv.reader(
            io.StringIO(build(data, ReportOptions("plan-csv")).decode("utf-8-sig")), delimiter=";"
        )
    )
    header, body = rows[0], rows[1:]
    assert header[:3] == ["N°", "Action", "Axe"]
    assert {"Recommandation d'origine", "Pourquoi", "Base légale"} <= set(header)
    assert len(body) == added + 1
    action, question, recommendation = expected_first(data)
    line = next(row for row in body if row[1] == action.title)
    column = dict(zip(header, line, strict=True))
    assert column["Axe"] == data.axis_title(action.axis_id)
    assert column["Recommandation d'origine"] == recommendation.text
    assert column["Pourquoi"] == recommendation.why
    assert column["Base légale"] == " ; ".join(question.references)
    manual = dict(zip(header, next(r for r in body if r[1].endswith("à la main")), strict=True))
    assert manual["Échéance"] == "15/03/2027" and manual["Recommandation d'origine"] == ""
    assert manual["Note de suivi"] == "Devis reçu."


def test_ods_opens_as_a_spreadsheet_with_real_dates(store, tmp_path):
    data, added = seeded(store)
    payload = build(data, ReportOptions("plan-ods"))
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
    path = tmp_path / "plan.ods"
    path.write_bytes(payload)
    [sheet] = load(str(path)).spreadsheet.getElementsByType(Table)
    rows = sheet.getElementsByType(TableRow)
    assert len(rows) == added + 2

    def texts(row):
        return [
            "".join(str(p) for p in c.getElementsByType(P))
            for c in row.getElementsByType(TableCell)
        ]

    header = texts(rows[0])
    assert "Base légale" in header
    last = next(r for r in rows if texts(r)[1].endswith("à la main")).getElementsByType(TableCell)
    due = last[header.index("Échéance")]
    assert due.getAttribute("valuetype") == "date" and due.getAttribute("datevalue") == "2027-03-15"
    action, question, recommendation = expected_first(data)
    line = next(texts(row) for row in rows[1:] if texts(row)[1] == action.title)
    assert line[header.index("Recommandation d'origine")] == recommendation.text
