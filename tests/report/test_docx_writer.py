"""The DOCX writer sets each paragraph's style by its id, looked up once per document.

python-docx looks a style up by name (a scan of every style of the document) each time
`paragraph.style` is set: that made a full report's DOCX 2.4 to 5 times slower than its
PDF (issue 26). The count of look-ups must not grow with the number of paragraphs (the
speed itself is measured in benchmarks/bench_docx.py, never asserted here).
"""

import io

from docx import Document as read_docx
from docx.styles.styles import Styles

from evalir_desktop.report.document import PageInfo
from evalir_desktop.report.docx_writer import write_docx
from evalir_desktop.report.model import Bullets, Document, Heading, KeyValues, Para, Table

INFO = PageInfo(town="Commune", project="Projet", printed_on="1er décembre 2026")


def document(paragraphs: int) -> Document:
    blocks = [Heading("Titre", 0), Heading("Partie", 1)]
    for index in range(paragraphs):
        blocks.append(Para(f"Paragraphe {index}", "comment" if index % 2 else "body"))
    blocks.append(Bullets(("un", "deux"), "small"))
    rows = tuple((f"clé {index}", f"valeur {index}") for index in range(paragraphs))
    blocks.append(Table(("Clé", "Valeur"), rows, (1, 2)))
    blocks.append(KeyValues(rows=(("Commune", "Ici"),)))
    return Document(name="Rapport", title="Rapport", blocks=tuple(blocks))


def style_lookups(monkeypatch, paragraphs: int) -> int:
    calls = []
    for name in ("__getitem__", "get_style_id", "default"):
        original = getattr(Styles, name)

        def counted(self, *args, _original=original, **kwargs):
            calls.append(1)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Styles, name, counted)
    write_docx(document(paragraphs), INFO)
    monkeypatch.undo()
    return len(calls)


def test_style_lookups_do_not_grow_with_the_paragraphs(monkeypatch):
    assert style_lookups(monkeypatch, 5) == style_lookups(monkeypatch, 200)


def test_paragraphs_carry_their_styles():
    docx = read_docx(io.BytesIO(write_docx(document(3), INFO)))
    styles = [(p.style.name, p.text) for p in docx.paragraphs]
    assert styles[:2] == [("Title", "Titre"), ("Heading 1", "Partie")]
    assert [name for name, _ in styles[2:5]] == ["Texte EVALIR", "Commentaire", "Texte EVALIR"]
    assert all(name == "Liste réduite" for name, _ in styles[5:7])
    table = docx.tables[0]
    assert table.style.name == "Table Grid"
    assert table.rows[0].cells[0].paragraphs[0].style.name == "En-tête de tableau"
    assert table.rows[1].cells[1].paragraphs[0].style.name == "Contenu de tableau"
