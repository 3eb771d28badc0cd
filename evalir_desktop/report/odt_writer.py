"""Write a `model.Document` as OpenDocument text (.odt) with odfpy."""

import io

from odf import teletype
from odf.dc import Title
from odf.draw import Frame, Image
from odf.opendocument import OpenDocumentText
from odf.style import (
    FontFace,
    Footer,
    GraphicProperties,
    Header,
    ListLevelProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import (
    H,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListStyle,
    P,
    PageCount,
    PageNumber,
    Span,
)

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

BORDER = "0.5pt solid #000000"


def _text_properties(spec: ParaStyle, size: float | None = None) -> TextProperties:
    attributes = {"fontname": FONT, "fontsize": f"{size or spec.size}pt"}
    if spec.bold:
        attributes["fontweight"] = "bold"
    if spec.italic:
        attributes["fontstyle"] = "italic"
    if spec.grey:
        attributes["color"] = f"#{GREY_HEX}"
    return TextProperties(**attributes)


def _paragraph_properties(spec: ParaStyle, **extra) -> ParagraphProperties:
    attributes = {
        "margintop": f"{spec.before}pt",
        "marginbottom": f"{spec.after}pt",
        "marginleft": f"{spec.indent}cm",
        **extra,
    }
    if spec.boxed:
        attributes.update(border=BORDER, padding="0.25cm", backgroundcolor="#F5F5F5")
    if spec.centred:
        attributes["textalign"] = "center"
    return ParagraphProperties(**attributes)


class OdtWriter:
    """Adds blocks to one OpenDocument text; styles are created once, on first use."""

    def __init__(self, info: PageInfo, title: str):
        self.doc = OpenDocumentText()
        self.doc.fontfacedecls.addElement(
            FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss", fontpitch="variable")
        )
        self.styles: dict[str, Style] = {}
        self.pending_break = False
        self.counter = 0
        self._page(info)
        self._named_styles()
        self.doc.meta.addElement(Title(text=clean(title)))

    # -- styles --------------------------------------------------------------------

    def _page(self, info: PageInfo) -> None:
        layout = PageLayout(name="A4")
        layout.addElement(
            PageLayoutProperties(
                pagewidth="21cm",
                pageheight="29.7cm",
                printorientation="portrait",
                margin=f"{PAGE_MARGIN_CM}cm",
            )
        )
        self.doc.automaticstyles.addElement(layout)
        small = ParaStyle("Pied de page", size=7.5, grey=True, after=0)
        self.footer_style = self._style("Footer", small, display="Pied de page")
        master = MasterPage(name="Standard", pagelayoutname=layout)
        header = Header()
        header.addElement(P(stylename=self.footer_style, text=header_text(info)))
        footer = Footer()
        line = P(stylename=self.footer_style, text=footer_text(info) + " · Page ")
        line.addElement(PageNumber(selectpage="current", text="1"))
        line.addText(" / ")
        line.addElement(PageCount(text="1"))
        footer.addElement(line)
        master.addElement(header)
        master.addElement(footer)
        self.doc.masterstyles.addElement(master)

    def _style(self, name: str, spec: ParaStyle, display: str = "", **extra) -> Style:
        style = Style(name=name, displayname=display or spec.display, family="paragraph")
        style.addElement(_paragraph_properties(spec, **extra))
        style.addElement(_text_properties(spec))
        self.doc.styles.addElement(style)
        return style

    def _named_styles(self) -> None:
        for key, spec in PARA_STYLES.items():
            self.styles[key] = self._style(f"Evalir_{key}", spec)
        for level, size in HEADING_SIZES.items():
            spec = ParaStyle("", size=size, bold=True, before=18 if level == 1 else 8, after=6)
            name = "Title" if level == 0 else f"Heading_20_{level}"
            display = "Titre" if level == 0 else f"Heading {level}"
            style = Style(
                name=name,
                displayname=display,
                family="paragraph",
                defaultoutlinelevel=str(level) if level else None,
            )
            style.addElement(_paragraph_properties(spec, keepwithnext="always"))
            style.addElement(TextProperties(fontname=FONT, fontsize=f"{size}pt", fontweight="bold"))
            self.doc.styles.addElement(style)
            self.styles[f"h{level}"] = style
        self.bullets = ListStyle(name="Evalir_puces")
        level = ListLevelStyleBullet(level=1, bulletchar="•")
        level.addElement(ListLevelProperties(spacebefore="0.2cm", minlabelwidth="0.4cm"))
        self.bullets.addElement(level)
        self.doc.automaticstyles.addElement(self.bullets)

    def _auto(self, family: str, *properties) -> Style:
        self.counter += 1
        style = Style(name=f"E{family[0]}{self.counter}", family=family)
        for item in properties:
            style.addElement(item)
        self.doc.automaticstyles.addElement(style)
        return style

    def _breaking(self, style: Style) -> Style:
        """`style`, or a variant that starts a new page when a page break is pending."""
        if not self.pending_break:
            return style
        self.pending_break = False
        variant = self._auto("paragraph", ParagraphProperties(breakbefore="page"))
        variant.setAttribute("parentstylename", style)
        return variant

    # -- blocks --------------------------------------------------------------------

    def paragraph(self, text: str, style: str = "body", lead: str = "") -> P:
        element = P(stylename=self._breaking(self.styles[style]))
        if lead:
            bold = self._auto("text", TextProperties(fontweight="bold"))
            element.addElement(Span(stylename=bold, text=clean(lead) + " "))
        teletype.addTextToElement(element, clean(text))
        return element

    def add(self, block, parent) -> None:
        handler = getattr(self, f"add_{type(block).__name__.lower()}")
        handler(block, parent)

    def add_heading(self, block: model.Heading, parent) -> None:
        style = self._breaking(self.styles[f"h{block.level}"])
        if block.level == 0:
            element = P(stylename=style)
        else:
            element = H(outlinelevel=block.level, stylename=style)
        teletype.addTextToElement(element, clean(block.text))
        parent.addElement(element)

    def add_para(self, block: model.Para, parent) -> None:
        parent.addElement(self.paragraph(block.text, block.style, block.lead))

    def add_bullets(self, block: model.Bullets, parent) -> None:
        style = "small" if block.style == "small" else "bullet"
        if not block.mark:
            for item in block.items:
                parent.addElement(self.paragraph(item, style))
            return
        listing = List(stylename=self.bullets)
        for item in block.items:
            entry = ListItem()
            entry.addElement(self.paragraph(item, style))
            listing.addElement(entry)
        parent.addElement(listing)

    def _table(self, widths_cm: list[float], parent) -> Table:
        self.counter += 1
        style = self._auto("table", TableProperties(width=f"{sum(widths_cm):.2f}cm", align="left"))
        if self.pending_break:
            self.pending_break = False
            style.firstChild.setAttribute("breakbefore", "page")
        element = Table(name=f"Tableau{self.counter}", stylename=style)
        for width in widths_cm:
            column = self._auto("table-column", TableColumnProperties(columnwidth=f"{width:.2f}cm"))
            element.addElement(TableColumn(stylename=column))
        parent.addElement(element)
        return element

    def _row(self, cells, head: bool = False, key_column: bool = False) -> TableRow:
        row = TableRow()
        properties = {"border": BORDER, "padding": "0.08cm"}
        if head:
            properties["backgroundcolor"] = f"#{LIGHT_HEX}"
        style = self._auto("table-cell", TableCellProperties(**properties))
        for index, value in enumerate(cells):
            cell = TableCell(stylename=style, valuetype="string")
            text = value.text if isinstance(value, model.Bar) else value
            bold = head or (key_column and index == 0)
            cell.addElement(self.paragraph(text or "", "cell_head" if bold else "cell"))
            row.addElement(cell)
        return row

    def add_table(self, block: model.Table, parent) -> None:
        element = self._table(relative_widths(block.widths), parent)
        header = TableHeaderRows()
        header.addElement(self._row(block.header, head=True))
        element.addElement(header)
        for row in block.rows:
            element.addElement(self._row(row))

    def add_keyvalues(self, block: model.KeyValues, parent) -> None:
        element = self._table([block.key_width, TEXT_WIDTH_CM - block.key_width], parent)
        for key, value in block.rows:
            element.addElement(self._row([key, value or "—"], key_column=True))

    def add_radar(self, block: model.Radar, parent) -> None:
        href = self.doc.addPicture("Pictures/radar.png", "image/png", radar_png(block))
        width, height = RADAR_SIZE_CM
        frame_style = self._auto("graphic", GraphicProperties(wrap="none", horizontalpos="center"))
        frame = Frame(
            stylename=frame_style,
            width=f"{width}cm",
            height=f"{height}cm",
            anchortype="as-char",
            name="Radar",
        )
        frame.addElement(Image(href=href))
        holder = P(stylename=self._breaking(self.styles["center"]))
        holder.addElement(frame)
        parent.addElement(holder)

    def add_fillline(self, block: model.FillLine, parent) -> None:
        parent.addElement(self.paragraph(f"{block.label} : " + "_" * 40, "body"))

    def add_blanklines(self, block: model.BlankLines, parent) -> None:
        for _ in range(block.count):
            parent.addElement(self.paragraph("_" * 70, "body"))

    def add_choices(self, block: model.Choices, parent) -> None:
        for label in block.labels:
            parent.addElement(self.paragraph(f"☐ {label}", "body"))

    def add_boxed(self, block: model.Boxed, parent) -> None:
        element = self._table([TEXT_WIDTH_CM], parent)
        row = TableRow()
        style = self._auto(
            "table-cell", TableCellProperties(border="1pt solid #000000", padding="0.3cm")
        )
        cell = TableCell(stylename=style)
        for item in block.blocks:
            self.add(item, cell)
        row.addElement(cell)
        element.addElement(row)

    def add_keep(self, block: model.Keep, parent) -> None:
        for item in block.blocks:
            self.add(item, parent)

    def add_pagebreak(self, block: model.PageBreak, parent) -> None:
        self.pending_break = True

    def add_space(self, block: model.Space, parent) -> None:
        spec = ParaStyle("", after=block.height * 28.35)
        parent.addElement(P(stylename=self._auto("paragraph", _paragraph_properties(spec))))


def write_odt(document: model.Document, info: PageInfo) -> bytes:
    """The document as .odt bytes (A4, real heading styles, the fingerprint in the footer)."""
    writer = OdtWriter(info, document.title)
    for block in document.blocks:
        writer.add(block, writer.doc.text)
    buffer = io.BytesIO()
    writer.doc.write(buffer)
    return buffer.getvalue()
