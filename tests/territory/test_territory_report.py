"""The territory report (PDF) and `evalir report TERRITOIRE --territoire`."""

import io
from datetime import date

import pypdf
import pytest

from evalir_desktop.cli import main
from evalir_desktop.content import load_content
from evalir_desktop.report.territory import CONTENTS, territory_report
from evalir_desktop.territory.importing import consolidate, open_territory
from evalir_desktop.territory.overview import territory_view


@pytest.fixture(scope="module")
def territory(generated, tmp_path_factory):
    path = tmp_path_factory.mktemp("rapport territoire") / "territoire é.evalir"
    consolidate(path, generated)
    return path


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_report_holds_every_section_and_the_towns(territory):
    with open_territory(territory) as store:
        view = territory_view(store, load_content())
    pages, text = pdf_text(territory_report(view, printed_on=date(2026, 11, 25)))
    assert pages >= 6
    flat = " ".join(text.split()).replace("\u2019", "'")  # typographic apostrophes
    for title in CONTENTS:
        assert " ".join(title.split()) in flat, title
    assert view.epci in flat
    assert "25 novembre 2026" in flat
    assert f"Page 1 / {pages}" in flat
    for town in view.towns[:3]:
        assert town.nom in flat
    assert view.opportunities[0].explanation[:40] in flat
    assert view.obligations[0].title[:30] in flat


def test_empty_territory_prints_without_error(tmp_path):
    with open_territory(tmp_path / "vide.evalir") as store:
        view = territory_view(store, load_content())
    pages, text = pdf_text(territory_report(view, "Communauté de communes d'essai"))
    assert pages >= 1 and "Aucune évaluation" in text


def test_cli_territory_report(territory, generated, tmp_path, capsys):
    out = tmp_path / "rapport é.pdf"
    assert main(["report", str(territory), "--territoire", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "Rapport de territoire écrit" in capsys.readouterr().out
    assert main(["report", str(generated[0]), "--territoire", "-o", str(out), "--remplacer"]) == 2
    assert "fichier d'une commune" in capsys.readouterr().err
