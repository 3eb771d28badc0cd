"""Write a `model.Document` as Office Open XML (.docx) with python-docx."""

import io

from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from evalir_desktop.report import model
from evalir_desktop.report.document import PageInfo
from evalir_desktop.report.editable import (
    FONT,
    GREY_HEX,
    HEADING_SIZES,
    LIGHT_HEX,
    PAGE_MARGIN_CM,
    PARA_STYLES,
    RADAR_SIZE_CM,
    TEXT_WIDTH_CM,
    ParaStyle,
    clean,
    footer_text,
    header_text,
    radar_png,
    relative_widths,
)
from evalir_desktop.report.typography import shorten


def _field(paragraph, instruction: str) -> None:
    """A field Word and LibreOffice compute when they lay out the page (PAGE, NUMPAGES)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _shade(cell, hex_colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), hex_colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _box(style) -> None:
    """A thin frame around every paragraph of `style`, on a pale background."""
    properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "6"), ("color", "000000")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    properties.append(borders)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "F5F5F5")
    properties.append(shading)


def _apply(style, spec: ParaStyle, size: float | None = None) -> None:
    font = style.font
    font.name, font.size = FONT, Pt(size or spec.size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one
    font.bold, font.italic = spec.bold, spec.italic
    font.color.rgb = RGBColor.from_string(GREY_HEX if spec.grey else "000000")
    layout = style.paragraph_format
    layout.space_before, layout.space_after = Pt(spec.before), Pt(spec.after)
    layout.left_indent = Cm(spec.indent)
    if spec.centred:
        layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.boxed:
        _box(style)


class DocxWriter:
    """Adds blocks to one Word document; `container` is the body or a table cell."""

    def __init__(self, info: PageInfo, title: str):
        self.doc = new_docx()
        self.pending_break = False
        self.doc.core_properties.title = shorten(clean(title), 250)  # Word's limit: 255
        self.doc.core_properties.author = shorten(clean(info.town), 250)
        self.doc.core_properties.language = "fr-FR"
        self._page(info)
        self._styles()

    def _page(self, info: PageInfo) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(PAGE_MARGIN_CM))
        header = section.header.paragraphs[0]
        header.text = header_text(info)
        footer = section.footer.paragraphs[0]
        footer.text = footer_text(info) + " · Page "
        _field(footer, "PAGE")
        footer.add_run(" / ")
        _field(footer, "NUMPAGES")
        small = ParaStyle("", size=7.5, grey=True, after=0)
        for name in ("Header", "Footer"):
            _apply(self.doc.styles[name], small)

    def _styles(self) -> None:
        styles = self.doc.styles
        _apply(styles["Normal"], PARA_STYLES["body"])
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "fr-FR")
        styles["Normal"].element.get_or_add_rPr().append(language)
        self.names = {}
        for key, spec in PARA_STYLES.items():
            style = styles.add_style(spec.display, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["List Bullet" if key == "bullet" else "Normal"]
            _apply(style, spec)
            self.names[key] = spec.display
        for level, size in HEADING_SIZES.items():
            name = "Title" if level == 0 else f"Heading {level}"
            spec = ParaStyle("", size=size, bold=True, before=18 if level == 1 else 8, after=6)
            _apply(styles[name], spec)
            self.names[f"h{level}"] = name
        small_list = styles.add_style("Liste réduite", WD_STYLE_TYPE.PARAGRAPH)
        small_list.base_style = styles["List Bullet"]
        _apply(small_list, PARA_STYLES["small"])
        self.names["small_bullet"] = small_list.name
        # python-docx looks a style up by name (a scan of every style) each time one is set:
        # 8.7 s of 11.8 s for a full report. Each style's id is looked up once here, and
        # paragraphs get it directly (None for « Normal », as python-docx writes it).
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.style_ids = {
            key: None if styles[name] == default else styles[name].style_id
            for key, name in self.names.items()
        }
        self.table_style_id = styles["Table Grid"].style_id

    def _styled(self, paragraph, style: str):
        style_id = self.style_ids[style]
        if style_id is not None:
            paragraph._p.get_or_add_pPr().style = style_id
        return paragraph

    # -- blocks --------------------------------------------------------------------

    def paragraph(self, container, text: str, style: str, lead: str = ""):
        body = container._body if container is self.doc else container
        paragraph = self._styled(body._add_paragraph(), style)
        if self.pending_break:
            paragraph.paragraph_format.page_break_before = True
            self.pending_break = False
        if lead:
            paragraph.add_run(clean(lead) + " ").bold = True
        lines = clean(text).replace("\r\n", "\n").split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run = paragraph.add_run(line)
        return paragraph

    def add(self, block, container) -> None:
        getattr(self, f"add_{type(block).__name__.lower()}")(block, container)

    def add_heading(self, block: model.Heading, container) -> None:
        self.paragraph(container, block.text, f"h{block.level}")

    def add_para(self, block: model.Para, container) -> None:
        self.paragraph(container, block.text, block.style, block.lead)

    def add_bullets(self, block: model.Bullets, container) -> None:
        small = block.style == "small"
        style = ("small" if small else "body") if not block.mark else None
        for item in block.items:
            self.paragraph(container, item, style or ("small_bullet" if small else "bullet"))

    def _table(self, container, rows: int, widths_cm: list[float]):
        if self.pending_break:  # a table cannot carry the break: an empty paragraph does
            self.paragraph(container, "", "small")
        table = container.add_table(rows=rows, cols=len(widths_cm))
        table._tbl.tblStyle_val = self.table_style_id
        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)
        return table

    def _fill(self, cell, value, style: str) -> None:
        text = value.text if isinstance(value, model.Bar) else (value or "")
        paragraph = self._styled(cell.paragraphs[0], style)
        paragraph.add_run(clean(text))

    def add_table(self, block: model.Table, container) -> None:
        table = self._table(container, len(block.rows) + 1, relative_widths(block.widths))
        _repeat_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, block.header, strict=True):
            self._fill(cell, text, "cell_head")
            _shade(cell, LIGHT_HEX)
        for row, values in zip(table.rows[1:], block.rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                self._fill(cell, value, "cell")

    def add_keyvalues(self, block: model.KeyValues, container) -> None:
        widths = [block.key_width, TEXT_WIDTH_CM - block.key_width]
        table = self._table(container, len(block.rows), widths)
        for row, (key, value) in zip(table.rows, block.rows, strict=True):
            self._fill(row.cells[0], key, "cell_head")
            _shade(row.cells[0], LIGHT_HEX)
            self._fill(row.cells[1], value or "—", "cell")

    def add_radar(self, block: model.Radar, container) -> None:
        paragraph = self.paragraph(container, "", "center")
        paragraph.add_run().add_picture(io.BytesIO(radar_png(block)), width=Cm(RADAR_SIZE_CM[0]))

    def add_fillline(self, block: model.FillLine, container) -> None:
        self.paragraph(container, f"{block.label} : " + "_" * 40, "body")

    def add_blanklines(self, block: model.BlankLines, container) -> None:
        for _ in range(block.count):
            self.paragraph(container, "_" * 70, "body")

    def add_choices(self, block: model.Choices, container) -> None:
        for label in block.labels:
            self.paragraph(container, f"☐ {label}", "body")

    def add_boxed(self, block: model.Boxed, container) -> None:
        cell = self._table(container, 1, [TEXT_WIDTH_CM]).rows[0].cells[0]
        for item in block.blocks:
            self.add(item, cell)
        first = cell.paragraphs[0]
        if not first.text:  # the empty paragraph every new cell starts with
            first._p.getparent().remove(first._p)

    def add_keep(self, block: model.Keep, container) -> None:
        for item in block.blocks:
            self.add(item, container)

    def add_pagebreak(self, block: model.PageBreak, container) -> None:
        self.pending_break = True

    def add_space(self, block: model.Space, container) -> None:
        self.paragraph(container, "", "body").paragraph_format.space_after = Cm(block.height)


def write_docx(document: model.Document, info: PageInfo) -> bytes:
    """The document as .docx bytes (A4, real heading styles, the fingerprint in the footer)."""
    writer = DocxWriter(info, document.title)
    for block in document.blocks:
        writer.add(block, writer.doc)
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return buffer.getvalue()
