"""The DOCX page and styles of a style set: what an office restyles in Word once.

Every paragraph style names its East-Asian font as Word and WPS resolve it
(仿宋_GB2312 …) and its Latin font, without theme fonts or theme colours;
the font table gives each East-Asian name the font Word substitutes when it
is missing (仿宋_GB2312 → 仿宋). The page has the set's margins, a document
grid of its lines × characters and page numbers outside: odd pages right,
even pages left.
"""

from __future__ import annotations

import math

from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from planwatch.reports.styleset import StyleSet

TABLE_TEXT = "Table Text"  # paragraph styles of our own, based on Normal
TABLE_TEXT_ID = "TableText"
LIST_TEXT = "List Text"  # an annex's entries: table text with room between them
LIST_TEXT_ID = "ListText"
LEAD = "Lead"  # a run-in level-2 heading ("(一)多措并举助企业扩内需。")
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# The styles of the document and the role each takes from the style set.
STYLE_ROLES = {
    "Normal": "body",
    "Title": "title",
    "Heading 1": "heading1",
    "Heading 2": "heading2",
    "Heading 3": "heading3",
    "Heading 4": "heading4",
    "Caption": "caption",
}


def apply_styles(doc: DocumentType, style: StyleSet) -> None:
    """Set the document defaults, the named styles and the font table from ``style``."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(".//" + qn("w:rPr"))
    _fonts(rpr, style, "body")
    half_points = str(round(style.role("body").size_pt * 2))
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), half_points)
    for name, role in STYLE_ROLES.items():
        _style(doc.styles[name], style, role)
    body = doc.styles["Normal"].paragraph_format
    body.first_line_indent = Pt(2 * style.role("body").size_pt)
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _line_of_chars(doc.styles["Normal"], style)
    title = doc.styles["Title"].paragraph_format
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.first_line_indent = Pt(0)
    title.line_spacing = Pt(style.role("title").size_pt * 1.5)
    doc.styles["Caption"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.styles["Caption"].paragraph_format.first_line_indent = Pt(0)
    lead = doc.styles.add_style(LEAD, WD_STYLE_TYPE.PARAGRAPH)
    lead.base_style = doc.styles["Normal"]
    lead.paragraph_format.keep_with_next = True
    cells = doc.styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    assert cells.style_id == TABLE_TEXT_ID
    cells.base_style = doc.styles["Normal"]
    _style(cells, style, "table")
    cells.paragraph_format.first_line_indent = Pt(0)
    cells.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    cells.paragraph_format.line_spacing = 1.0
    _off_grid(cells)
    entries = doc.styles.add_style(LIST_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    assert entries.style_id == LIST_TEXT_ID
    entries.base_style = cells
    entries.paragraph_format.line_spacing = 1.3
    entries.paragraph_format.space_before = Pt(style.role("table").size_pt / 3)
    title_borders = doc.styles["Title"].element.get_or_add_pPr().find(qn("w:pBdr"))
    if title_borders is not None:  # the template's blue rule under the title
        title_borders.getparent().remove(title_borders)
    _font_table(doc, style)


def _line_of_chars(normal: ParagraphStyle, style: StyleSet) -> None:
    """Condense the body's characters so that a line holds ``page.chars`` of them
    (28 × 三号 is a little wider than the text), and keep Word from adding space
    between Chinese and digits, which would break the count."""
    rpr = normal.element.get_or_add_rPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(math.floor(style.char_spacing_pt * 4) * 5))
    rpr.append(spacing)
    ppr = normal.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        ppr.append(element)


def _off_grid(target: ParagraphStyle) -> None:
    """Table text keeps its own line height instead of snapping to the 28-point grid."""
    element = OxmlElement("w:snapToGrid")
    element.set(qn("w:val"), "0")
    target.element.get_or_add_pPr().append(element)


def _style(target: ParagraphStyle, style: StyleSet, role_name: str) -> None:
    role = style.role(role_name)
    target.font.size = Pt(role.size_pt)
    target.font.bold = role.bold
    target.font.italic = False
    rpr = target.element.get_or_add_rPr()
    for color in rpr.findall(qn("w:color")):
        rpr.remove(color)
    _fonts(rpr, style, role_name)
    fmt = target.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(style.page.line_pitch_pt)
    fmt.widow_control = True
    if role_name.startswith("heading") or role_name == "caption":
        fmt.keep_with_next = True


def _fonts(rpr: CT_RPr, style: StyleSet, role_name: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    latin = style.docx_font("latin")
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), style.docx_font(style.role(role_name).font))
    fonts.set(qn("w:hint"), "eastAsia")


def run_font(run: Run, style: StyleSet, font_role: str) -> None:
    """Give one run the East-Asian font of ``font_role`` (a run-in heading in a paragraph)."""
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), style.docx_font(font_role))


def _font_table(doc: DocumentType, style: StyleSet) -> None:
    """Declare each East-Asian font with the font Word substitutes when it is missing."""
    part = doc.part.part_related_by(RT.FONT_TABLE)
    table = parse_xml(part.blob)
    for name, fallback in {v for k, v in style.docx_fonts.items() if k != "latin"}:
        table.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{fallback}"/>'
                '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
            )
        )
    part._blob = etree.tostring(
        table, xml_declaration=True, encoding="UTF-8", standalone=True
    )  # a generic part: its XML is held as bytes


def apply_page(doc: DocumentType, style: StyleSet) -> None:
    """Page size, margins, the lines × characters grid and the outside page numbers."""
    page = style.page
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(page.width_cm), Cm(page.height_cm)
    section.top_margin, section.bottom_margin = Cm(page.top_cm), Cm(page.bottom_cm)
    section.left_margin, section.right_margin = Cm(page.left_cm), Cm(page.right_cm)
    section.footer_distance = Cm(max(page.bottom_cm - 2.8, 0.5))
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")  # a character grid makes LibreOffice spread the text
    grid.set(qn("w:linePitch"), str(round(page.line_pitch_pt * 20)))
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], style, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], style, WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(paragraph: DocxParagraph, style: StyleSet, side: WD_ALIGN_PARAGRAPH) -> None:
    page = style.page
    paragraph.alignment = side
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    indent = Pt(page.number_size_pt)  # one character in from the edge of the text
    if side == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = indent
    else:
        fmt.left_indent = indent
    before, after = page.number_format.split("{n}")
    for text in (before, None, after):
        run = paragraph.add_run(text or "")
        if text is None:
            _field(run._r, "PAGE")
        run.font.size = Pt(page.number_size_pt)
        run_font(run, style, page.number_role)


def _field(run: object, instruction: str) -> None:
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run.append(element)  # type: ignore[attr-defined]
