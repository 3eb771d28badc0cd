"""Read back ODT and DOCX files: headings, text, images, footer; convert them with LibreOffice."""

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table as DocxTable
from odf import teletype
from odf.opendocument import load
from odf.text import H

from tests.report.pdftext import normalize

LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_skip_without_libreoffice = pytest.mark.skipif(
    LIBREOFFICE is None,
    reason="LibreOffice is absent (apt-get install libreoffice-writer-nogui): the ODT and "
    "DOCX files are still checked by reading them back, not by converting them",
)


def needs_libreoffice(test):
    """A conversion by LibreOffice: slow (seconds per document), skipped where it is absent."""
    return pytest.mark.slow(_skip_without_libreoffice(test))


def odt_headings(payload: bytes) -> list[tuple[int, str]]:
    doc = load(io.BytesIO(payload))
    return [
        (int(h.getAttribute("outlinelevel")), normalize(teletype.extractText(h)))
        for h in doc.getElementsByType(H)
    ]


def _docx_paragraphs(container):
    """Every paragraph in reading order, those inside table cells included."""
    for item in container.iter_inner_content():
        if isinstance(item, DocxTable):
            for row in item.rows:
                for cell in row.cells:
                    yield from _docx_paragraphs(cell)
        else:
            yield item


def docx_headings(payload: bytes) -> list[tuple[int, str]]:
    found = []
    for paragraph in _docx_paragraphs(Document(io.BytesIO(payload))):
        match = re.fullmatch(r"Heading (\d)", paragraph.style.name)
        if match:
            found.append((int(match.group(1)), normalize(paragraph.text)))
    return found


def odt_text(payload: bytes) -> str:
    return normalize(teletype.extractText(load(io.BytesIO(payload)).text))


def docx_text(payload: bytes) -> str:
    doc = Document(io.BytesIO(payload))
    return normalize(" ".join(p.text for p in _docx_paragraphs(doc)))


def odt_footer(payload: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return archive.read("styles.xml").decode("utf-8")


def docx_footer(payload: bytes) -> str:
    doc = Document(io.BytesIO(payload))
    return " ".join(p.text for p in doc.sections[0].footer.paragraphs)


def images(payload: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return [
            name
            for name in archive.namelist()
            if name.startswith(("Pictures/", "word/media/")) and name.endswith(".png")
        ]


def convert_to_pdf(files: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Every file converted to PDF by one headless LibreOffice run (own profile folder)."""
    profile = out_dir / "profil-libreoffice"
    command = [
        LIBREOFFICE,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, files),
    ]
    env = dict(os.environ, HOME=str(out_dir))
    subprocess.run(command, check=True, capture_output=True, timeout=300, env=env)
    return {path: out_dir / (path.stem + ".pdf") for path in files}
