"""Tables and runs in DOCX, written as WordprocessingML directly.

python-docx adds a row and a run by walking the XML for each one; a report
with 表1 and 专栏5 (some 900 cells, 800 runs) took two seconds that way.
Here rows and a paragraph's runs are built as one XML string and parsed
once. Tables: Word's "Table Grid" style, a header row repeated on every
page, rows never split, each cell in the ``Table Text`` paragraph style with
its width in twips.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.document import Document as DocumentType
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.text.paragraph import CT_P

from planwatch.reports.docx_layout import TABLE_TEXT_ID
from planwatch.reports.model import ILLUSTRATIVE_LABEL, Cell, Run, Table

MARK = (
    '<w:r><w:rPr><w:highlight w:val="yellow"/><w:vertAlign w:val="superscript"/></w:rPr>'
    f"<w:t>{ILLUSTRATIVE_LABEL}</w:t></w:r>"
)


def add_table(
    doc: DocumentType,
    table: Table,
    widths_twips: Sequence[int],
    headers: Sequence[Sequence[str]],
    *,
    marks: bool,
) -> None:
    """Append ``table`` to ``doc`` (after its caption paragraph, which the caller writes),
    each header title in ``headers``' lines."""
    grid = doc.add_table(rows=0, cols=len(table.header), style="Table Grid")
    tbl = grid._tbl
    tbl.tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    for column, width in zip(tbl.tblGrid.gridCol_lst, widths_twips, strict=True):
        column.set(_w("w"), str(width))  # the grid LibreOffice lays out by
    header = "".join(
        _cell(_header(lines), width, align="center")
        for lines, width in zip(headers, widths_twips, strict=True)
    )
    rows = [_row(header, header_row=True)]
    for row in table.rows:
        cells = "".join(
            _cell(
                _runs(cell, marks),
                width,
                align="right" if k in table.numeric else "",
            )
            for k, (cell, width) in enumerate(zip(row, widths_twips, strict=True))
        )
        rows.append(_row(cells, header_row=False))
    wrapper = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
    for tr in list(wrapper):
        tbl.append(tr)


def _w(name: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name


def _row(cells: str, *, header_row: bool) -> str:
    header = '<w:tblHeader w:val="true"/>' if header_row else ""
    return f'<w:tr><w:trPr><w:cantSplit w:val="true"/>{header}</w:trPr>{cells}</w:tr>'


def _header(lines: Sequence[str]) -> str:
    """A header title in bold, a line break between its lines ("总投资" / "(亿元)")."""
    return "<w:r><w:br/></w:r>".join(_run(line, "<w:b/>") for line in lines)


def _cell(runs: str, width: int, *, align: str = "") -> str:
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{TABLE_TEXT_ID}"/>{jc}</w:pPr>{runs}</w:p></w:tc>'
    )


@dataclass(frozen=True)
class RunLook:
    """A run and how it is set: its East-Asian font when not the style's, bold."""

    run: Run
    east_asia: str = ""
    bold: bool = False


def add_runs(p: CT_P, runs: Sequence[RunLook], *, marks: bool) -> None:
    """Append ``runs`` to the paragraph element ``p``, with 示例数据 marks when ``marks``."""
    xml = []
    for look in runs:
        props = (f'<w:rFonts w:eastAsia="{look.east_asia}"/>' if look.east_asia else "") + (
            "<w:b/>" if look.bold else ""
        )
        xml.append(_run(look.run.text, props))
        if marks and look.run.illustrative:
            xml.append(MARK)
    wrapper = parse_xml(f"<w:p {nsdecls('w')}>{''.join(xml)}</w:p>")
    for r in list(wrapper):
        p.append(r)


def _run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _runs(cell: Cell, marks: bool) -> str:
    parts = []
    for run in cell:
        parts.append(_run(run.text))
        if marks and run.illustrative:
            parts.append(MARK)
    return "".join(parts)
