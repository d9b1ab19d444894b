"""DOCX and PDF are laid out as a 公文 (GB/T 9704-2012) by a style set an office can change."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from planwatch.reports.build_annual import build_annual
from planwatch.reports.model import Report, Run, Section, Table, column_shares, text_width
from planwatch.reports.render import Format, render
from planwatch.reports.render_html import render_html
from planwatch.reports.render_pdf import print_css
from planwatch.reports.styleset import GBT_9704, region_style
from tests.reports.builders import annual_inputs_without_db, seed_projects, seed_task_area


@pytest.fixture(scope="module")
def document():
    inputs = annual_inputs_without_db(projects=seed_projects(), plan_tasks=[seed_task_area()])
    return docx.Document(BytesIO(render(build_annual(inputs), Format.DOCX)))


def east_asian(style) -> str:
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_docx_styles_name_the_fonts_word_resolves_at_the_gbt9704_sizes(document):
    styles = document.styles
    assert (east_asian(styles["Title"]), styles["Title"].font.size) == ("方正小标宋简体", Pt(22))
    assert (east_asian(styles["Normal"]), styles["Normal"].font.size) == ("仿宋_GB2312", Pt(16))
    assert (
        east_asian(styles["Heading 1"]) == "黑体"
        and east_asian(styles["Heading 2"]) == "楷体_GB2312"
    )
    assert styles["Heading 3"].font.bold and east_asian(styles["Heading 3"]) == "仿宋_GB2312"
    assert styles["Normal"].paragraph_format.line_spacing == Pt(28)
    font_table = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    ).blob.decode("utf-8")
    assert 'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in font_table


def test_docx_has_no_theme_colour_theme_font_or_tool_subtitle(document):
    xml = document.styles.element.xml
    for name in ("Title", "Heading 1", "Heading 2"):
        rpr = document.styles[name].element.rPr
        assert rpr.find(qn("w:color")) is None
        assert rpr.rFonts.get(qn("w:asciiTheme")) is None
    assert "planwatch" not in "".join(p.text for p in document.paragraphs)
    assert "示例数据" not in "".join(p.text for p in document.paragraphs)
    assert xml


def test_docx_page_has_the_margins_grid_and_outside_page_numbers(document):
    section = document.sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    expected = (Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6))
    assert all(abs(m - e) < Cm(0.01) for m, e in zip(margins, expected, strict=True))
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "560"
    spacing = document.styles["Normal"].element.rPr.find(qn("w:spacing"))
    assert int(spacing.get(qn("w:val"))) < 0  # 28 condensed 三号 characters fill a line
    assert document.settings.odd_and_even_pages_header_footer
    assert section.footer.paragraphs[0].alignment == 2  # right on odd pages
    assert section.even_page_footer.paragraphs[0].alignment == 0  # left on even pages


def test_a_body_line_holds_28_characters_and_a_page_22_lines():
    page = GBT_9704.page
    per_char = GBT_9704.role("body").size_pt + GBT_9704.char_spacing_pt
    assert round(page.text_width_pt / per_char) == 28
    assert (
        page.lines * page.line_pitch_pt
        <= (page.height_cm - page.top_cm - page.bottom_cm) * 72 / 2.54
    )


def test_pdf_print_sheet_numbers_pages_outside_and_keeps_headings_with_their_text():
    css = print_css(GBT_9704)
    assert '@page:right{@bottom-right{content:"— " counter(page) " —"' in css
    assert '@page:left{@bottom-left{content:"— " counter(page) " —"' in css
    assert "margin:3.7cm 2.6cm 3.5cm 2.8cm" in css and "line-height:28.0pt" in css
    assert "h1,h2,h3,h4,h5,p.lead,caption{break-after:avoid}" in css


def test_an_office_changes_its_layout_by_data():
    style = region_style({"roles": {"body": {"font": "song", "size_pt": 14.0}}})
    assert style.role("body").size_pt == 14.0 and style.docx_font("song") == "宋体"
    assert style.role("heading1") == GBT_9704.role("heading1")


def test_a_verdict_column_is_never_narrower_than_its_word():
    cell = (Run("低于预期(<80%)"),)
    long = (Run("一个很长的指标名称需要换行才能放下" * 2),)
    table = Table("表1", tuple(f"列{k}" for k in range(9)), ((long,) * 8 + (cell,),))
    shares = column_shares(table, line_width=42.0)
    assert shares[8] * 42.0 >= text_width("低于预期")


def test_a_figures_header_wraps_before_its_unit_to_leave_the_names_one_line():
    name = (Run("马武镇新能源汽车零部件基地项目(合成)"),)
    row = (name, (Run("11.2"),), (Run("5.6"),))
    table = Table("专栏5", ("项目名称", "总投资(亿元)", "年度计划(亿元)"), (row,), numeric=(1, 2))
    shares = column_shares(table, line_width=30.0)
    assert shares[0] * 30.0 >= text_width(name[0].text)
    report = Report("专栏", sections=(Section("", (table,)),))
    assert "总投资<br>(亿元)" in render_html(report)
    cell = docx.Document(BytesIO(render(report, Format.DOCX))).tables[0].rows[0].cells[1]
    assert cell.text == "总投资\n(亿元)"


def test_table_1s_headers_wrap_after_the_year_never_inside_a_word():
    report = build_annual(annual_inputs_without_db())
    width = GBT_9704.page.text_width_pt / GBT_9704.role("table").size_pt
    html = render_html(report, line_width=width)
    assert "<th>2024年<br>实际/预计</th>" in html and "<th>2025年<br>目标</th>" in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_no_page_of_the_pdf_ends_with_a_heading(tmp_path):
    inputs = annual_inputs_without_db(projects=seed_projects(), plan_tasks=[seed_task_area()])
    report = build_annual(inputs)
    path = tmp_path / "annual.pdf"
    path.write_bytes(render(report, Format.PDF))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    headings = {s.title for top in report.sections for _, s in top.walk() if s.title}
    for page in text.split("\f")[:-1]:
        lines = [line for line in page.splitlines() if line.strip() and "—" not in line]
        assert lines and lines[-1] not in headings
