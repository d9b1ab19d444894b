"""Render a report as DOCX with real Word styles, laid out by a style set (公文 by default).

Headings use Word's built-in 标题 1–4 (Heading 1–4), paragraphs 正文
(Normal), tables the built-in "Table Grid" style with a repeated header row,
captions the Caption style, so an office restyles the document once; the
page, fonts and sizes come from :mod:`planwatch.reports.styleset`. Only the
review copy marks illustrative values (示例数据); charts are PNG pictures.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from planwatch.reports.docx_layout import (
    LEAD,
    LIST_TEXT_ID,
    TABLE_TEXT_ID,
    apply_page,
    apply_styles,
)
from planwatch.reports.docx_table import RunLook, add_runs, add_table
from planwatch.reports.model import (
    Block,
    Official,
    Paragraph,
    Report,
    Table,
    column_shares,
    header_lines,
)
from planwatch.reports.png import chart_png
from planwatch.reports.styleset import GBT_9704, StyleSet

# Paragraph styles of the model's paragraph kinds that are not Normal (by id).
_PARAGRAPH_STYLES = {"lead": LEAD, "list": LIST_TEXT_ID}


def render_docx(report: Report, style: StyleSet = GBT_9704) -> bytes:
    """The report as DOCX bytes."""
    doc = Document()
    apply_styles(doc, style)
    apply_page(doc, style)
    writer = _Writer(doc, style, marks=report.review)
    official = report.official or Official()
    if official.number:
        _centered(doc, official.number)
    _styled(doc, "Title", report.title)
    if report.subtitle:
        _centered(doc, report.subtitle)
    doc.add_paragraph()
    if official.addressees:
        _flush(doc.add_paragraph(f"{official.addressees}:"))
    for section in report.sections:
        for level, s in section.walk():
            if s.title:
                _styled(doc, f"Heading{min(level, 4)}", s.title)
            for block in s.blocks:
                writer.block(block)
    _closing(doc, official, style)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


class _Writer:
    def __init__(self, doc: DocumentType, style: StyleSet, *, marks: bool) -> None:
        self.doc, self.style, self.marks = doc, style, marks

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            lead = block.style == "lead"
            style_id = _PARAGRAPH_STYLES.get(block.style)
            paragraph = _styled(self.doc, style_id) if style_id else self.doc.add_paragraph()
            heading = self.style.heading(2 if lead else 3)
            font = self.style.docx_font(heading.font)
            add_runs(
                paragraph._p,
                [
                    RunLook(
                        r, east_asia=font if r.strong or lead else "", bold=r.strong and not lead
                    )
                    for r in block.runs
                ],
                marks=self.marks,
            )
            if block.style == "to":  # the addressee (各位代表:) stands flush left
                _flush(paragraph)
        elif isinstance(block, Table):
            self.table(block)
        else:
            self.doc.add_picture(BytesIO(chart_png(block)), width=Cm(15))
            _styled(self.doc, "Caption", block.caption)

    def table(self, table: Table) -> None:
        _styled(self.doc, "Caption", table.caption)
        size = self.style.role("table").size_pt
        text_pt = self.style.page.text_width_pt
        shares = column_shares(table, text_pt / size)
        widths = [round(text_pt * 20 * s) for s in shares]
        chars = text_pt / size
        heads = [header_lines(h, s * chars) for h, s in zip(table.header, shares, strict=True)]
        add_table(self.doc, table, widths, heads, marks=self.marks)
        if table.note:
            _styled(self.doc, TABLE_TEXT_ID, f"注:{table.note}")


def _styled(doc: DocumentType, style_id: str, text: str = "") -> DocxParagraph:
    """A paragraph in a style given by id: python-docx's lookup by name scans every
    style and costs 20 ms a call."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = style_id
    return paragraph


def _centered(doc: DocumentType, text: str) -> None:
    paragraph = doc.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)


def _flush(paragraph: DocxParagraph) -> None:
    paragraph.paragraph_format.first_line_indent = Pt(0)


def _closing(doc: DocumentType, official: Official, style: StyleSet) -> None:
    """发文机关署名 and 成文日期 right, four characters in; then 抄送 under a rule."""
    if official.issuer or official.date:
        doc.add_paragraph()
        for text in (official.issuer, official.date):
            if text:
                paragraph = doc.add_paragraph(text)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                paragraph.paragraph_format.right_indent = Pt(4 * style.role("body").size_pt)
                paragraph.paragraph_format.keep_with_next = True
    if official.copies:
        doc.add_paragraph()
        paragraph = doc.add_paragraph(f"抄送:{official.copies}。")
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.left_indent = fmt.right_indent = Pt(style.page.number_size_pt)
        for run in paragraph.runs:
            run.font.size = Pt(style.page.number_size_pt)
        _rules(paragraph)


def _rules(paragraph: DocxParagraph) -> None:
    """The 版记's thin rules above and below the 抄送 line."""
    borders = OxmlElement("w:pBdr")
    for side in ("top", "bottom"):
        rule = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "000000")):
            rule.set(qn(f"w:{key}"), value)
        borders.append(rule)
    paragraph._p.get_or_add_pPr().append(borders)


def _row_properties(tr: OxmlElement, *, header: bool) -> None:
    """Never split a row across pages; repeat the header row on every page."""
    properties = tr.get_or_add_trPr()
    for tag in ("w:cantSplit", *(("w:tblHeader",) if header else ())):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)
