"""The document model that the PDF, ODT and DOCX writers share: headings, text, tables, images.

The content of a document is built once from `ReportData` as a list of blocks; each writer
(`pdf_writer`, `odt_writer`, `docx_writer`) turns the same blocks into its format. Every
string is plain text: writers escape it and apply French spacing themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from evalir_desktop.report.typography import paragraphs

# Paragraph styles every writer knows (PDF: report/styles.py; ODT and DOCX: named styles).
STYLES = (
    "body",
    "bullet",
    "small",
    "muted",
    "subtitle",
    "box",
    "question",
    "answer",
    "comment",
    "center",
)


@dataclass(frozen=True)
class Heading:
    """A heading: level 0 is the document title, 1–3 are real heading levels."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    """A paragraph of plain text ("\\n" is a line break), with an optional bold lead-in."""

    text: str
    style: str = "body"
    lead: str = ""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    style: str = "bullet"  # "bullet" (body size) or "small"
    mark: str = "•"


@dataclass(frozen=True)
class Bar:
    """A maturity score in a table cell (a bar in the PDF, a figure elsewhere)."""

    score: float | None

    @property
    def text(self) -> str:
        return "non évalué" if self.score is None else f"{round(self.score)} / 100"


Cell = str | Bar


@dataclass(frozen=True)
class Table:
    """A data table with a header row repeated on every page; widths are relative."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]


@dataclass(frozen=True)
class KeyValues:
    """A two-column table of labels and values; an empty value prints as a dash."""

    rows: tuple[tuple[str, str], ...]
    key_width: float = 4.8  # centimetres


@dataclass(frozen=True)
class Radar:
    """The radar chart of axis maturities (axis results and their short labels)."""

    axes: tuple
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FillLine:
    """A label followed by a line to fill in by hand."""

    label: str


@dataclass(frozen=True)
class BlankLines:
    """Empty ruled lines to write on by hand."""

    count: int


@dataclass(frozen=True)
class Choices:
    """Boxes to tick by hand, laid out in two columns."""

    labels: tuple[str, ...]


@dataclass(frozen=True)
class Boxed:
    """A framed group of blocks that stays on one page (a form to fill in)."""

    blocks: tuple


@dataclass(frozen=True)
class Keep:
    """Blocks kept on the same page where the format allows it."""

    blocks: tuple


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Space:
    """Vertical space, in centimetres."""

    height: float


Block = (Heading | Para | Bullets | Table | KeyValues | Radar | FillLine | BlankLines | Choices) | (
    Boxed | Keep | PageBreak | Space
)


@dataclass(frozen=True)
class Document:
    """A whole document: its name in the footer, its title, its blocks in order."""

    name: str  # "Rapport d'évaluation": printed in the footer of every page
    title: str  # metadata title
    blocks: tuple
    cover: bool = False  # the first page has no running header


def long_text(text: str, style: str = "body") -> list[Para]:
    """A long text as one paragraph per paragraph, so pages can break between them."""
    return [Para(part, style) for part in paragraphs(text)]


def bullets(items: Sequence[str], style: str = "bullet", mark: str = "•") -> Bullets:
    return Bullets(tuple(items), style, mark)


def table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> Table:
    return Table(tuple(header), tuple(tuple(row) for row in rows), tuple(widths))


def key_values(rows: Sequence[tuple[str, str]], key_width: float = 4.8) -> KeyValues:
    return KeyValues(tuple((key, value or "") for key, value in rows), key_width)


def plain_text(blocks: Sequence) -> str:
    """Every string of `blocks`, in order (for tests and the glossary)."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Boxed | Keep):
            parts.append(plain_text(block.blocks))
        elif isinstance(block, Heading | Para):
            parts.append(f"{getattr(block, 'lead', '')} {block.text}".strip())
        elif isinstance(block, Bullets):
            parts += block.items
        elif isinstance(block, Table):
            parts += [" ".join(block.header)]
            parts += [" ".join(c.text if isinstance(c, Bar) else c for c in r) for r in block.rows]
        elif isinstance(block, KeyValues):
            parts += [f"{key} {value}" for key, value in block.rows]
        elif isinstance(block, FillLine):
            parts.append(block.label)
        elif isinstance(block, Choices):
            parts += block.labels
    return "\n".join(parts)
