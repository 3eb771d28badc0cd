"""ODT and DOCX documents: the same model as the PDF, real headings, tables, radar, footer."""

import re

import pytest

from evalir_desktop.report import ReportOptions, build
from evalir_desktop.report.api import DOCUMENTS
from evalir_desktop.report.full import full_document
from evalir_desktop.report.model import Heading, plain_text
from evalir_desktop.report.sections import CONTENTS
from tests.report.conftest import norm
from tests.report.editable import (
    convert_to_pdf,
    docx_footer,
    docx_headings,
    docx_text,
    images,
    needs_libreoffice,
    odt_footer,
    odt_headings,
    odt_text,
)
from tests.report.pdftext import page_texts

EDITABLE_KINDS = ("complet", "synthese", "plan")
READERS = {"odt": (odt_headings, odt_footer), "docx": (docx_headings, docx_footer)}
TEXT = {"odt": odt_text, "docx": docx_text}


def model_headings(data, kind: str) -> list[tuple[int, str]]:
    document = DOCUMENTS[kind].document(data, ReportOptions(kind))
    return [
        (block.level, norm(block.text))
        for block in _walk(document.blocks)
        if isinstance(block, Heading) and block.level
    ]


def unmarked(text: str) -> str:
    """Without the level marks, which LibreOffice draws from a fallback font (moved by pypdf)."""
    return norm(re.sub("[■▲◆●○☐•]", " ", text))


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "blocks", ()))


@pytest.mark.parametrize("fmt", ["odt", "docx"])
@pytest.mark.parametrize("kind", EDITABLE_KINDS)
def test_editable_documents_have_the_headings_of_the_model(demo, kind, fmt):
    payload = build(demo.data, ReportOptions(kind, format=fmt))
    headings, footer = READERS[fmt]
    assert [(level, norm(text)) for level, text in headings(payload)] == model_headings(
        demo.data, kind
    )
    assert demo.data.fingerprint in footer(payload)


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_full_report_keeps_the_order_of_the_pdf_and_its_radar(demo, fmt):
    payload = build(demo.data, ReportOptions("complet", format=fmt))
    chapters = [text for level, text in READERS[fmt][0](payload) if level == 1]
    assert chapters[:10] == [f"{i}. {title}" for i, title in enumerate(CONTENTS, 1)]
    assert len(images(payload)) == 1  # the radar, as a PNG


def test_the_pdf_prints_what_the_model_holds(demo):
    """One model: the PDF text holds every heading of the model, in the same order."""
    text = demo.text
    position = 0
    for _, heading in model_headings(demo.data, "complet"):
        found = text.find(heading, position)
        assert found >= 0, heading
        position = found
    assert norm(demo.data.evaluation.obligations[0].title) in norm(
        plain_text(full_document(demo.data).blocks)
    )


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_long_texts_accents_and_200_actions_are_all_written(stress, fmt):
    payload = build(stress.data, ReportOptions("complet", format=fmt))
    text = norm(TEXT[fmt](payload))
    assert "[décision]" in text and "Société «Œil de l'État» — 12 € / mois" in text
    assert norm(stress.data.actions[-1].title)[:30] in text


@needs_libreoffice
def test_libreoffice_converts_each_document_with_headings_and_obligations(demo, tmp_path):
    files = []
    for kind in EDITABLE_KINDS:
        for fmt in ("odt", "docx"):
            path = tmp_path / f"{kind}.{fmt}"
            path.write_bytes(build(demo.data, ReportOptions(kind, format=fmt)))
            files.append(path)
    converted = convert_to_pdf(files, tmp_path / "pdf")
    obligations = [norm(ob.title) for ob in demo.data.evaluation.obligations]
    for source, pdf in converted.items():
        text = unmarked(" ".join(page_texts(pdf.read_bytes())))
        kind = source.stem
        for _, heading in model_headings(demo.data, kind):
            assert unmarked(heading) in text, (source.name, heading)
        if kind in ("complet", "synthese"):
            shown = obligations if kind == "complet" else obligations[:6]
            for title in shown:
                assert title in text, (source.name, title)
        if kind == "plan":
            assert norm(demo.data.actions[0].title)[:40] in text


def test_a_pdf_only_document_refuses_another_format(demo):
    with pytest.raises(ValueError):
        build(demo.data, ReportOptions("fournisseur", format="docx"))
