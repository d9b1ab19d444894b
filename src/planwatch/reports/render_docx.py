"""Render a report as DOCX with real Word styles, so an office can restyle and edit it.

Headings use Word's built-in 标题 1–4 (Heading 1–4), paragraphs 正文
(Normal), tables the built-in "Table Grid" style with a repeated header row,
captions the Caption style; the footer holds a PAGE field. Illustrative
values carry a highlighted 示例数据 mark; missing data is written 暂无数据
in red. Charts are embedded as PNG pictures.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from planwatch.reports.model import (
    ILLUSTRATIVE_LABEL,
    Block,
    Chart,
    Paragraph,
    Report,
    Run,
    Table,
    column_shares,
)
from planwatch.reports.png import chart_png

BODY_FONT = "Noto Serif CJK SC"  # 仿宋 in an office that has it: restyle 正文 once
HEADING_FONT = "Noto Sans CJK SC"
RED = RGBColor(0xB0, 0x3A, 0x2E)
TABLE_TEXT = "Table Text"  # a paragraph style of our own, based on Normal
TABLE_TEXT_ID = "TableText"
TEXT_WIDTH_CM = 16.6


def render_docx(report: Report) -> bytes:
    """The report as DOCX bytes."""
    doc = Document()
    _styles(doc)
    _page(doc)
    doc.add_heading(report.title, level=0)
    if report.subtitle:
        doc.add_paragraph(report.subtitle, style="Subtitle")
    if report.has_illustrative:
        note = doc.add_paragraph()
        note.add_run(
            f"标有“{ILLUSTRATIVE_LABEL}”的数值为演示用的示意数值,并非已发布数据。"
        ).italic = True
    for section in report.sections:
        for level, s in section.walk():
            doc.add_heading(s.title, level=min(level, 4))
            for block in s.blocks:
                _block(doc, block)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _styles(doc: DocumentType) -> None:
    for name, font, size in (
        ("Normal", BODY_FONT, 12),
        ("Title", HEADING_FONT, 18),
        ("Subtitle", BODY_FONT, 11),
        ("Caption", HEADING_FONT, 10),
        *((f"Heading {k}", HEADING_FONT, 16 - 1.5 * k) for k in range(1, 5)),
    ):
        style = doc.styles[name]
        style.font.name = font
        style.font.size = Pt(size)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    doc.styles["Normal"].paragraph_format.first_line_indent = Pt(24)
    doc.styles["Normal"].paragraph_format.line_spacing = 1.5
    cells = doc.styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    assert cells.style_id == TABLE_TEXT_ID
    cells.base_style = doc.styles["Normal"]
    cells.font.size = Pt(9)
    cells.paragraph_format.first_line_indent = Pt(0)
    cells.paragraph_format.line_spacing = 1.0


def _page(doc: DocumentType) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    _field(footer, "PAGE")
    footer.add_run(" 页")


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _block(doc: DocumentType, block: Block) -> None:
    if isinstance(block, Paragraph):
        paragraph = doc.add_paragraph()  # 正文 (Normal) is the document default
        for run in block.runs:
            _run(paragraph, run, bold=block.style == "lead")
    elif isinstance(block, Table):
        _table(doc, block)
    else:
        _chart(doc, block)


def _run(paragraph: DocxParagraph, run: Run, *, bold: bool = False) -> None:
    piece = paragraph.add_run(run.text)
    piece.bold = bold or None
    if run.missing:
        piece.font.color.rgb = RED
    if run.illustrative:
        mark = paragraph.add_run(ILLUSTRATIVE_LABEL)
        mark.font.superscript = True
        mark.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _table(doc: DocumentType, table: Table) -> None:
    doc.add_paragraph(table.caption, style="Caption")
    grid = doc.add_table(rows=1, cols=len(table.header), style="Table Grid")
    widths = _widths(table)
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by; Word reads each cell's width
    _row_properties(grid.rows[0]._tr, header=True)
    for cell, title, width in zip(grid.rows[0].cells, table.header, widths, strict=True):
        cell.width = width
        cell.paragraphs[0]._p.style = TABLE_TEXT_ID
        cell.paragraphs[0].add_run(title).bold = True
    for row in table.rows:
        added = grid.add_row()
        _row_properties(added._tr, header=False)
        for k, (cell, runs) in enumerate(zip(added.cells, row, strict=True)):
            cell.width = widths[k]
            paragraph = cell.paragraphs[0]
            # by id: python-docx's lookup by name scans every style, per cell
            paragraph._p.style = TABLE_TEXT_ID
            if k in table.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in runs:
                _run(paragraph, run)
    if table.note:
        doc.add_paragraph(f"注:{table.note}", style="Caption")


def _widths(table: Table) -> list[Cm]:
    return [Cm(TEXT_WIDTH_CM * share) for share in column_shares(table)]


def _row_properties(tr: OxmlElement, *, header: bool) -> None:
    """Never split a row across pages; repeat the header row on every page."""
    properties = tr.get_or_add_trPr()
    for tag in ("w:cantSplit", *(("w:tblHeader",) if header else ())):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _chart(doc: DocumentType, chart: Chart) -> None:
    doc.add_picture(BytesIO(chart_png(chart)), width=Cm(16))
    doc.add_paragraph(chart.caption, style="Caption").alignment = WD_ALIGN_PARAGRAPH.CENTER
